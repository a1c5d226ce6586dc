import RemitCore

extension MatchRun {
    /// Checks a discount taken against the invoice's terms and the payment date.
    ///
    /// The window runs from the invoice date for the terms' days, plus the partner's grace days. Without
    /// terms in the export, an invoice date or a payment date, the discount cannot be judged and is allowed
    /// (the evidence says which was missing), as it is when the terms are not understood (an ERP's own key).
    /// Terms that plainly grant no discount (`NET 30`) make all of it unearned.
    func checkDiscount(
        _ line: RemittanceLine, invoice: Invoice, settings: PartnerMatchingSettings
    ) -> DiscountCheck {
        let currency = line.amountPaid.currency
        guard let taken = line.discountTaken?.amount, taken > .zero else {
            return DiscountCheck(
                allowed: line.discountTaken?.amount ?? .zero, unearned: .zero, evidence: [], reason: "")
        }
        func allowedAsTaken(_ why: String) -> DiscountCheck {
            DiscountCheck(allowed: taken, unearned: .zero, evidence: [Evidence("discount_check", why)], reason: "")
        }
        func money(_ value: FixedDecimal) -> String { Money(value, currency).formattedAmount }
        guard let exported = invoice.terms?.trimmingSpaces(), !exported.isEmpty else {
            return allowedAsTaken("no terms in the export")
        }
        // An ERP key such as SAP's ZB01 stands for the terms the company's table gives it.
        let keyed = options.paymentTerms.lookUp(exported)
        let termsText = keyed?.terms ?? exported
        let keyEvidence = keyed.map { [Evidence("terms_key", $0.key)] } ?? []
        guard let terms = DiscountTerms.parse(termsText) else {
            guard DiscountTerms.isNetOnly(termsText) else { return allowedAsTaken("terms not understood") }
            return DiscountCheck(
                allowed: .zero, unearned: taken,
                evidence: keyEvidence + [
                    Evidence("discount_terms", termsText), Evidence("unearned_discount", money(taken)),
                ],
                reason: "discount taken but the terms '\(termsText)' grant none")
        }
        guard let invoiceDate = invoice.invoiceDate else { return allowedAsTaken("no invoice date") }
        guard let paymentDate = payments[line.paymentID]?.date else { return allowedAsTaken("no payment date") }
        let windowEnd = invoiceDate.adding(days: terms.days)
        let lastDay = windowEnd.adding(days: settings.discountGraceDays)
        var evidence =
            keyEvidence + [
                Evidence("discount_terms", terms.description), Evidence("payment_date", paymentDate.description),
                Evidence("discount_window_end", windowEnd.description),
            ]
        if settings.discountGraceDays > 0 {
            evidence.append(Evidence("discount_grace_days", String(settings.discountGraceDays)))
        }
        if paymentDate > lastDay {
            evidence.append(
                Evidence("discount_late_by_days", String(CalendarDate.days(from: lastDay, to: paymentDate))))
            evidence.append(Evidence("unearned_discount", money(taken)))
            return DiscountCheck(
                allowed: .zero, unearned: taken, evidence: evidence,
                reason: "discount taken after the terms' window (\(terms.description), ended \(windowEnd)"
                    + (settings.discountGraceDays > 0 ? ", \(settings.discountGraceDays) grace days)" : ")"))
        }
        let most = (invoice.amount.amount.percentage(terms.percent) ?? .zero).rounded(
            toScale: Currency.minorDigits(of: currency))
        guard taken > most else {
            evidence.append(Evidence("discount_earned", money(taken)))
            return DiscountCheck(allowed: taken, unearned: .zero, evidence: evidence, reason: "")
        }
        evidence.append(Evidence("discount_earned", money(most)))
        evidence.append(Evidence("unearned_discount", money(taken - most)))
        return DiscountCheck(
            allowed: most, unearned: taken - most, evidence: evidence,
            reason: "discount taken above the terms' \(terms.percent) % (\(money(most)) allowed)")
    }
}
