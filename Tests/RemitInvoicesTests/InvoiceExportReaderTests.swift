import RemitCore
import RemitInvoices
import Testing

@Suite struct InvoiceExportReaderTests {
    private func layout(_ columns: [InvoiceField: [String]], rules: [SkipRule] = []) throws -> InvoiceLayout {
        InvoiceLayout(
            name: "test", columns: columns, defaultCurrency: "USD", dateFormats: [try DatePattern("yyyy-MM-dd")],
            skipRules: rules)
    }

    @Test func decodesWindows1252AndFollowsTheSeparatorLine() throws {
        let layout = try InvoiceLayout.load(path: Fixtures.path("layouts/german-ansi.json"))
        let results = try Fixtures.chunkSizes.map {
            try InvoiceExportReader.read(path: Fixtures.path("windows-1252.csv"), layout: layout, chunkSize: $0)
        }
        #expect(Set(results).count == 1, "every chunk size gives the same export")
        let export = results[0]
        #expect(export.recordsBeforeHeader == 2, "the sep= line and one title line")
        #expect(export.headerLine == 3)
        #expect(export.invoices.map(\.customerName) == ["Müller GmbH", "Café Crème"])
        #expect(
            export.invoices.map(\.amount) == [
                Money(FixedDecimal(units: 123_450, scale: 2), "EUR"), Money(FixedDecimal(units: -99, scale: 2), "EUR"),
            ])
        let warning = try #require(export.diagnostics.first { $0.severity == .warning })
        #expect(warning.code == "invoice.separator-line")
        #expect(warning.location.line == 1)
        #expect(export.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(export.bytesRead == 113)
    }

    @Test func countsSkippedRowsPerReasonAndRejectsMalformedRecords() throws {
        let layout = try layout(
            [.invoiceNumber: ["inv"], .amount: ["amt"], .customerID: ["cust"]],
            rules: [
                SkipRule(target: .anyCell, condition: .matches("^Subtotal"), reason: "subtotal"),
                SkipRule(target: .field(.customerID), condition: .isEmpty, reason: "no customer"),
            ])
        let text = "inv,amt,cust\nA,1,C\nSubtotal,1,\n,,\nB,2,\n\"C\"x,3,C\nD,4,C\n\"E,5,C\n"
        let export = try InvoiceExportReader.read(bytes: Array(text.utf8), file: "m.csv", layout: layout, chunkSize: 3)
        #expect(export.invoices.map(\.number) == ["A", "D"])
        #expect(
            export.skipped == [
                SkipCount(reason: "subtotal", count: 1), SkipCount(reason: "blank row", count: 1),
                SkipCount(reason: "no customer", count: 1),
            ])
        #expect(export.rowsRead == 7)
        #expect(export.rowsRejected == 2)
        #expect(export.diagnostics.map(\.code) == ["csv.after-quote", "csv.unterminated-quote"])
        #expect(
            export.invoices[1].location
                == SourceLocation(file: "m.csv", line: 7, column: 1, byteOffset: 48, segmentIndex: 7, indexUnit: .row))
        #expect(export.diagnostics.first?.description.contains("[row ") == true, "a CSV row is no segment")
    }

    @Test func prefersTheLayoutsFirstSpellingAndWarnsAboutARepeatedHeader() throws {
        let layout = try layout([.invoiceNumber: ["Invoice No", "Invoice"], .amount: ["Amount"]])
        let text = "Invoice,Invoice No,Amount,AMOUNT\nX1,42,5.00,6.00\n"
        let export = try InvoiceExportReader.read(bytes: Array(text.utf8), file: "h.csv", layout: layout)
        #expect(export.invoices.map(\.number) == ["42"])
        #expect(export.invoices.first?.amount.amount == FixedDecimal(units: 500, scale: 2))
        let warning = try #require(export.diagnostics.first { $0.code == "invoice.header-repeated" })
        #expect(warning.message.contains("columns 3 and 4"))
    }

    @Test func reportsEveryEmptyRequiredCell() throws {
        var layout = try layout([.invoiceNumber: ["inv"], .amount: ["amt"], .dueDate: ["due"], .purchaseOrder: ["po"]])
        layout.requiredFields.formUnion([.dueDate, .purchaseOrder])
        let export = try InvoiceExportReader.read(
            bytes: Array("inv,amt,due,po\nA,,,\n".utf8), file: "r.csv", layout: layout)
        #expect(export.invoices.isEmpty)
        #expect(export.rowsRejected == 1)
        let found = export.diagnostics.map { "\($0.code)@\($0.location.column)" }
        #expect(found == ["invoice.amount@3", "invoice.required-empty@4", "invoice.required-empty@5"])
    }

    @Test func aRequiredCurrencyDoesNotFallBackToTheDefault() throws {
        var layout = try layout([.invoiceNumber: ["inv"], .amount: ["amt"], .currency: ["ccy"]])
        let text = "inv,amt,ccy\nA,1,\nB,2,EUR\n"
        let lenient = try InvoiceExportReader.read(bytes: Array(text.utf8), file: "c.csv", layout: layout)
        #expect(lenient.invoices.map(\.amount.currency) == ["USD", "EUR"])
        layout.requiredFields.insert(.currency)
        let strict = try InvoiceExportReader.read(bytes: Array(text.utf8), file: "c.csv", layout: layout)
        #expect(strict.invoices.map(\.number) == ["B"])
        #expect(strict.diagnostics.map(\.code) == ["invoice.required-empty"])
        #expect(strict.diagnostics.first?.location.column == 5)
    }

    @Test func locatesABadCellAfterAMultiLineCell() throws {
        let layout = try layout([.invoiceNumber: ["inv"], .amount: ["amt"], .terms: ["note"]])
        let text = "inv,note,amt\r\nA,\"x\r\ny\",bad\r\nB,,1\r\n"
        for size in Fixtures.chunkSizes {
            let export = try InvoiceExportReader.read(
                bytes: Array(text.utf8), file: "n.csv", layout: layout, chunkSize: size)
            let error = try #require(export.diagnostics.first)
            #expect(error.code == "invoice.amount")
            #expect(error.location.line == 3)
            #expect(error.location.column == 4)
            #expect(error.location.byteOffset == 23)
            #expect(error.location.element == "amt")
            #expect(export.invoices.map(\.location.line) == [4])
        }
    }

    @Test func refusesABadPatternInALayoutBuiltInCode() throws {
        let layout = try layout(
            [.invoiceNumber: ["inv"], .amount: ["amt"]],
            rules: [SkipRule(target: .anyCell, condition: .matches("(("), reason: "broken")])
        let error = try #require(throws: Diagnostic.self) {
            try InvoiceExportReader.read(bytes: Array("inv,amt\n".utf8), file: "p.csv", layout: layout)
        }
        #expect(error.code == "layout.field")
        #expect(error.message.contains("skip_rows[0].matches"))
    }
}
