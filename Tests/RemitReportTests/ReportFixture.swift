import Foundation
import RemitCore
import RemitMatch
import RemitReport

/// A small run built by hand: one paid-in-full line, a short pay with a stated and an unexplained
/// deduction, an overpayment, an unmatched line from a hostile payer, one untouched open invoice and a
/// diagnostic. Every figure ties unless a test breaks it on purpose.
enum ReportFixture {
    static let remittancePath = "in/remit.820"
    static let exportPath = "in/open-ar.csv"
    static let sha = String(repeating: "ab", count: 32)
    static let hostilePayer = "<script>alert(1)</script> & \"Co\""
    static let hostileReference = "=HYPERLINK(\"http://evil.example/x\",\"Click\")"

    static func usd(_ text: String) -> Money { Money(try! FixedDecimal.parse(text), "USD") }

    static func provenance(line: Int, segment: Int) -> Provenance {
        Provenance(
            location: SourceLocation(
                file: remittancePath, line: line, column: 1, byteOffset: Int64(line * 40 - 40),
                segmentIndex: segment),
            fileSHA256: sha, envelope: EnvelopeKeys(interchangeControl: "000000905", transactionControl: "0001"),
            transactionID: "ST@3")
    }

    static func invoice(_ number: String, open: String, row: Int, customer: String = "Acme Foods") -> Invoice {
        Invoice(
            number: number, normalizedNumber: ReferenceNormalizer.normalize(number), customerID: "C100",
            customerName: customer, purchaseOrder: "PO-\(row)", invoiceDate: CalendarDate(year: 2026, month: 1, day: 5),
            dueDate: CalendarDate(year: 2026, month: 2, day: 4), amount: usd(open), openAmount: usd(open),
            terms: "NET30", location: SourceLocation(file: exportPath, line: row, column: 1, byteOffset: 0))
    }

    static let acme = Party(name: "Acme Foods", idQualifier: "92", id: "C100")

    static func line(_ index: Int, reference: String, paid: String, payer: Party = acme, payment: Int = 1)
        -> RemittanceLine
    {
        RemittanceLine(
            id: "abababababab:line:\(index)", paymentID: "abababababab:pay:\(payment)", referenceQualifier: "IV",
            reference: reference, normalizedReference: ReferenceNormalizer.normalize(reference), purchaseOrder: nil,
            invoiceDate: nil, amountPaid: usd(paid), invoiceAmount: nil, discountTaken: nil, payer: payer,
            provenance: provenance(line: index, segment: index))
    }

    static func deduction(
        _ index: Int, line: Int, amount: String, category: DeductionCategory, source: String, code: String?,
        origin: Deduction.Origin
    ) -> Deduction {
        Deduction(
            id: "abababababab:ded:\(index)", paymentID: "abababababab:pay:1", lineID: "abababababab:line:\(line)",
            amount: usd(amount), reasonCode: code, reasonCodeList: code == nil ? nil : "X12-426", category: category,
            categorySource: source, reasonText: code == nil ? nil : "Damaged cases", invoiceReference: "INV-1002",
            memoNumber: nil, memoQualifier: nil, payer: acme, paymentTrace: "TRN-77", origin: origin,
            provenance: provenance(line: line + 10, segment: line + 10))
    }

