import RemitCore

/// Reading leaf values: what an element's text means depends on the tag and the elements above it.
extension ISO20022Parser {

    mutating func leaf<Sink: RecordSink>(_ tag: ISOTag, _ cursor: XMLCursor, into sink: inout Sink) {
        // Free text is kept verbatim; every other value is compared and stored without surrounding blanks.
        if tag != .ustrd && tag != .addtlRmtInf { Self.trim(&text) }
        if adjustment != nil {
            adjustmentLeaf(tag, cursor, into: &sink)
        } else if block != nil {
            blockLeaf(tag, cursor, into: &sink)
        } else if detail != nil {
            detailLeaf(tag, cursor, into: &sink)
        } else if entry != nil {
            entryLeaf(tag, cursor, into: &sink)
        } else if report != nil {
            reportLeaf(tag, cursor, into: &sink)
        } else if tag == .msgId && path.tag(1) == .grpHdr {
            messageID = Self.decode(text)
            envelope.interchangeControl = messageID
        }
    }

    private mutating func adjustmentLeaf<Sink: RecordSink>(_ tag: ISOTag, _ cursor: XMLCursor, into sink: inout Sink) {
        guard path.depth == adjustmentDepth + 1 else { return }
        switch tag {
        case .amt:
            let found = amount(cursor, into: &sink)
            adjustment?.amount = found
        case .cdtDbtInd:
            let found = indicator(cursor, into: &sink)
            adjustment?.indicator = found
        case .rsn: adjustment?.reason = Self.nonEmpty(text)
        case .addtlInf: adjustment?.text = Self.nonEmpty(text)
        default: break
        }
    }

    private mutating func blockLeaf<Sink: RecordSink>(_ tag: ISOTag, _ cursor: XMLCursor, into sink: inout Sink) {
        if block?.typed != nil {
            switch tag {
            case .cd where path.tag(1) == .tp, .prtry where path.tag(1) == .tp: block?.typed?.type = Self.decode(text)
            case .amt where path.depth == typedDepth + 1:
                let found = amount(cursor, into: &sink)
                block?.typed?.amount = found
            case .dscntApldAmt where path.depth == typedDepth, .taxAmt where path.depth == typedDepth:
                // Version .02: a plain amount with no type.
                let found = amount(cursor, into: &sink)
                block?.typed?.amount = found
            default: break
            }
            return
        }
        switch tag {
        case .duePyblAmt where path.tag(1) == .rfrdDocAmt:
            let found = amount(cursor, into: &sink)
            block?.due = found
        case .rmtdAmt where path.tag(1) == .rfrdDocAmt:
            let found = amount(cursor, into: &sink)
            block?.remitted = found
        case .cdtNoteAmt where path.tag(1) == .rfrdDocAmt:
            if let found = amount(cursor, into: &sink) { block?.creditNotes.append(found) }
        case .cd where path.endsWith(.rfrdDocInf, .tp, .cdOrPrtry, tag),
            .prtry where path.endsWith(.rfrdDocInf, .tp, .cdOrPrtry, tag):
            if block?.documentCount == 1 { block?.documentType = Self.decode(text) }
        case .nb where path.tag(1) == .rfrdDocInf:
            if block?.documentCount == 1 { block?.documentNumber = Self.nonEmpty(text) }
        case .rltdDt where path.tag(1) == .rfrdDocInf, .dt where path.endsWith(.rfrdDocInf, .rltdDt, .dt):
            let found = date(cursor, into: &sink)
            if block?.documentCount == 1 { block?.documentDate = found }
        case .cd where path.endsWith(.cdtrRefInf, .tp, .cdOrPrtry, tag),
            .prtry where path.endsWith(.cdtrRefInf, .tp, .cdOrPrtry, tag):
            block?.creditorReferenceType = Self.nonEmpty(text)
        case .ref where path.tag(1) == .cdtrRefInf:
            block?.creditorReference = Self.nonEmpty(text)
        case .addtlRmtInf where path.depth == blockDepth + 1:
            block?.additionalText.append(String(decoding: text, as: UTF8.self))
        default: break
        }
    }

