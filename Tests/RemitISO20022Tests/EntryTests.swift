import RemitCore
import Testing

/// Entries: direction and reversals, batches, encodings, namespaces and the statement tie-out.
@Suite struct EntryTests {
    /// ISO 20022's rule for `RvslInd`: `CdtDbtInd` is the reversal entry's own direction, so a returned credit
    /// transfer comes as `DBIT` with `RvslInd` true and takes the money out again.
    @Test func aReturnedCreditTakesMoneyOut() throws {
        let sink = try Fixtures.read("remit-camt054-v08-reversal.xml")
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let transaction = try #require(sink.bankTransactions.first)
        #expect(transaction.isReversal)
        #expect(transaction.direction == .debit)
        #expect(transaction.amount == Money("250.00", "EUR"))
        #expect(transaction.typeCode == "PMNT/RCDT/RRTN")
        let payment = try #require(sink.payments.first)
        #expect(payment.direction == .debit)
        #expect(payment.amount == Money("-250.00", "EUR"))
        #expect(sink.lines.map(\.amountPaid) == [Money("-250.00", "EUR")])
        #expect(sink.summaries.first?.imbalance == Money("0.00", "EUR"))
    }

    /// The mirror case: a direct debit returned to the account is `CRDT` with `RvslInd` true, money in. The
    /// statement's balances and `TxsSummry` count it as a credit, so reading it the other way round would
    /// break the tie-out.
    @Test func aReversedDebitBringsTheMoneyBackAndTheStatementTiesOut() throws {
        let sink = try Fixtures.read("remit-camt053-v08-reversed-debit.xml")
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.bankTransactions.map(\.isReversal) == [false, true])
        #expect(sink.bankTransactions.map(\.direction) == [.debit, .credit])
        #expect(sink.payments.map(\.amount) == [Money("-200.00", "EUR"), Money("200.00", "EUR")])
        #expect(sink.payments.map(\.direction) == [.debit, .credit])
    }

    @Test func aBatchKeepsEachDetailsAmountAndInfersTheOneMissing() throws {
        let sink = try Fixtures.read("remit-camt054-v08-batch-missing-amount.xml")
        // 600.00 entry; details 100.00, (none), 250.00: the missing one is 600 − 100 − 250 = 250.00.
        #expect(
            sink.payments.map(\.amount) == [Money("100.00", "USD"), Money("250.00", "USD"), Money("250.00", "USD")])
        #expect(sink.payments.map(\.traceNumber) == ["B-1", "B-2", "B-3"])
        let inferred = try #require(sink.diagnostic("iso20022.amount-inferred"))
        #expect(inferred.severity == .warning)
        #expect(inferred.location.path == "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[2]")
        #expect(inferred.message.contains("250.00 USD"))
        // Free text: one invoice number gives a line for the whole detail; two give none, only a note.
        #expect(sink.lines.map(\.reference) == ["100101", "INV-100102"])
        #expect(sink.lines.map(\.amountPaid) == [Money("100.00", "USD"), Money("250.00", "USD")])
        #expect(sink.diagnostic("iso20022.ustrd-candidates")?.message.contains("100103, 100105") == true)
        #expect(
            sink.payments.map(\.remittanceText) == [
                "Invoice 100101", "INV-100102 paid in full", "Invoices 100103 and 100105, 2026-11-30",
            ])
        // The entry text is the bank transaction's, not copied onto each payment.
        #expect(sink.bankTransactions.map(\.text) == ["COLLECTIVE CREDIT 3 ITEMS"])
        #expect(sink.bankTransactions.first?.customerReference == nil)
    }

    @Test func latin1IsDecodedAsDeclared() throws {
        let sink = try Fixtures.read("remit-camt053-v02-iso-8859-1.xml")
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let payment = try #require(sink.payments.first)
        #expect(payment.payer.name == "Müller & Söhne GmbH")
        #expect(payment.remittanceText == "Rechnung 10042 vom 12.11.2026, Zahlung für Lieferung")
        #expect(sink.lines.map(\.reference) == ["10042"])
        #expect(sink.lines.first?.amountPaid == Money("980.00", "EUR"))
        #expect(sink.bankTransactions.first?.text == "Gutschrift Überweisung")
    }

    /// ISO-8859-15 differs from -1 in eight bytes, the euro sign (0xA4) among them: the declared one decides.
    @Test func latin9IsDecodedAsDeclared() throws {
        func replacing(_ old: String, _ new: [UInt8], in bytes: [UInt8]) throws -> [UInt8] {
            let pattern = Array(old.utf8)
            let at = try #require(
                (0...(bytes.count - pattern.count)).first { Array(bytes[$0..<$0 + pattern.count]) == pattern })
            return Array(bytes[..<at]) + new + Array(bytes[(at + pattern.count)...])
        }
        var bytes = try Fixtures.bytes("remit-camt053-v02-iso-8859-1.xml")
        bytes = try replacing("encoding=\"ISO-8859-1\"", Array("encoding=\"ISO-8859-15\"".utf8), in: bytes)
        bytes = try replacing("Zahlung ", Array("Zahlung in ".utf8) + [0xA4, 0x20], in: bytes)
        let sink = try Fixtures.read(bytes: bytes, as: "latin9.xml")
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let payment = try #require(sink.payments.first)
        #expect(payment.payer.name == "Müller & Söhne GmbH")
        #expect(payment.remittanceText == "Rechnung 10042 vom 12.11.2026, Zahlung in € für Lieferung")
    }

    @Test func anInvalidByteIsALocatedErrorNotMojibake() throws {
        let sink = try Fixtures.read("remit-camt053-v02-bad-utf8.xml")
        #expect(sink.records.isEmpty)
        let error = try #require(sink.errors.first)
        #expect(error.code == "iso20022.xml")
        #expect(error.location.line == 21)
        #expect(error.message.contains("UTF-8"))
        #expect(error.location.path == "/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]")
        #expect(sink.summaries.map(\.status) == [.rejected])
    }

    @Test func prefixedElementsWithoutADeclarationAndABadAmount() throws {
        let sink = try Fixtures.read("remit-camt054-v08-prefixed.xml")
        #expect(sink.bankTransactions.map(\.amount) == [Money("75.50", "CHF"), Money("20.00", "CHF")])
        #expect(sink.bankTransactions.first?.direction == .debit)
        #expect(sink.bankTransactions.first?.account == "CH9300762011623852957")
        let error = try #require(sink.diagnostic("iso20022.amount"))
        #expect(error.message.contains("'12O.00'"))
        #expect(error.location.path == "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[2]/Amt")
        #expect(error.location.line == 6)
        #expect(sink.summaries.filter { $0.status == .rejected }.count == 1)
    }

    @Test func statementTieOutQuotesBothFigures() throws {
        let sink = try Fixtures.read("remit-camt053-v02-tie-out-mismatch.xml")
        let balance = try #require(sink.diagnostic("iso20022.balance"))
        #expect(balance.severity == .warning)
        // 500.00 + 300.00 − 50.00 = 750.00 against a stated 900.00.
        #expect(balance.message.contains("500.00 EUR"))
        #expect(balance.message.contains("250.00 EUR"))
        #expect(balance.message.contains("750.00 EUR"))
        #expect(balance.message.contains("900.00 EUR"))
        #expect(balance.location.path == "/Document/BkToCstmrStmt/Stmt[1]/Bal[2]/Amt")
        let summaries = sink.diagnostics.filter { $0.code == "iso20022.summary" }.map(\.message)
        #expect(summaries == ["TxsSummry TtlNtries/NbOfNtries says 3 but the entries give 2"])
    }

    @Test func aBalancedStatementHasNoTieOutWarning() throws {
        let sink = try Fixtures.read("remit-camt053-v02-iso-8859-1.xml")
        #expect(!sink.codes.contains("iso20022.balance"))
        #expect(!sink.codes.contains("iso20022.summary"))
    }

    @Test func twoDocumentsInOneFileAreBothRead() throws {
        let sink = try Fixtures.read("remit-camt054-two-documents.xml")
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.bankTransactions.map(\.amount) == [Money("1150.00", "USD"), Money("250.00", "EUR")])
        #expect(sink.payments.map { $0.provenance.envelope.version } == ["camt.054.001.12", "camt.054.001.08"])
        #expect(sink.payments.map { $0.provenance.envelope.interchangeControl } == ["REMIT-054-12", "REMIT-054-RVSL"])
        // The second document's lines count on from the first's 40: its Ntry/Amt is on its line 9.
        #expect(sink.bankTransactions.map(\.provenance.location.line) == [9, 49])
        let ids = sink.records.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func aPendingEntryIsNotCash() throws {
        let sink = try Fixtures.read(
            text: "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn><Ntfctn>"
                + "<Ntry><Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts><NtryDtls>"
                + "<TxDtls><Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls></NtryDtls></Ntry>"
                + "<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><NtryDtls>"
                + "<TxDtls><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls></NtryDtls></Ntry>"
                + "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>")
        #expect(sink.bankTransactions.map(\.status) == ["PDNG", nil])
        #expect(sink.payments.map(\.amount) == [Money("5.00", "EUR")])
        #expect(sink.codes == ["iso20022.not-booked", "iso20022.detail-direction"])
    }
}
