import RemitCore
import Testing

/// Structured remittance: referred documents, their amounts and the deductions they state or imply.
/// Every figure below was worked out by hand from the fixture (see `make-remit-fixtures.py`).
@Suite struct RemittanceTests {
    @Test(arguments: ["remit-camt054-v04-deductions.xml", "remit-camt054-v08-deductions.xml"])
    func adjustmentsDiscountsCreditNotesAndTax(name: String) throws {
        let sink = try Fixtures.read(name)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let payment = try #require(sink.payments.first)
        #expect(payment.amount == Money("2910.00", "EUR"))
        #expect(payment.direction == .credit)
        #expect(payment.payer.name == "Müller & Söhne GmbH")
        #expect(payment.payee.name == "Remit Demo AG")
        #expect(payment.traceNumber == "E2E-4711")
        #expect(payment.date == CalendarDate(year: 2026, month: 12, day: 1))

        #expect(sink.lines.map(\.reference) == ["INV-9001", "INV-9002", "INV-9003"])
        #expect(sink.lines.map(\.normalizedReference) == ["9001", "9002", "9003"])
        #expect(sink.lines.map(\.referenceQualifier) == ["CINV", "CINV", "CINV"])
        #expect(
            sink.lines.map(\.amountPaid) == [Money("930.00", "EUR"), Money("1300.00", "EUR"), Money("680.00", "EUR")])
        #expect(
            sink.lines.map(\.invoiceAmount) == [
                Money("1000.00", "EUR"), Money("1500.00", "EUR"), Money("700.00", "EUR"),
            ])
        #expect(sink.lines[0].discountTaken == Money("20.00", "EUR"))
        #expect(sink.lines[0].invoiceDate == CalendarDate(year: 2026, month: 11, day: 1))
        #expect(sink.lines.allSatisfy { $0.paymentID == payment.id })

        // INV-9001: 1000 − 20 discount − 50 damaged (EDIFACT 4465 '3') = 930 remitted: no gap.
        // INV-9002: 1500 − 100 credit note − 30 unmapped 'XX9' − 1300 remitted = 70 unexplained.
        // INV-9003: 700 − 680 remitted = 20, explained by the 20 of tax.
        let deductions = sink.deductions
        #expect(deductions.map(\.amount) == ["50.00", "30.00", "100.00", "70.00", "20.00"].map { Money($0, "EUR") })
        #expect(deductions.map(\.category) == [.damage, .unidentified, .unidentified, .unidentified, .tax])
        #expect(
            deductions.map(\.categorySource) == [
                "mappings/reason-codes/edifact-4465.tsv:9", "rule:unmapped-code", "rule:credit-note-applied",
                "rule:short-pay", "rule:tax-withheld",
            ])
        #expect(deductions.map(\.origin) == [.stated, .stated, .stated, .shortPay, .stated])
        #expect(deductions.map(\.reasonCode) == ["3", "XX9", nil, nil, nil])
        #expect(deductions[0].reasonCodeList == "EDIFACT-4465")
        #expect(deductions[0].reasonText == "2 cases broken")
        #expect(deductions.map(\.invoiceReference) == ["INV-9001", "INV-9002", "INV-9002", "INV-9002", "INV-9003"])
        #expect(
            deductions.map(\.lineID) == [
                sink.lines[0].id, sink.lines[1].id, sink.lines[1].id, sink.lines[1].id,
                sink.lines[2].id,
            ])

        let transaction = try #require(sink.bankTransactions.first)
        #expect(transaction.amount == Money("2910.00", "EUR"))
        #expect(transaction.typeCode == "PMNT/RCDT/ESCT")
        #expect(transaction.bankReference == "BANKREF-001")
        #expect(transaction.status == "BOOK")
        #expect(transaction.account == "DE02120300000000202051")

        let summary = try #require(sink.summaries.first)
        #expect(summary.imbalance == Money("0.00", "EUR"))
        #expect(summary.linesTotal == Money("2910.00", "EUR"))
    }

    @Test func versionsFourAndEightGiveTheSameFigures() throws {
        let v04 = try Fixtures.read("remit-camt054-v04-deductions.xml")
        let v08 = try Fixtures.read("remit-camt054-v08-deductions.xml")
        #expect(v04.lines.map(\.amountPaid) == v08.lines.map(\.amountPaid))
        #expect(v04.deductions.map(\.amount) == v08.deductions.map(\.amount))
        #expect(v04.deductions.map(\.category) == v08.deductions.map(\.category))
        #expect(v04.payments.first?.uetr == nil)
        #expect(v08.payments.first?.uetr == "7d1f6c2a-3b4e-4f5a-8b9c-0d1e2f3a4b5c")
    }

    @Test func version12TypedAmounts() throws {
        let sink = try Fixtures.read("remit-camt054-v12-rmtamtandtp.xml")
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let line = try #require(sink.lines.first)
        #expect(line.reference == "300777")
        #expect(line.invoiceAmount == Money("1250.00", "USD"))
        #expect(line.amountPaid == Money("1150.00", "USD"))
        #expect(line.discountTaken == Money("25.00", "USD"))
        #expect(line.invoiceDate == CalendarDate(year: 2026, month: 11, day: 5))
        // 1250 − 25 discount − 40 damaged (X12 426 '04', not an EDIFACT code) − 1150 = 35 unexplained.
        #expect(sink.deductions.map(\.amount) == [Money("40.00", "USD"), Money("35.00", "USD")])
        #expect(sink.deductions.map(\.category) == [.damage, .unidentified])
        #expect(sink.deductions[0].reasonCodeList == "X12-426")
        #expect(sink.deductions[0].categorySource == "mappings/reason-codes/x12-426.tsv:10")
        let payment = try #require(sink.payments.first)
        #expect(payment.payer == Party(name: "Corner Grocer Co", id: "C200"))
        // EndToEndId NOTPROVIDED is a placeholder: the UETR is the trace.
        #expect(payment.traceNumber == "0f6a8e3c-1d2b-4c5d-9e8f-7a6b5c4d3e2f")
        #expect(payment.date == CalendarDate(year: 2026, month: 12, day: 2))
        #expect(sink.bankTransactions.first?.typeCode == "NTRF+166")
        #expect(sink.bankTransactions.first?.account == "123456789")
    }

    @Test func remittanceAdviceWithTwoInvoices() throws {
        let sink = try Fixtures.read("remit-remt001-v04-two-invoices.xml")
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.bankTransactions.isEmpty)
        let payment = try #require(sink.payments.first)
        #expect(payment.amount == Money("3990.00", "USD"))
        #expect(payment.remittanceID == "RA-555")
        #expect(payment.traceNumber == "E2E-REMT-1")
        #expect(payment.uetr == "5b2c1d0e-9f8a-4b7c-8d6e-5f4a3b2c1d0e")
        #expect(payment.payer.name == "BigMart Stores Inc")
        #expect(payment.payee.name == "Remit Demo Inc")
        #expect(payment.date == CalendarDate(year: 2026, month: 12, day: 2))
        #expect(payment.provenance.envelope.interchangeControl == "REMT-2026-001")
        #expect(payment.provenance.envelope.version == "remt.001.001.04")
        #expect(sink.lines.map(\.reference) == ["100108", "100109"])
        #expect(sink.lines.map(\.amountPaid) == [Money("3100.00", "USD"), Money("890.00", "USD")])
        let deduction = try #require(sink.deductions.first)
        #expect(sink.deductions.count == 1)
        #expect(deduction.amount == Money("50.00", "USD"))
        #expect(deduction.category == .advertising)
        #expect(deduction.reasonText == "co-op ad, week 47")
        #expect(deduction.invoiceReference == "100108")
    }

    @Test func recordsCarryTheirElementPath() throws {
        let sink = try Fixtures.read("remit-camt054-v04-deductions.xml")
        let payment = try #require(sink.payments.first)
        #expect(
            payment.provenance.location.path
                == "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]/Amt")
        #expect(payment.provenance.location.line == 20)
        #expect(
            sink.deductions[0].provenance.location.path
                == "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]/RmtInf[1]/Strd[1]/"
                + "RfrdDocAmt/"
                + "AdjstmntAmtAndRsn[1]/Amt")
        #expect(payment.provenance.envelope.version == "camt.054.001.04")
        #expect(payment.provenance.transactionID.hasPrefix("Ntry@"))
    }
}
