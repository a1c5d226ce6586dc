import RemitCore

extension MatchRun {
    /// Completes the recorded steps once the run is over: why each rule not tried was not, why each rule that
    /// found nothing did, and how each line's payer was tied to a customer.
    mutating func finishTrace() {
        for index in trace!.recordedLines {
            var steps = trace![line: index]
            let decider = steps.last { [.applied, .suggested, .refused].contains($0.outcome) }
            for number in steps.indices {
                switch steps[number].outcome {
                case .notTried where steps[number].note.isEmpty:
                    if let decider, decider.number < number {
                        steps[number].note = "rule \(decider.number) (\(decider.rule)) had decided the line"
                    }
                case .nothingFound where steps[number].note.isEmpty:
                    if number == 1 && steps[number].lookups.isEmpty && !lines[index].normalizedReference.isEmpty {
                        steps[number].lookups = [
                            TraceLookup(key: "reference \(lines[index].normalizedReference)", candidates: [])
                        ]
                    }
                    steps[number].note = nothingFound(index, steps[number])
                default: break
                }
            }
            trace![line: index] = steps
            trace!.payerMatch[index] = scope(for: lines[index].payer)?.evidence ?? []
        }
        for invoice in trace!.selectedInvoices {
            trace!.invoiceState[invoice] = (ledger.remaining[invoice], ledger.closedBy[invoice])
        }
    }

    /// Why rule `step` found nothing for line `index`.
    private mutating func nothingFound(_ index: Int, _ step: RuleStep) -> String {
        let candidates = step.lookups.flatMap(\.candidates)
        if step.lookups.isEmpty {
            return nothingToLookUp(index, rule: step.number)
        }
        if candidates.isEmpty {
            switch step.number {
            case 1: return "no invoice has the reference"
            case 2: return "no invoice has the cleaned reference"
            case 3: return "no invoice carries the purchase order"
            case 4: return "no invoice number is one edit from the reference"
            case 6: return "the payer has no open invoice in the line's currency"
            default: return "no invoice found"
            }
        }
        if !candidates.contains(where: \.kept) { return "no invoice found passed the rule's filters" }
        if step.number == 6 {
            return "no invoice, and no set of at most \(options.combinationMaxSetSize), adds up to what the line "
                + "settles (paid + discount + stated deductions)"
        }
        return "nothing the rule could use"
    }

    /// Why rule `rule` had nothing to look up for line `index`: what it needs that the line or payer lacks.
    ///
    /// These mirror the rules' first tests; they only word a trace, and never decide anything.
    private mutating func nothingToLookUp(_ index: Int, rule: Int) -> String {
        let line = lines[index]
        let tied = scope(for: line.payer) != nil
        let untied = "the payer is tied to no customer of the export (by partner, id, name or a similar name)"
        switch rule {
        case 1:
            return firstReason[index] ?? "no invoice has the reference"
        case 2:
            guard let partner = options.partners.partner(for: line.payer) else {
                return "the payer belongs to no partner in mappings/partners"
            }
            guard let settings = partner.matching, settings.hasReferenceCleanup else {
                return "the partner \(partner.key) has no reference clean-up rules"
            }
            guard let cleaned = settings.cleanedReference(line.reference) else {
                return "no clean-up rule of the partner \(partner.key) changes the reference"
            }
            guard !cleaned.isEmpty else { return "the partner's clean-up leaves nothing of the reference" }
            guard cleaned != line.normalizedReference else {
                return "the partner's clean-up gives the normalized reference again (\(cleaned))"
            }
            return tied ? "no invoice has the cleaned reference" : untied
        case 3:
            guard tied else { return untied }
            return "the line has no purchase order and no reference"
        case 4:
            guard line.normalizedReference.count >= 4 else {
                return "the reference has fewer than 4 letters and digits"
            }
            return tied ? "no invoice number is one edit from the reference" : untied
        case 5:
            let hasText =
                payments[line.paymentID]?.remittanceText != nil
                || line.reference.contains(where: \.isWhitespace) || line.reference.count > 20
            guard hasText else { return "the payment has no free text and the reference is short and one word" }
            return tied ? "no word of the text is an invoice number of the export" : untied
        case 6:
            guard tied else { return untied }
            return "the line settles nothing to search for (paid + discount + stated deductions is not above zero)"
        default:
            return ""
        }
    }
}
