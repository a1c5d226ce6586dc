import RemitCore

/// Writes a synthetic camt.054.001.08 notification of about a requested size, for `remit-bench iso20022`.
///
/// Entries cycle through three shapes Remit meets: one transaction remitting two structured invoices, one
/// of them short paid with an adjustment and a reason; a batch of three transactions of one invoice each;
/// and one transaction with free text only. Amounts are fixed per shape, so a correct reader reports no
/// problem. The file is indented as banks send it, one element per line.
struct SyntheticCamt054 {
    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
          <BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2026-12-01T08:00:00</CreDtTm></GrpHdr>
            <Ntfctn>
              <Id>BENCH-NTF-1</Id>
              <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>

        """

    static let tail = """
            </Ntfctn>
          </BkToCstmrDbtCdtNtfctn>
        </Document>

        """

    /// Writes entries until `targetBytes` are reached, then closes the document.
    ///
    /// - Returns: the bytes written and the number of entries.
    static func write(path: String, targetBytes: Int64) throws -> (bytes: Int64, entries: Int) {
        let output = try BufferedOutput(creating: path)
        var text = Array(head.utf8)
        text.reserveCapacity(1 << 16)
        var written: Int64 = 0
        var entries = 0
        while written + Int64(text.count) < targetBytes {
            text.append(contentsOf: entry(entries).utf8)
            entries += 1
            if text.count > 1 << 15 {
                try output.write(text)
                written += Int64(text.count)
                text.removeAll(keepingCapacity: true)
            }
        }
        text.append(contentsOf: tail.utf8)
        try output.write(text)
        written += Int64(text.count)
        try output.close()
        return (written, entries)
    }

    static func entry(_ index: Int) -> String {
        let body: String
        let total: String
        switch index % 3 {
        case 0:
            body = transaction(
                index, amount: "1450.00",
                remittance: structured(index, due: "1000.00", remitted: "970.00", adjustment: "30.00")
                    + structured(index + 1, due: "480.00", remitted: "480.00", adjustment: nil))
            total = "1450.00"
        case 1:
            body = (0..<3).map {
                let number = index * 10 + $0
                return transaction(
                    number, amount: "100.00",
                    remittance: structured(number, due: "100.00", remitted: "100.00", adjustment: nil))
            }.joined()
            total = "300.00"
        default:
            body = transaction(index, amount: "75.25", remittance: "<Ustrd>Rechnung \(index) vom 01.11.2026</Ustrd>")
            total = "75.25"
        }
        return """
                  <Ntry>
                    <Amt Ccy="EUR">\(total)</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-12-01</Dt></BookgDt>
                    <ValDt><Dt>2026-12-01</Dt></ValDt>
                    <AcctSvcrRef>BANK-\(index)</AcctSvcrRef>
                    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                    <NtryDtls>\(body)
                    </NtryDtls>
                  </Ntry>

            """
    }

    private static func transaction(_ index: Int, amount: String, remittance: String) -> String {
        let uetr = String(index)
        let customer = index % 977
        return """

                      <TxDtls>
                        <Refs><EndToEndId>E2E-\(index)</EndToEndId><UETR>7d1f6c2a-3b4e-4f5a-8b9c-\
            \(String(repeating: "0", count: max(0, 12 - uetr.count)) + uetr)</UETR></Refs>
                        <Amt Ccy="EUR">\(amount)</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <RltdPties><Dbtr><Pty><Nm>Customer \(customer)</Nm><Id><OrgId><Othr><Id>C\(customer)</Id>\
            </Othr></OrgId></Id></Pty></Dbtr></RltdPties>
                        <RmtInf>\(remittance)
                        </RmtInf>
                      </TxDtls>
            """
    }

    private static func structured(_ number: Int, due: String, remitted: String, adjustment: String?) -> String {
        let adjust =
            adjustment.map {
                "<AdjstmntAmtAndRsn><Amt Ccy=\"EUR\">\($0)</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                    + "<Rsn>4</Rsn><AddtlInf>short delivery</AddtlInf></AdjstmntAmtAndRsn>"
            } ?? ""
        return """

                            <Strd>
                              <RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>INV-\(number)</Nb>\
            <RltdDt>2026-11-01</RltdDt></RfrdDocInf>
                              <RfrdDocAmt><DuePyblAmt Ccy="EUR">\(due)</DuePyblAmt>\(adjust)<RmtdAmt Ccy="EUR">\
            \(remitted)</RmtdAmt></RfrdDocAmt>
                            </Strd>
            """
    }
}