    private mutating func detailLeaf<Sink: RecordSink>(_ tag: ISOTag, _ cursor: XMLCursor, into sink: inout Sink) {
        switch tag {
        case .ustrd where path.tag(1) == .rmtInf:
            // Kept verbatim: a payer's free text is evidence.
            detail?.unstructured.append(String(decoding: text, as: UTF8.self))
        case .endToEndId where path.tag(1) == .refs: detail?.endToEndID = Self.nonEmpty(text)
        case .uetr where path.tag(1) == .refs: detail?.uetr = Self.nonEmpty(text)
        case .rmtId where path.depth == detailDepth + 1: detail?.remittanceID = Self.nonEmpty(text)
        case .rmtId where path.depth == detailDepth + 2 && path.tag(1) == .rltdRmtInf:
            // The first one: a payment's advice sent apart, should the bank list several.
            if detail?.relatedRemittanceID == nil { detail?.relatedRemittanceID = Self.nonEmpty(text) }
        case .amt where path.depth == detailDepth + 1:
            let found = amount(cursor, into: &sink)
            detail?.amount = found
        case .cdtDbtInd where path.depth == detailDepth + 1:
            let found = indicator(cursor, into: &sink)
            detail?.indicator = found
        case .amt where path.endsWith(.amtDtls, .txAmt, .amt):
            let found = amount(cursor, into: &sink)
            detail?.transactionAmount = found
        case .amt where path.endsWith(.amtDtls, .instdAmt, .amt):
            let found = amount(cursor, into: &sink)
            detail?.instructedAmount = found
        case .instdAmt where path.endsWith(.orgnlPmtInf, .amt, .instdAmt):
            let found = amount(cursor, into: &sink)
            detail?.instructedAmount = found
        case .reqdExctnDt where path.tag(1) == .orgnlPmtInf, .dt where path.endsWith(.orgnlPmtInf, .reqdExctnDt, .dt),
            .dtTm where path.endsWith(.orgnlPmtInf, .reqdExctnDt, .dtTm):
            let found = date(cursor, into: &sink)
            detail?.date = found
        case .nm, .id, .anyBIC, .bicOrBEI:
            partyLeaf(tag)
        default: break
        }
    }

    /// `Dbtr/Nm` (to .06, and in remt.001) or `Dbtr/Pty/Nm` (.07 on), with the organisation id below it.
    private mutating func partyLeaf(_ tag: ISOTag) {
        var level = 1
        switch tag {
        case .nm: level = 1
        case .id: if path.endsWith(.orgId, .othr, .id) { level = 4 } else { return }
        case .anyBIC, .bicOrBEI: if path.tag(1) == .orgId { level = 3 } else { return }
        default: return
        }
        if path.tag(level) == .pty { level += 1 }
        let owner = path.tag(level)
        guard owner == .dbtr || owner == .cdtr || owner == .ultmtDbtr else { return }
        var party = owner == .dbtr ? detail?.debtor : owner == .cdtr ? detail?.creditor : detail?.ultimateDebtor
        switch tag {
        case .nm: party?.name = Self.nonEmpty(text)
        case .id: if party?.id == nil { party?.id = Self.nonEmpty(text) }
        default:
            party?.id = Self.nonEmpty(text)
            party?.idQualifier = "BIC"
        }
        guard let party else { return }
        switch owner {
        case .dbtr: detail?.debtor = party
        case .cdtr: detail?.creditor = party
        default: detail?.ultimateDebtor = party
        }
    }

