import RemitCore

/// Applies remittance lines to open invoices and works out what was deducted.
///
/// Rules, in order (each decision records its rule and evidence):
/// 1. `exact-reference`: the line's normalized reference equals exactly one open invoice's normalized number,
///    and the invoice belongs to the payer (same id, same name, or one partner in `mappings/partners/`).
/// 2. `exact-reference-unknown-payer`: as 1, when the export cannot say whether the payer is the invoice's
///    customer (no ids or names to compare, or a payer the export does not know) and exactly one invoice fits.
/// Anything else is `none` (unmatched), with evidence saying why: no such reference, the reference belongs to
/// another customer, several invoices share it, or the currencies differ.
///
/// For a matched line: shortfall = open − paid − discount. Stated deductions explain part of a shortfall; what
/// they leave is an unexplained deduction (category `unidentified`). A negative shortfall is an overpayment and
/// stays unapplied. A matched invoice is closed: what it was short becomes deductions.
public struct Matcher {
    public var options: MatchOptions

    public init(options: MatchOptions = MatchOptions()) {
        self.options = options
    }

    /// Matches every line and returns the reconciliation.
    ///
    /// - Parameters:
    ///   - lines: remittance lines in input order.
    ///   - deductions: deductions the parsers produced, in input order. Stated ones are kept; a parser's
    ///     `shortPay` deduction on a line that matched is replaced by the shortfall measured against the invoice.
    ///   - invoices: the export's invoices in export order.
    public func reconcile(lines: [RemittanceLine], deductions: [Deduction], invoices: [Invoice]) -> Reconciliation {
        var ledger = InvoiceLedger(invoices: invoices, partners: options.partners)
        var statedByLine: [String: [Deduction]] = [:]
        for deduction in deductions where deduction.origin == .stated {
            if let lineID = deduction.lineID { statedByLine[lineID, default: []].append(deduction) }
        }
        var matches: [LineMatch] = []
        matches.reserveCapacity(lines.count)
        var matchedLineIDs: Set<String> = []
        var found: [String: Deduction] = [:]
        for line in lines {
            let match = decide(line, stated: statedByLine[line.id] ?? [], ledger: &ledger)
            if match.invoice != nil { matchedLineIDs.insert(line.id) }
            if !match.unexplained.isZero { found[line.id] = unexplainedDeduction(for: match) }
            matches.append(match)
        }
        var result: [Deduction] = []
        result.reserveCapacity(deductions.count + found.count)
        var placed: Set<String> = []
        for deduction in deductions {
            if deduction.origin == .shortPay, let lineID = deduction.lineID, matchedLineIDs.contains(lineID) {
                if let replacement = found[lineID], placed.insert(lineID).inserted { result.append(replacement) }
                continue
            }
            result.append(deduction)
        }
        // Shortfalls found only by matching follow the parsers' deductions, in line order.
        for match in matches {
            if let extra = found[match.line.id], placed.insert(match.line.id).inserted { result.append(extra) }
        }
        return Reconciliation(matches: matches, deductions: result, openInvoices: ledger.openInvoices())
    }

    private func decide(_ line: RemittanceLine, stated: [Deduction], ledger: inout InvoiceLedger) -> LineMatch {
        let currency = line.amountPaid.currency
        var evidence = [Evidence("normalized_reference", line.normalizedReference)]
        guard !line.normalizedReference.isEmpty else {
            // Only punctuation or letters outside A–Z: nothing to compare, and all such references would agree.
            return unmatched(line, evidence: evidence, why: "the reference has no letters A-Z or digits to match on")
        }
        let candidates = ledger.candidates(for: line.normalizedReference)
        guard !candidates.isEmpty else {
            evidence.append(Evidence("candidates", "0"))
            return unmatched(line, evidence: evidence, why: "no open invoice has this reference")
        }
        var ofPayer: [Int] = []
        var ofOthers: [Int] = []
        var undecided: [Int] = []
        for index in candidates {
            switch CustomerKey.sameCustomer(line.payer, ledger.invoices[index], partners: options.partners) {
            case true?: ofPayer.append(index)
            case false?: ofOthers.append(index)
            case nil: undecided.append(index)
            }
        }
        evidence.append(Evidence("candidates", String(candidates.count)))
        let chosen: Int
        let rule: String
        if ofPayer.count == 1 {
            chosen = ofPayer[0]
            rule = "exact-reference"
            evidence.append(Evidence("customer", describeCustomer(ledger.invoices[chosen])))
            let byIDsOrNames = CustomerKey.sameCustomer(
                line.payer, ledger.invoices[chosen], partners: PartnerDirectory())
            if byIDsOrNames != true, let partner = options.partners.partner(for: line.payer) {
                evidence.append(Evidence("partner", partner.key))
            }
        } else if ofPayer.count > 1 {
            evidence.append(Evidence("invoices", Self.listed(ofPayer.map { ledger.invoices[$0].number })))
            return unmatched(line, evidence: evidence, why: "several invoices of this payer share the reference")
        } else if options.allowUnknownPayer, !ledger.knowsPayer(line.payer), ofOthers.count + undecided.count == 1 {
            chosen = (ofOthers + undecided)[0]
            rule = "exact-reference-unknown-payer"
            evidence.append(Evidence("customer", describeCustomer(ledger.invoices[chosen])))
            evidence.append(Evidence("payer_in_export", "no"))
        } else if !ofOthers.isEmpty && undecided.isEmpty {
            let owners = Self.listed(ofOthers.map { describeCustomer(ledger.invoices[$0]) })
            evidence.append(Evidence("belongs_to", owners))
            return unmatched(line, evidence: evidence, why: "the reference belongs to another customer")
        } else {
            let numbers = Self.listed((ofOthers + undecided).map { ledger.invoices[$0].number })
            evidence.append(Evidence("invoices", numbers))
            return unmatched(line, evidence: evidence, why: "several invoices share the reference")
        }
        let invoice = ledger.invoices[chosen]
        evidence.append(Evidence("invoice", invoice.number))
        guard invoice.openAmount.currency == currency else {
            evidence.append(Evidence("invoice_currency", invoice.openAmount.currency))
            return unmatched(line, evidence: evidence, why: "the invoice is in another currency")
        }
        return settle(line, invoiceIndex: chosen, rule: rule, evidence: evidence, stated: stated, ledger: &ledger)
    }