    static func input() -> ReportInput {
        let inv1 = invoice("INV-1001", open: "100.00", row: 2)
        let inv2 = invoice("INV-1002", open: "250.00", row: 3)
        let inv3 = invoice("INV-1003", open: "80.00", row: 4)
        let inv4 = invoice("INV-1004", open: "60.00", row: 5)
        let zero = usd("0.00")
        let exact = [Evidence("normalized_reference", "1001")]
        let matches = [
            LineMatch(
                line: line(1, reference: "INV-1001", paid: "100.00"), invoice: inv1, outcome: .paidInFull,
                rule: "exact-reference", score: 100, evidence: exact, openBefore: usd("100.00"),
                applied: usd("100.00"), discountTaken: nil, statedDeductions: zero, unexplained: zero,
                unapplied: zero, openAfter: zero),
            LineMatch(
                line: line(2, reference: "INV-1002", paid: "230.00"), invoice: inv2, outcome: .shortPaid,
                rule: "exact-reference", score: 100, evidence: [Evidence("normalized_reference", "1002")],
                openBefore: usd("250.00"), applied: usd("230.00"), discountTaken: nil,
                statedDeductions: usd("15.00"), unexplained: usd("5.00"), unapplied: zero, openAfter: zero),
            LineMatch(
                line: line(3, reference: "INV-1003", paid: "90.00"), invoice: inv3, outcome: .overpaid,
                rule: "exact-reference", score: 100, evidence: [Evidence("normalized_reference", "1003")],
                openBefore: usd("80.00"), applied: usd("80.00"), discountTaken: nil, statedDeductions: zero,
                unexplained: zero, unapplied: usd("10.00"), openAfter: zero),
            LineMatch(
                line: line(
                    4, reference: hostileReference, paid: "40.00", payer: Party(name: hostilePayer),
                    payment: 2),
                invoice: nil, outcome: .unmatched, rule: "none", score: 0,
                evidence: [Evidence("normalized_reference", "HYPERLINKHTTPEVILEXAMPLEXCLICK")], openBefore: nil,
                applied: zero, discountTaken: nil, statedDeductions: zero, unexplained: zero,
                unapplied: usd("40.00"), openAfter: nil),
        ]
        let deductions = [
            deduction(
                1, line: 2, amount: "15.00", category: .damage, source: "mappings/x12-426.tsv:12", code: "AA",
                origin: .stated),
            deduction(
                2, line: 2, amount: "5.00", category: .unidentified, source: "rule:short-pay", code: nil,
                origin: .shortPay),
        ]
        let open = [OpenInvoice(invoice: inv4, remaining: usd("60.00"), appliedThisRun: zero)]

        var summary = FileSummary(path: remittancePath, format: "x12-820", sha256: sha, size: 1234)
        summary.payments = 2
        summary.linesIn = 4
        summary.linesMatched = 3
        summary.linesUnmatched = 1
        summary.deductions = 2
        summary.transactionsAccepted = 2
        summary.paymentsTotal = [usd("460.00")]
        summary.linesPaidTotal = [usd("460.00")]
        summary.appliedTotal = [usd("410.00")]
        summary.unappliedTotal = [usd("50.00")]
        summary.deductedTotal = [usd("20.00")]
        summary.diagnostics = [
            Diagnostic(
                .warning, code: "x12.se-count", "SE01 says 14 segments, counted 15",
                at: SourceLocation(
                    file: remittancePath, line: 7, column: 1, byteOffset: 240, segmentIndex: 20,
                    element: "SE01"))
        ]
        let manifest = RunManifest(
            remitVersion: "0.1.0", runTime: "2026-03-01T09:30:00Z",
            options: ["tolerance=0.00", "strict=false"],
            inputs: [
                RunManifest.InputFile(path: remittancePath, role: "x12", size: 1234, sha256: sha),
                RunManifest.InputFile(
                    path: exportPath, role: "invoices", size: 512,
                    sha256: String(repeating: "cd", count: 32)),
            ])
        let export = InvoiceExportSummary(
            path: exportPath, layout: "generic", rowsRead: 4, rowsSkipped: 0, invoices: 4,
            openTotal: [usd("490.00")], diagnostics: [])
        return ReportInput(
            manifest: manifest, files: [summary], invoiceExport: export,
            reconciliation: Reconciliation(matches: matches, deductions: deductions, openInvoices: open))
    }

    /// A fresh empty directory under the system's temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "remit-report-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func removeDirectory(_ path: String) {
        // REMIT_KEEP_TEST_OUTPUT keeps the files, to look at report.html in a browser.
        if ProcessInfo.processInfo.environment["REMIT_KEEP_TEST_OUTPUT"] == nil {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    static func readBytes(_ directory: String, _ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    }

    /// What one `ReportWriter.writeAll` left in a fresh directory, read back before the directory is removed.
    struct Outputs {
        var names: [String]
        var files: [String: Data]

        /// The file as text; report.html as a reader sees it, without the `<wbr>` break opportunities.
        func text(_ name: String) -> String {
            let text = String(decoding: files[name] ?? Data(), as: UTF8.self)
            return name == "report.html" ? text.replacingOccurrences(of: "<wbr>", with: "") : text
        }

        /// The file exactly as written.
        func raw(_ name: String) -> String { String(decoding: files[name] ?? Data(), as: UTF8.self) }
    }

    static func write(_ input: ReportInput = ReportFixture.input()) throws -> Outputs {
        let directory = try temporaryDirectory()
        defer { removeDirectory(directory) }
        try ReportWriter.writeAll(input, to: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var files: [String: Data] = [:]
        for name in names { files[name] = try readBytes(directory, name) }
        return Outputs(names: names, files: files)
    }

    /// Splits RFC 4180 text with CRLF row ends into rows of cells, undoing the quoting.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        cell.unicodeScalars.append("\"")
                        scalars = scalars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(cell)
                cell = ""
            } else if scalar == "\r" && scalars.first == "\n" {
                scalars = scalars.dropFirst()
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.unicodeScalars.append(scalar)
            }
        }
        if !cell.isEmpty || !row.isEmpty { rows.append(row + [cell]) }
        return rows
    }

    /// Rows as dictionaries keyed by the header's column names.
    static func records(_ text: String) -> [[String: String]] {
        let rows = parseCSV(text)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }
}
