import RemitCore

extension MatchRun {
    /// Applies the line to its invoice (and, for a combination, first to `others` in full) and works out the
    /// shortfall: allowed discount, unearned discount, stated deductions, a write-off within tolerance, and
    /// what is left unexplained.
    mutating func settle(
        _ index: Int, invoiceIndex: Int, others: [Int], rule: String, score: Int, evidence: [Evidence]
    ) -> LineMatch {
        let line = lines[index]
        let currency = line.amountPaid.currency
        let settings = settings(for: line.payer)
        var evidence = evidence
        var allocations: [InvoiceAllocation] = []
        var paid = line.amountPaid.amount
        var toleranceBase = FixedDecimal.zero
        for other in others {
            let open = ledger.remaining[other]
            allocations.append(
                InvoiceAllocation(
                    invoice: ledger.invoices[other], openBefore: Money(open, currency), applied: Money(open, currency)))
            guard let rest = try? paid.subtracting(open), let base = try? toleranceBase.adding(open) else {
                return unmatched(line, evidence: evidence, why: "amount overflow")
            }
            paid = rest
            toleranceBase = base
            do {
                try ledger.apply(index: other, applied: open, lineID: line.id)
            } catch {
                return unmatched(line, evidence: evidence, why: "amount overflow")
            }
        }
        let invoice = ledger.invoices[invoiceIndex]
        let open = ledger.remaining[invoiceIndex]
        guard let base = try? toleranceBase.adding(open) else {
            return unmatched(line, evidence: evidence, why: "amount overflow")
        }
        toleranceBase = base
        if open.isZero, let earlier = ledger.closedBy[invoiceIndex] {
            evidence.append(Evidence("already_paid_by", earlier))
            findings.append(
                MatchFinding(
                    kind: .invoicePaidTwice, subject: invoice.number, ids: [earlier, line.id],
                    detail: "invoice \(invoice.number) was settled by \(earlier); \(line.id) pays it again"))
        }
        let discount = open.isZero ? DiscountCheck.none : checkDiscount(line, invoice: invoice, settings: settings)
        // Amounts are plausible (at most 14 integer digits, 4 decimals), so a few of them always add up within
        // 18 digits; a line with very many stated deductions is the one sum that needs checking.
        var statedTotal = FixedDecimal.zero
        for deduction in stated[line.id] ?? [] {
            guard let sum = try? statedTotal.adding(deduction.amount.amount) else {
                return unmatched(line, evidence: evidence, why: "amount overflow")
            }
            statedTotal = sum
        }
        // Parsers refuse implausible amounts, but the matcher is a library: inputs built in code get checked
        // arithmetic too, and a figure that does not fit leaves the line unmatched rather than trapping.
        guard let shortfall = try? open.subtracting(paid).subtracting(discount.allowed),
            let explained = try? statedTotal.adding(discount.unearned)
        else {
            return unmatched(line, evidence: evidence, why: "amount overflow")
        }
        evidence.append(Evidence("open_before", Money(open, currency).formattedAmount))
        evidence += discount.evidence
        let outcome: MatchOutcome
        var applied = paid
        var unapplied = FixedDecimal.zero
        var unexplained = FixedDecimal.zero
        var writtenOff = FixedDecimal.zero
        if shortfall.isZero {
            outcome = .paidInFull
        } else if shortfall > .zero {
            outcome = .shortPaid
            evidence.append(Evidence("shortfall", Money(shortfall, currency).formattedAmount))
            if statedTotal > .zero {
                evidence.append(Evidence("stated_deductions", Money(statedTotal, currency).formattedAmount))
            }
            if shortfall > explained {
                guard let rest = try? shortfall.subtracting(explained) else {
                    return unmatched(line, evidence: evidence, why: "amount overflow")
                }
                let limit = settings.toleranceLimit(on: toleranceBase, minorDigits: Currency.minorDigits(of: currency))
                if rest <= limit {
                    writtenOff = rest
                    evidence.append(Evidence("written_off", Money(rest, currency).formattedAmount))
                    evidence.append(Evidence("tolerance", settings.toleranceDescription))
                } else {
                    unexplained = rest
                }
            } else if explained > shortfall {
                evidence.append(
                    // 0 < shortfall < explained: the difference is smaller than explained and fits.
                    Evidence(
                        "stated_exceeds_shortfall_by",
                        Money((try? explained.subtracting(shortfall)) ?? explained, currency).formattedAmount))
            }
        } else {
            outcome = .overpaid
            unapplied = shortfall.negated()
            guard let rest = try? paid.subtracting(unapplied) else {
                return unmatched(line, evidence: evidence, why: "amount overflow")
            }
            applied = rest
            evidence.append(Evidence("overpayment", Money(unapplied, currency).formattedAmount))
        }
        if !others.isEmpty { evidence.append(Evidence("applied_in_full", numbers(others))) }
        do {
            try ledger.apply(index: invoiceIndex, applied: applied, lineID: line.id)
        } catch {
            return unmatched(line, evidence: evidence, why: "amount overflow")
        }
        if !discount.unearned.isZero {
            found[line.id, default: []].append(
                matchingDeduction(
                    line, suffix: "unearned-discount", amount: discount.unearned, category: .unearnedDiscount,
                    source: "rule:discount-vs-terms", text: discount.reason))
        }
        if !unexplained.isZero {
            found[line.id, default: []].append(
                matchingDeduction(
                    line, suffix: "unexplained", amount: unexplained, category: .unidentified,
                    source: "rule:short-pay-vs-invoice",
                    text: "open amount less paid, discount and stated deductions"))
        }
        var totalApplied = applied
        for allocation in allocations {
            guard let sum = try? totalApplied.adding(allocation.applied.amount) else {
                return unmatched(line, evidence: evidence, why: "amount overflow")
            }
            totalApplied = sum
        }
        return LineMatch(
            line: SharedElement(lines, at: index), invoice: SharedElement(ledger.invoices, at: invoiceIndex),
            outcome: outcome, rule: rule, score: score, evidence: evidence,
            openBefore: Money(open, currency), applied: Money(totalApplied, currency),
            discountTaken: line.discountTaken.map { Money(discount.allowed, $0.currency) },
            statedDeductions: Money(statedTotal, currency), unexplained: Money(unexplained, currency),
            unapplied: Money(unapplied, currency), openAfter: Money(.zero, currency), decision: .applied,
            writtenOff: Money(writtenOff, currency), allocations: allocations,
            unearnedDiscount: Money(discount.unearned, currency))
    }

    private func matchingDeduction(
        _ line: RemittanceLine, suffix: String, amount: FixedDecimal, category: DeductionCategory, source: String,
        text: String
    ) -> Deduction {
        Deduction(
            id: line.id + ":" + suffix, paymentID: line.paymentID, lineID: line.id,
            amount: Money(amount, line.amountPaid.currency), reasonCode: nil, reasonCodeList: nil, category: category,
            categorySource: source, reasonText: text, invoiceReference: line.reference, memoNumber: nil,
            memoQualifier: nil, payer: line.payer, paymentTrace: nil,
            origin: .matching, provenance: line.provenance)
    }
}
