import RemitCore
import RemitMatch
import RemitReport

extension ReportFixture {
    static let bankPath = "in/bank/camt054-2026-03-01.xml"
    static let bankSHA = String(repeating: "ef", count: 32)

    static func eur(_ text: String) -> Money { Money(try! FixedDecimal.parse(text), "EUR") }

    static func entry(_ index: Int) -> SourceLocation {
        SourceLocation(
            file: bankPath, line: 20 * index, column: 5, byteOffset: Int64(900 * index),
            path: "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[\(index)]")
    }

    /// The one-file run plus a euro notification: a paid-in-full line, an unmatched line, an entry that was
    /// rejected, an entry whose stated total is 2.00 more than its lines, and a skipped export row.
    static func twoFileInput() -> ReportInput {
        var input = input()
        let invoice = Invoice(
            number: "INV-2001", normalizedNumber: "2001", customerID: "C200", customerName: "Brasserie Lune",
            purchaseOrder: nil, invoiceDate: nil, dueDate: nil, amount: eur("1000.00"), openAmount: eur("1000.00"),
            terms: nil, location: SourceLocation(file: exportPath, line: 6, column: 1, byteOffset: 0))
        let payer = Party(name: "Brasserie Lune SARL", idQualifier: "BIC", id: "LUNEFRPP")
        func line(_ index: Int, reference: String, paid: String) -> RemittanceLine {
            RemittanceLine(
                id: "efefefefefef:line:\(index)", paymentID: "efefefefefef:pay:\(index)", referenceQualifier: "CINV",
                reference: reference, normalizedReference: ReferenceNormalizer.normalize(reference),
                purchaseOrder: nil, invoiceDate: nil, amountPaid: eur(paid), invoiceAmount: nil, discountTaken: nil,
                payer: payer,
                provenance: Provenance(location: entry(index), fileSHA256: bankSHA, transactionID: "Ntry@\(index)"))
        }
        let zero = eur("0.00")
        input.reconciliation.matches += [
            LineMatch(
                line: line(1, reference: "INV-2001", paid: "1000.00"), invoice: invoice, outcome: .paidInFull,
                rule: "exact-reference", score: 100, evidence: [Evidence("normalized_reference", "2001")],
                openBefore: eur("1000.00"), applied: eur("1000.00"), discountTaken: nil, statedDeductions: zero,
                unexplained: zero, unapplied: zero, openAfter: zero),
            LineMatch(
                line: line(2, reference: "RF18 5390 0754 7034", paid: "250.00"), invoice: nil, outcome: .unmatched,
                rule: "none", score: 0, evidence: [Evidence("normalized_reference", "RF18539007547034")],
                openBefore: nil, applied: zero, discountTaken: nil, statedDeductions: zero, unexplained: zero,
                unapplied: eur("250.00"), openAfter: nil),
        ]
        var bank = FileSummary(path: bankPath, format: "camt.054", sha256: bankSHA, size: 48_213)
        bank.status = .partial
        bank.payments = 2
        bank.linesIn = 3
        bank.linesMatched = 1
        bank.linesUnmatched = 1
        bank.linesRejected = 1
        bank.transactionsAccepted = 2
        bank.transactionsRejected = 1
        bank.paymentsTotal = [eur("1252.00")]
        bank.linesPaidTotal = [eur("1250.00")]
        bank.imbalanceTotal = [eur("2.00")]
        bank.appliedTotal = [eur("1000.00")]
        bank.unappliedTotal = [eur("250.00")]
        bank.diagnostics = [
            Diagnostic(
                .error, code: "iso.amount", "amount '1.000,00' is not a plain decimal; entry rejected",
                at: entry(3).element("Amt"), hint: "amounts use '.' and no thousands separator")
        ]
        bank.transactionExceptions = [
            TransactionSummary(
                kind: "camt.054 entry", location: entry(2), envelope: EnvelopeKeys(), status: .accepted,
                paymentID: "efefefefefef:pay:2", statedTotal: eur("252.00"), linesTotal: eur("250.00"),
                adjustmentsTotal: nil, imbalance: eur("2.00"), recordCount: 2, transactionID: "Ntry@2"),
            TransactionSummary(
                kind: "camt.054 entry", location: entry(3), envelope: EnvelopeKeys(), status: .rejected,
                paymentID: nil, statedTotal: nil, linesTotal: nil, adjustmentsTotal: nil, imbalance: nil,
                recordCount: 1, transactionID: "Ntry@3"),
        ]
        input.files.append(bank)
        input.manifest.inputs.insert(
            RunManifest.InputFile(path: bankPath, role: "camt.054", size: 48_213, sha256: bankSHA), at: 1)
        input.invoiceExport.rowsRead = 6
        input.invoiceExport.rowsSkipped = 1
        input.invoiceExport.invoices = 5
        input.invoiceExport.openTotal = [eur("1000.00"), usd("490.00")]
        input.invoiceExport.diagnostics = [
            Diagnostic(
                .warning, code: "invoices.amount", "open amount '12,50' is not a plain decimal; row skipped",
                at: SourceLocation(file: exportPath, line: 7, column: 3, byteOffset: 301, element: "open_amount"))
        ]
        return input
    }
}
