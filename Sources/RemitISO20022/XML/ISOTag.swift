/// The element names the ISO 20022 reader acts on; anything else is `other`.
///
/// libxml2 interns every name, so `XMLStream` maps a name to its tag by pointer, without building strings.
enum ISOTag: UInt8, CaseIterable {
    case other
    case document
    case bkToCstmrStmt
    case bkToCstmrDbtCdtNtfctn
    case bkToCstmrAcctRpt
    case rmtAdvc
    case grpHdr
    case msgId
    case creDtTm
    case stmt
    case ntfctn
    case rpt
    case id
    case acct
    case iban
    case othr
    case ccy
    case bal
    case tp
    case cdOrPrtry
    case cd
    case prtry
    case amt
    case cdtDbtInd
    case dt
    case dtTm
    case txsSummry
    case ttlNtries
    case ttlCdtNtries
    case ttlDbtNtries
    case nbOfNtries
    case sum
    case ttlNetNtryAmt
    case ttlNetNtry
    case ntry
    case ntryRef
    case rvslInd
    case sts
    case bookgDt
    case valDt
    case acctSvcrRef
    case bkTxCd
    case domn
    case fmly
    case subFmlyCd
    case ntryDtls
    case btch
    case txDtls
    case addtlNtryInf
    case refs
    case endToEndId
    case uetr
    case instrId
    case txId
    case amtDtls
    case txAmt
    case instdAmt
    case rltdPties
    case dbtr
    case cdtr
    case ultmtDbtr
    case ultmtCdtr
    case pty
    case nm
    case orgId
    case prvtId
    case anyBIC
    case bicOrBEI
    case rmtInf
    case ustrd
    case strd
    case rfrdDocInf
    case nb
    case rltdDt
    case rfrdDocAmt
    case duePyblAmt
    case dscntApldAmt
    case cdtNoteAmt
    case taxAmt
    case adjstmntAmtAndRsn
    case rsn
    case addtlInf
    case rmtdAmt
    case rmtAmtAndTp
    case cdtrRefInf
    case ref
    case issr
    case addtlRmtInf
    case addtlTxInf
    case rmtId
    case orgnlPmtInf
    case reqdExctnDt
    case eqvtAmt
    case lineDtls
    case rltdRmtInf

