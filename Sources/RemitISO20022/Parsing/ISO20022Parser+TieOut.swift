import RemitCore

/// Statement figures: entries are counted as they close, and checked against the balances and TxsSummry
/// when the report block closes. A mismatch is a warning that quotes both figures.
extension ISO20022Parser {
    mutating func count(_ open: EntryState, amount: ParsedAmount, credit: Bool) {
        guard report != nil else { return }
        // Updated in place: a copy of the report would copy its currency set on every entry.
        report!.entryCount += 1
        if !report!.entryCurrencies.contains(amount.currency) { report!.entryCurrencies.insert(amount.currency) }
        report!.entrySum.add(amount.value)
        let booked = open.status == nil || open.status == "BOOK"
        if credit {
            report!.net.add(amount.value)
            if booked { report!.bookedNet.add(amount.value) }
            report!.creditCount += 1
            report!.creditSum.add(amount.value)
        } else {
            report!.net.subtract(amount.value)
            if booked { report!.bookedNet.subtract(amount.value) }
            report!.debitCount += 1
            report!.debitSum.add(amount.value)
        }
    }

    mutating func tieOut<Sink: RecordSink>(_ figures: ReportState, into sink: inout Sink) {
        let currency = figures.entryCurrencies.count == 1 ? figures.entryCurrencies.first : nil
        if let opening = figures.opening, let closing = figures.closing,
            opening.money.currency == closing.money.currency,
            currency == nil || currency == opening.money.currency
        {
            let balanceCurrency = opening.money.currency
            var expected = ExactSum(opening.amount)
            expected.add(figures.bookedNet)
            if !expected.equals(closing.amount) {
                sink.report(
                    ISO20022Diagnostics.balanceMismatch(
                        opening: Money(opening.amount, balanceCurrency),
                        entries: figures.bookedNet.text(balanceCurrency),
                        expected: expected.text(balanceCurrency), closing: Money(closing.amount, balanceCurrency),
                        at: place(closing.money.location)))
            }
        }
        func check(_ what: String, _ stated: ReportState.Stated<Int>?, _ counted: Int) {
            guard let stated, stated.value != counted else { return }
            sink.report(
                ISO20022Diagnostics.summaryMismatch(
                    what, stated: String(stated.value), counted: String(counted), at: place(stated.location)))
        }
        func check(_ what: String, _ stated: ReportState.Stated<FixedDecimal>?, _ counted: ExactSum) {
            guard let stated, currency != nil || figures.entryCount == 0, !counted.equals(stated.value) else { return }
            sink.report(
                ISO20022Diagnostics.summaryMismatch(
                    what, stated: stated.value.description,
                    counted: counted.value?.description ?? "a total beyond 18 digits", at: place(stated.location)))
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