    private func settle(
        _ line: RemittanceLine, invoiceIndex: Int, rule: String, evidence: [Evidence], stated: [Deduction],
        ledger: inout InvoiceLedger
    ) -> LineMatch {
        let invoice = ledger.invoices[invoiceIndex]
        let currency = line.amountPaid.currency
        let open = ledger.remaining[invoiceIndex]
        let paid = line.amountPaid.amount
        let discount = line.discountTaken?.amount ?? .zero
        var evidence = evidence
        let outcome: MatchOutcome
        var applied = paid
        var unapplied = FixedDecimal.zero
        var unexplained = FixedDecimal.zero
        var statedTotal = FixedDecimal.zero
        evidence.append(Evidence("open_before", Money(open, currency).formattedAmount))
        // Amounts come from the inputs: a result too large for 18 digits leaves the line unmatched, never traps.
        do throws(FixedDecimal.OverflowError) {
            for deduction in stated { statedTotal = try statedTotal.adding(deduction.amount.amount) }
            let shortfall = try open.subtracting(paid).subtracting(discount)
            if shortfall.isZero {
                outcome = .paidInFull
            } else if shortfall > .zero {
                outcome = .shortPaid
                evidence.append(Evidence("shortfall", Money(shortfall, currency).formattedAmount))
                if statedTotal > .zero {
                    evidence.append(Evidence("stated_deductions", Money(statedTotal, currency).formattedAmount))
                }
                if shortfall > statedTotal {
                    unexplained = try shortfall.subtracting(statedTotal)
                } else if statedTotal > shortfall {
                    let excess = try statedTotal.subtracting(shortfall)
                    evidence.append(Evidence("stated_exceeds_shortfall_by", Money(excess, currency).formattedAmount))
                }
            } else {
                outcome = .overpaid
                unapplied = try FixedDecimal.zero.subtracting(shortfall)
                applied = try paid.subtracting(unapplied)
                evidence.append(Evidence("overpayment", Money(unapplied, currency).formattedAmount))
            }
            try ledger.apply(index: invoiceIndex, applied: applied)
        } catch {
            return unmatched(line, evidence: evidence, why: "amount overflow")
        }
        return LineMatch(
            line: line, invoice: invoice, outcome: outcome, rule: rule, score: 100, evidence: evidence,
            openBefore: Money(open, currency), applied: Money(applied, currency),
            discountTaken: line.discountTaken, statedDeductions: Money(statedTotal, currency),
            unexplained: Money(unexplained, currency), unapplied: Money(unapplied, currency),
            openAfter: Money(.zero, currency))
    }

    private func unmatched(_ line: RemittanceLine, evidence: [Evidence], why: String) -> LineMatch {
        let currency = line.amountPaid.currency
        var evidence = evidence
        evidence.append(Evidence("reason", why))
        return LineMatch(
            line: line, invoice: nil, outcome: .unmatched, rule: "none", score: 0, evidence: evidence,
            openBefore: nil, applied: .zero(currency), discountTaken: line.discountTaken,
            statedDeductions: .zero(currency), unexplained: .zero(currency), unapplied: line.amountPaid,
            openAfter: nil)
    }

    /// Distinct values in order, at most ten, then how many more: evidence stays readable (and small) when an
    /// export repeats one number thousands of times.
    package static func listed(_ values: [String]) -> String {
        var seen: Set<String> = []
        let distinct = values.filter { seen.insert($0).inserted }
        let shown = distinct.prefix(10).joined(separator: ",")
        return distinct.count > 10 ? shown + ",… (\(distinct.count - 10) more)" : shown
    }

    private func describeCustomer(_ invoice: Invoice) -> String {
        invoice.customerID ?? invoice.customerName ?? "(none)"
    }

    private func unexplainedDeduction(for match: LineMatch) -> Deduction {
        let line = match.line
        return Deduction(
            id: line.id + ":unexplained", paymentID: line.paymentID, lineID: line.id, amount: match.unexplained,
            reasonCode: nil, reasonCodeList: nil, category: .unidentified, categorySource: "rule:short-pay-vs-invoice",
            reasonText: "open amount less paid, discount and stated deductions", invoiceReference: line.reference,
            memoNumber: nil, memoQualifier: nil, payer: line.payer, paymentTrace: nil, origin: .matching,
            provenance: line.provenance)
    }
}