    private mutating func entryLeaf<Sink: RecordSink>(_ tag: ISOTag, _ cursor: XMLCursor, into sink: inout Sink) {
        let direct = path.depth == entryDepth + 1
        switch tag {
        case .amt where direct:
            let found = amount(cursor, into: &sink)
            entry?.amount = found
        case .cdtDbtInd where direct:
            let found = indicator(cursor, into: &sink)
            entry?.indicator = found
        case .rvslInd where direct: entry?.isReversal = text == Array("true".utf8) || text == [UInt8(ascii: "1")]
        case .sts where direct: entry?.status = Self.nonEmpty(text)
        case .cd where path.endsWith(.ntry, .sts, tag), .prtry where path.endsWith(.ntry, .sts, tag):
            entry?.status = Self.nonEmpty(text)
        case .dt where path.endsWith(.ntry, .bookgDt, tag), .dtTm where path.endsWith(.ntry, .bookgDt, tag):
            let found = date(cursor, into: &sink)
            entry?.bookingDate = found
        case .dt where path.endsWith(.ntry, .valDt, tag), .dtTm where path.endsWith(.ntry, .valDt, tag):
            let found = date(cursor, into: &sink)
            entry?.valueDate = found
        case .acctSvcrRef where direct: entry?.servicerReference = Self.nonEmpty(text)
        case .ntryRef where direct: entry?.entryReference = Self.nonEmpty(text)
        case .addtlNtryInf where direct: entry?.text = Self.nonEmpty(text)
        case .cd where path.endsWith(.bkTxCd, .domn, .cd): entry?.domainCode = Self.nonEmpty(text)
        case .cd where path.endsWith(.domn, .fmly, .cd): entry?.familyCode = Self.nonEmpty(text)
        case .subFmlyCd where path.endsWith(.domn, .fmly, .subFmlyCd): entry?.subFamilyCode = Self.nonEmpty(text)
        case .cd where path.endsWith(.bkTxCd, .prtry, .cd): entry?.proprietaryCode = Self.nonEmpty(text)
        default: break
        }
    }

    private mutating func reportLeaf<Sink: RecordSink>(_ tag: ISOTag, _ cursor: XMLCursor, into sink: inout Sink) {
        if report?.balance != nil {
            switch tag {
            case .cd where path.endsWith(.bal, .tp, .cdOrPrtry, .cd): report?.balance?.type = Self.decode(text)
            case .amt where path.depth == balanceDepth + 1:
                let found = amount(cursor, into: &sink)
                report?.balance?.amount = found
            case .cdtDbtInd where path.depth == balanceDepth + 1:
                let found = indicator(cursor, into: &sink)
                report?.balance?.indicator = found
            default: break
            }
            return
        }
        let here = mark()
        switch tag {
        case .iban where path.endsWith(.acct, .id, .iban): report?.iban = Self.nonEmpty(text)
        case .id where path.endsWith(.acct, .id, .othr, .id): report?.otherID = Self.nonEmpty(text)
        case .nbOfNtries where path.tag(1) == .ttlNtries:
            let found = count(cursor, into: &sink).map { ReportState.Stated(value: $0, location: here) }
            report?.statedCount = found
        case .sum where path.tag(1) == .ttlNtries:
            let found = plainDecimal(cursor, into: &sink).map { ReportState.Stated(value: $0, location: here) }
            report?.statedSum = found
        case .ttlNetNtryAmt where path.tag(1) == .ttlNtries:
            let found = plainDecimal(cursor, into: &sink).map { ReportState.Stated(value: $0, location: here) }
            report?.statedNet = found
        case .amt where path.endsWith(.ttlNtries, .ttlNetNtry, .amt):
            let found = plainDecimal(cursor, into: &sink).map { ReportState.Stated(value: $0, location: here) }
            report?.statedNet = found
        case .cdtDbtInd where path.endsWith(.ttlNtries, .cdtDbtInd) || path.endsWith(.ttlNetNtry, .cdtDbtInd):
            report?.statedNetIndicator = Self.decode(text)
        case .nbOfNtries where path.tag(1) == .ttlCdtNtries:
            let found = count(cursor, into: &sink).map { ReportState.Stated(value: $0, location: here) }
            report?.statedCreditCount = found
        case .sum where path.tag(1) == .ttlCdtNtries:
            let found = plainDecimal(cursor, into: &sink).map { ReportState.Stated(value: $0, location: here) }
            report?.statedCreditSum = found
        case .nbOfNtries where path.tag(1) == .ttlDbtNtries:
            let found = count(cursor, into: &sink).map { ReportState.Stated(value: $0, location: here) }
            report?.statedDebitCount = found
        case .sum where path.tag(1) == .ttlDbtNtries:
            let found = plainDecimal(cursor, into: &sink).map { ReportState.Stated(value: $0, location: here) }
            report?.statedDebitSum = found
        default: break
        }
    }

