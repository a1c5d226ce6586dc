import RemitCore

/// Opening and closing the blocks that become records: report, entry, transaction details, remittance.
extension ISO20022Parser {
    mutating func openScope<Sink: RecordSink>(_ tag: ISOTag, _ cursor: XMLCursor, into sink: inout Sink) {
        guard let documentDepth, let family = kind?.family else { return }
        let depth = path.depth
        switch tag {
        case .stmt where depth == documentDepth + 2 && family != .remittanceAdvice,
            .ntfctn where depth == documentDepth + 2 && family != .remittanceAdvice:
            report = ReportState(location: mark())
            reportDepth = depth
            reports += 1
        case .ntry where report != nil && depth == reportDepth + 1:
            entry = EntryState(ordinal: ordinal, location: mark())
            entryDepth = depth
            transactionFailed = false
        case .txDtls where entry != nil && path.tag(1) == .ntryDtls:
            detail = DetailState(ordinal: ordinal, location: mark())
            detailDepth = depth
        case .rmtInf where family == .remittanceAdvice && depth == documentDepth + 2:
            detail = DetailState(ordinal: ordinal, location: mark())
            detailDepth = depth
            reports += 1
            transactionFailed = false
        case .strd where detail != nil && path.tag(1) == .rmtInf:
            block = StructuredBlock(ordinal: ordinal, location: mark())
            blockDepth = depth
        case .rfrdDocInf where block != nil && depth == blockDepth + 1:
            block?.documentCount += 1
        case .adjstmntAmtAndRsn where block != nil && path.tag(1) == .rfrdDocAmt:
            adjustment = StructuredBlock.Adjustment(ordinal: ordinal, location: mark())
            adjustmentDepth = depth
        case .rmtAmtAndTp where block != nil && path.tag(1) == .rfrdDocAmt,
            .dscntApldAmt where block != nil && path.tag(1) == .rfrdDocAmt,
            .taxAmt where block != nil && path.tag(1) == .rfrdDocAmt:
            block?.typed = StructuredBlock.TypedAmount()
            typedDepth = depth
        case .bal where report != nil && depth == reportDepth + 1:
            report?.balance = ReportState.Balance()
            balanceDepth = depth
        default:
            break
        }
    }

    mutating func closeScope<Sink: RecordSink>(_ tag: ISOTag, _ cursor: XMLCursor, into sink: inout Sink) {
        let depth = path.depth
        switch tag {
        case .adjstmntAmtAndRsn where adjustment != nil && depth == adjustmentDepth:
            if let open = adjustment { block?.adjustments.append(open) }
            adjustment = nil
        case .rmtAmtAndTp where block?.typed != nil && depth == typedDepth,
            .dscntApldAmt where block?.typed != nil && depth == typedDepth,
            .taxAmt where block?.typed != nil && depth == typedDepth:
            closeTypedAmount(tag)
        case .strd where block != nil && depth == blockDepth:
            if let open = block, detail != nil { detail?.blocks.append(open) }
            block = nil
        case .txDtls where detail != nil && depth == detailDepth && entry != nil:
            if let open = detail { entry?.details.append(open) }
            detail = nil
        case .rmtInf where detail != nil && depth == detailDepth && kind?.family == .remittanceAdvice:
            closeRemittanceAdvice(into: &sink)
        case .ntry where entry != nil && depth == entryDepth:
            closeEntry(into: &sink)
        case .bal where report?.balance != nil && depth == balanceDepth:
            closeBalance()
        case .stmt where report != nil && depth == reportDepth, .ntfctn where report != nil && depth == reportDepth:
            if let open = report { tieOut(open, into: &sink) }
            report = nil
        default:
            break
        }
    }

    /// Files a typed amount (`RmtAmtAndTp`, or a typed `DscntApldAmt`/`TaxAmt` of .03–.11) by its type.
    private mutating func closeTypedAmount(_ tag: ISOTag) {
        guard let typed = block?.typed else { return }
        block?.typed = nil
        guard let amount = typed.amount else { return }
        switch tag {
        case .dscntApldAmt: block?.discounts.append(amount)
        case .taxAmt: block?.taxes.append(amount)
        default:
            switch typed.type ?? "" {
            case "DUPA": block?.due = amount
            case "REMI": block?.remitted = amount
            case "CREN": block?.creditNotes.append(amount)
            case "TMDS", "STDS", "APDS": block?.discounts.append(amount)
            case "TAXS", "STAT", "CITY", "CNTY", "LOCL", "PROV": block?.taxes.append(amount)
            default: break  // statement-style types (OBAL, FEES, ...) say nothing about this payment
            }
        }
    }

    private mutating func closeBalance() {
        guard let balance = report?.balance else { return }
        report?.balance = nil
        guard let amount = balance.amount else { return }
        let signed = balance.indicator == "DBIT" ? amount.value.negated() : amount.value
        switch balance.type {
        case "OPBD": report?.opening = (signed, amount)
        case "PRCD" where report?.opening == nil: report?.opening = (signed, amount)
        case "CLBD": report?.closing = (signed, amount)
        default: break
        }
    }
}
