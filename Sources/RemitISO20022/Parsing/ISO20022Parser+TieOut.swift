import RemitCore

/// Statement figures: entries are counted as they close, and checked against the balances and TxsSummry
/// when the report block closes. A mismatch is a warning that quotes both figures.
extension ISO20022Parser {
    mutating func count(_ open: EntryState, amount: ParsedAmount, credit: Bool) {
        guard report != nil else { return }
        // Updated in place: a copy of the report would copy its currency set on every entry.
        report!.entryCount += 1
        if !report!.entryCurrencies.contains(amount.currency) { report!.entryCurrencies.insert(amount.currency) }
        let signed = credit ? amount.value : amount.value.negated()
        report!.entrySum = (try? report!.entrySum.adding(amount.value)) ?? report!.entrySum
        report!.net = (try? report!.net.adding(signed)) ?? report!.net
        if open.status == nil || open.status == "BOOK" {
            report!.bookedNet = (try? report!.bookedNet.adding(signed)) ?? report!.bookedNet
        }
        if credit {
            report!.creditCount += 1
            report!.creditSum = (try? report!.creditSum.adding(amount.value)) ?? report!.creditSum
        } else {
            report!.debitCount += 1
            report!.debitSum = (try? report!.debitSum.adding(amount.value)) ?? report!.debitSum
        }
    }

    mutating func tieOut<Sink: RecordSink>(_ figures: ReportState, into sink: inout Sink) {
        let currency = figures.entryCurrencies.count == 1 ? figures.entryCurrencies.first : nil
        if let opening = figures.opening, let closing = figures.closing,
            opening.money.currency == closing.money.currency,
            currency == nil || currency == opening.money.currency
        {
            let balanceCurrency = opening.money.currency
            if let expected = try? opening.amount.adding(figures.bookedNet), expected != closing.amount {
                sink.report(
                    ISO20022Diagnostics.balanceMismatch(
                        opening: Money(opening.amount, balanceCurrency),
                        entries: Money(figures.bookedNet, balanceCurrency),
                        closing: Money(closing.amount, balanceCurrency), at: closing.money.location))
            }
        }
        func check(_ what: String, _ stated: ReportState.Stated<Int>?, _ counted: Int) {
            guard let stated, stated.value != counted else { return }
            sink.report(
                ISO20022Diagnostics.summaryMismatch(
                    what, stated: String(stated.value), counted: String(counted), at: stated.location))
        }
        func check(_ what: String, _ stated: ReportState.Stated<FixedDecimal>?, _ counted: FixedDecimal) {
            guard let stated, currency != nil || figures.entryCount == 0, stated.value != counted else { return }
            sink.report(
                ISO20022Diagnostics.summaryMismatch(
                    what, stated: stated.value.description, counted: counted.description, at: stated.location))
        }
        check("TtlNtries/NbOfNtries", figures.statedCount, figures.entryCount)
        check("TtlNtries/Sum", figures.statedSum, figures.entrySum)
        if var net = figures.statedNet {
            if figures.statedNetIndicator == "DBIT" { net.value = net.value.negated() }
            check("TtlNtries net amount", net, figures.net)
        }
        check("TtlCdtNtries/NbOfNtries", figures.statedCreditCount, figures.creditCount)
        check("TtlCdtNtries/Sum", figures.statedCreditSum, figures.creditSum)
        check("TtlDbtNtries/NbOfNtries", figures.statedDebitCount, figures.debitCount)
        check("TtlDbtNtries/Sum", figures.statedDebitSum, figures.debitSum)
    }
}
