import Foundation
import RemitCore
import RemitInvoices
import Testing

/// An export of thousands of unreadable rows keeps the first diagnostics, counts every one, and passes
/// every one to the caller as it is found.
@Suite struct ManyBadRowsTests {
    @Test func keepsTheFirstDiagnosticsAndCountsAll() throws {
        let badRows = 3000
        let text =
            "invoice_number,customer_id,customer_name,amount,open_amount,currency\n"
            + String(repeating: "x\n", count: badRows) + "INV-1,C1,Acme,10.00,10.00,USD\n"
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("remit-bad-rows-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var seen: [Diagnostic] = []
        let export = try InvoiceExportReader.read(
            path: path, layout: try Fixtures.layout("generic"), chunkSize: 64, onDiagnostic: { seen.append($0) })
        #expect(export.rowsRejected == badRows)
        #expect(export.invoices.map(\.number) == ["INV-1"])
        #expect(export.diagnostics.errors == badRows)
        #expect(export.diagnostics.listed.count == DiagnosticList.defaultLimit)
        // The layout's optional columns missing from this file are notes, found at the header.
        let notes = export.diagnostics.notes
        #expect(export.diagnostics.notListed == badRows + notes - DiagnosticList.defaultLimit)
        let errors = export.diagnostics.listed.filter { $0.severity == .error }
        #expect(errors.first?.location.line == 2)
        #expect(errors.last?.location.line == DiagnosticList.defaultLimit - notes + 1)
        #expect(seen.filter { $0.severity == .error }.count == badRows, "every one is passed on")
        #expect(Array(seen.prefix(DiagnosticList.defaultLimit)) == export.diagnostics.listed)
    }
}