    /// The element's local name as written in the XML.
    var name: String {
        switch self {
        case .other: return ""
        case .document: return "Document"
        case .bkToCstmrStmt: return "BkToCstmrStmt"
        case .bkToCstmrDbtCdtNtfctn: return "BkToCstmrDbtCdtNtfctn"
        case .bkToCstmrAcctRpt: return "BkToCstmrAcctRpt"
        case .rmtAdvc: return "RmtAdvc"
        case .grpHdr: return "GrpHdr"
        case .msgId: return "MsgId"
        case .creDtTm: return "CreDtTm"
        case .stmt: return "Stmt"
        case .ntfctn: return "Ntfctn"
        case .rpt: return "Rpt"
        case .id: return "Id"
        case .acct: return "Acct"
        case .iban: return "IBAN"
        case .othr: return "Othr"
        case .ccy: return "Ccy"
        case .bal: return "Bal"
        case .tp: return "Tp"
        case .cdOrPrtry: return "CdOrPrtry"
        case .cd: return "Cd"
        case .prtry: return "Prtry"
        case .amt: return "Amt"
        case .cdtDbtInd: return "CdtDbtInd"
        case .dt: return "Dt"
        case .dtTm: return "DtTm"
        case .txsSummry: return "TxsSummry"
        case .ttlNtries: return "TtlNtries"
        case .ttlCdtNtries: return "TtlCdtNtries"
        case .ttlDbtNtries: return "TtlDbtNtries"
        case .nbOfNtries: return "NbOfNtries"
        case .sum: return "Sum"
        case .ttlNetNtryAmt: return "TtlNetNtryAmt"
        case .ttlNetNtry: return "TtlNetNtry"
        case .ntry: return "Ntry"
        case .ntryRef: return "NtryRef"
        case .rvslInd: return "RvslInd"
        case .sts: return "Sts"
        case .bookgDt: return "BookgDt"
        case .valDt: return "ValDt"
        case .acctSvcrRef: return "AcctSvcrRef"
        case .bkTxCd: return "BkTxCd"
        case .domn: return "Domn"
        case .fmly: return "Fmly"
        case .subFmlyCd: return "SubFmlyCd"
        case .ntryDtls: return "NtryDtls"
        case .btch: return "Btch"
        case .txDtls: return "TxDtls"
        case .addtlNtryInf: return "AddtlNtryInf"
        case .refs: return "Refs"
        case .endToEndId: return "EndToEndId"
        case .uetr: return "UETR"
        case .instrId: return "InstrId"
        case .txId: return "TxId"
        case .amtDtls: return "AmtDtls"
        case .txAmt: return "TxAmt"
        case .instdAmt: return "InstdAmt"
        case .rltdPties: return "RltdPties"
        case .dbtr: return "Dbtr"
        case .cdtr: return "Cdtr"
        case .ultmtDbtr: return "UltmtDbtr"
        case .ultmtCdtr: return "UltmtCdtr"
        case .pty: return "Pty"
        case .nm: return "Nm"
        case .orgId: return "OrgId"
        case .prvtId: return "PrvtId"
        case .anyBIC: return "AnyBIC"
        case .bicOrBEI: return "BICOrBEI"
        case .rmtInf: return "RmtInf"
        case .ustrd: return "Ustrd"
        case .strd: return "Strd"
        case .rfrdDocInf: return "RfrdDocInf"
        case .nb: return "Nb"
        case .rltdDt: return "RltdDt"
        case .rfrdDocAmt: return "RfrdDocAmt"
        case .duePyblAmt: return "DuePyblAmt"
        case .dscntApldAmt: return "DscntApldAmt"
        case .cdtNoteAmt: return "CdtNoteAmt"
        case .taxAmt: return "TaxAmt"
        case .adjstmntAmtAndRsn: return "AdjstmntAmtAndRsn"
        case .rsn: return "Rsn"
        case .addtlInf: return "AddtlInf"
        case .rmtdAmt: return "RmtdAmt"
        case .rmtAmtAndTp: return "RmtAmtAndTp"
        case .cdtrRefInf: return "CdtrRefInf"
        case .ref: return "Ref"
        case .issr: return "Issr"
        case .addtlRmtInf: return "AddtlRmtInf"
        case .addtlTxInf: return "AddtlTxInf"
        case .rmtId: return "RmtId"
        case .orgnlPmtInf: return "OrgnlPmtInf"
        case .reqdExctnDt: return "ReqdExctnDt"
        case .eqvtAmt: return "EqvtAmt"
        case .lineDtls: return "LineDtls"
        case .rltdRmtInf: return "RltdRmtInf"
        }
    }

    /// Elements that repeat under one parent; paths in messages number them (`Ntry[3]`).
    var isRepeatable: Bool {
        switch self {
        case .stmt, .ntfctn, .rpt, .bal, .ntry, .ntryDtls, .txDtls, .rmtInf, .ustrd, .strd, .rfrdDocInf, .dscntApldAmt,
            .taxAmt, .adjstmntAmtAndRsn, .rmtAmtAndTp, .cdtrRefInf, .addtlRmtInf, .lineDtls:
            return true
        default: return false
        }
    }
}

extension ISOTag {
    /// Amount elements whose `Ccy` attribute the reader needs.
    var carriesCurrency: Bool {
        switch self {
        case .amt, .duePyblAmt, .dscntApldAmt, .cdtNoteAmt, .taxAmt, .rmtdAmt, .instdAmt: return true
        default: return false
        }
    }
}
