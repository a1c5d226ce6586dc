import Foundation
import RemitCore
import RemitInvoices
import Testing

@testable import RemitScenario

/// Each layout's export, read by Remit's own reader with the shipped layout, gives back the book.
@Suite struct ScenarioExportTests {
    static let scenario = Scenario(noise: .high, seed: 21, invoices: 300)

    static let mappings: String = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("mappings").path
    }()

    @Test(arguments: ScenarioExportLayout.allCases)
    func theLayoutReadsBackEveryInvoiceAndNothingElse(_ layout: ScenarioExportLayout) throws {
        let text = try #require(Self.scenario.exports.first { $0.layout == layout }?.text)
        let definition = try InvoiceLayout.resolve(nameOrPath: layout.rawValue, mappingsDirectory: Self.mappings)
        let export = try InvoiceExportReader.read(bytes: Array(text.utf8), file: layout.fileName, layout: definition)
        #expect(export.rowsRejected == 0)
        #expect(export.diagnostics.listed.filter { $0.severity == .error }.isEmpty)
        let book = Self.scenario.book
        let expected = book.invoices.map { "\($0.number) \($0.amount.plain) \(book.customers[$0.customer].name)" }
        let read = export.invoices.map { "\($0.number) \($0.openAmount.amount) \($0.customerName ?? "")" }
        #expect(read.sorted() == expected.sorted())
        #expect(export.rowsSkipped > 0, "subtotal, total or payment rows are skipped")
        let ids = Set(export.invoices.compactMap(\.customerID))
        if layout == .quickbooksAging {
            #expect(ids.isEmpty)
        } else {
            #expect(ids == Set(book.customers.map(\.id)))
        }
    }
}