    // MARK: Values

    /// The current leaf as an amount in the currency of its `Ccy` attribute.
    mutating func amount<Sink: RecordSink>(_ cursor: XMLCursor, into sink: inout Sink) -> ParsedAmount? {
        let here = mark()
        let currency = pendingCurrency
        pendingCurrency = nil
        guard let currency, Currency.isWellFormed(currency) else {
            failTransaction(ISO20022Diagnostics.badCurrency(currency, at: place(here)), into: &sink)
            return nil
        }
        guard let number = plainDecimal(cursor, into: &sink) else { return nil }
        return ParsedAmount(value: number, currency: currency, location: here)
    }

    /// The current leaf as an unsigned decimal (amounts, TxsSummry sums).
    mutating func plainDecimal<Sink: RecordSink>(_ cursor: XMLCursor, into sink: inout Sink) -> FixedDecimal? {
        let trimmed = text
        let reason: String
        if trimmed.first == UInt8(ascii: "-") || trimmed.first == UInt8(ascii: "+") {
            reason = "a sign is not allowed; the direction is given by CdtDbtInd"
        } else {
            do throws(FixedDecimal.ParseFailure) {
                return try FixedDecimal.parseAmount(trimmed)
            } catch {
                reason = error.description
            }
        }
        failTransaction(
            ISO20022Diagnostics.badAmount(Self.decode(text), reason: reason, at: location(cursor)), into: &sink)
        return nil
    }

    private mutating func count<Sink: RecordSink>(_ cursor: XMLCursor, into sink: inout Sink) -> Int? {
        guard let number = Int(Self.decode(text)), number >= 0 else {
            sink.report(
                ISO20022Diagnostics.badAmount(Self.decode(text), reason: "not a count of entries", at: location(cursor))
            )
            return nil
        }
        return number
    }

    private mutating func indicator<Sink: RecordSink>(_ cursor: XMLCursor, into sink: inout Sink) -> String? {
        let found = Self.decode(text)
        guard found == "CRDT" || found == "DBIT" else {
            failTransaction(ISO20022Diagnostics.badIndicator(found, at: location(cursor)), into: &sink)
            return nil
        }
        return found
    }

    /// `YYYY-MM-DD`, or the date part of a date-time as written (no time-zone shift).
    private mutating func date<Sink: RecordSink>(_ cursor: XMLCursor, into sink: inout Sink) -> CalendarDate? {
        if text.count == 10 || (text.count > 10 && text[10] == UInt8(ascii: "T")),
            text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
            let year = Self.digits(text, 0, 4), let month = Self.digits(text, 5, 2), let day = Self.digits(text, 8, 2),
            let parsed = CalendarDate(year: year, month: month, day: day)
        {
            return parsed
        }
        sink.report(ISO20022Diagnostics.badDate(Self.decode(text), at: location(cursor)))
        return nil
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func nonEmpty(_ bytes: [UInt8]) -> String? { bytes.isEmpty ? nil : decode(bytes) }

    static func decode(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Drops leading and trailing spaces, tabs and line ends in place.
    static func trim(_ bytes: inout [UInt8]) {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.first, let last = bytes.last, isBlank(first) || isBlank(last) else { return }
        guard let start = bytes.firstIndex(where: { !isBlank($0) }) else {
            bytes.removeAll(keepingCapacity: true)
            return
        }
        let end = bytes.lastIndex(where: { !isBlank($0) })!
        bytes.removeSubrange((end + 1)...)
        bytes.removeSubrange(..<start)
    }
}
