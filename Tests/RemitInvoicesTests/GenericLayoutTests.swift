import RemitCore
import RemitInvoices
import Testing

@Suite struct GenericLayoutTests {
    @Test func readsEveryInvoiceWithExactValues() throws {
        let export = try Fixtures.read("generic.csv", layout: "generic")
        #expect(export.layoutName == "generic")
        #expect(export.headerLine == 1)
        #expect(export.rowsRead == 7)
        #expect(export.rowsRejected == 0)
        #expect(export.skipped == [SkipCount(reason: "blank row", count: 1), SkipCount(reason: "total row", count: 1)])
        #expect(export.diagnostics.isEmpty)
        #expect(export.invoices.map(\.number) == ["INV-1001", "INV-1002", "INV-1003", "CM-2001", "0001005"])
        #expect(export.invoices.map(\.normalizedNumber) == ["1001", "1002", "1003", "CM2001", "1005"])

        let first = export.invoices[0]
        #expect(first.customerID == "C001")
        #expect(first.customerName == "Acme Foods")
        #expect(first.purchaseOrder == "PO-5501")
        #expect(first.invoiceDate == Fixtures.date("2026-01-15"))
        #expect(first.dueDate == Fixtures.date("2026-02-14"))
        #expect(first.amount == Money(FixedDecimal(units: 125_000, scale: 2), "USD"))
        #expect(first.openAmount == first.amount)
        #expect(first.terms == "Net 30")
        // After the 3-byte byte order mark and the 106-byte header line with its CRLF.
        #expect(
            first.location
                == SourceLocation(
                    file: Fixtures.path("generic.csv"), line: 2, column: 1, byteOffset: 111, segmentIndex: 2,
                    indexUnit: .row))

        let second = export.invoices[1]
        #expect(second.amount.amount == Fixtures.amount("2400.50"))
        #expect(second.openAmount.amount == Fixtures.amount("400.50"))

        let third = export.invoices[2]
        #expect(third.customerName == "Bolt & Sons, Inc.")
        #expect(third.purchaseOrder == nil)
        #expect(third.amount == Money(Fixtures.amount("980.10"), "USD"), "empty currency cell takes the default")

        let credit = export.invoices[3]
        #expect(credit.amount.amount == Fixtures.amount("-150.00"), "parentheses mean negative")
        #expect(credit.openAmount.amount == Fixtures.amount("-150.00"))
        #expect(credit.dueDate == nil)
        #expect(credit.terms == nil)

        let last = export.invoices[4]
        #expect(last.customerName == "The \"Corner\" Shop")
        #expect(last.amount == Money(FixedDecimal(units: 5000, scale: 0), "CAD"), "currency is upper-cased")
        #expect(last.terms == "Net 30\r\nsee contract")
        #expect(last.location.line == 6)
    }

    @Test func reportsEachBadRowAtItsCellAndKeepsGoing() throws {
        let export = try Fixtures.read("generic-bad-rows.csv", layout: "generic")
        #expect(export.invoices.map(\.number) == ["A-1", "A-1", "1.23457E+11", "A-8"])
        #expect(export.invoices[3].amount.amount == Fixtures.amount("1234.5"))
        #expect(export.rowsRead == 13)
        #expect(export.rowsRejected == 9)
        #expect(export.rowsSkipped == 0)

        let found = export.diagnostics.filter { $0.severity != .note }.map {
            Found(
                code: $0.code, line: $0.location.line, column: $0.location.column, offset: $0.location.byteOffset,
                element: $0.location.element)
        }
        #expect(
            found == [
                Found(code: "invoice.amount", line: 3, column: 8, offset: 91, element: "amount"),
                Found(code: "invoice.date", line: 4, column: 13, offset: 125, element: "invoice_date"),
                Found(code: "invoice.number-missing", line: 5, column: 1, offset: 140, element: "invoice_number"),
                Found(code: "invoice.columns", line: 6, column: 8, offset: 171, element: nil),
                Found(code: "invoice.columns", line: 7, column: 28, offset: 203, element: nil),
                Found(code: "csv.quote-in-field", line: 8, column: 3, offset: 211, element: nil),
                Found(code: "invoice.currency", line: 9, column: 23, offset: 259, element: "currency"),
                Found(code: "invoice.duplicate", line: 10, column: 1, offset: 264, element: "invoice_number"),
                Found(code: "invoice.amount", line: 11, column: 8, offset: 298, element: "amount"),
                Found(code: "invoice.date", line: 11, column: 10, offset: 300, element: "invoice_date"),
                Found(code: "invoice.number-mangled", line: 12, column: 1, offset: 308, element: "invoice_number"),
                Found(code: "invoice.amount", line: 14, column: 8, offset: 382, element: "amount"),
            ])
        let amount = try #require(export.diagnostics.first { $0.code == "invoice.amount" })
        #expect(amount.message.contains("'12.3.4'"))
        #expect(amount.message.contains("second decimal separator"))
        #expect(amount.description.hasPrefix(Fixtures.path("generic-bad-rows.csv") + ":3:8: error: amount '12.3.4'"))
        let date = try #require(export.diagnostics.first { $0.code == "invoice.date" })
        #expect(date.message == "invoice_date '2026-13-01' is not a date written yyyy-MM-dd")
        let duplicate = try #require(export.diagnostics.first { $0.code == "invoice.duplicate" })
        #expect(duplicate.severity == .warning)
        #expect(duplicate.message.contains("line 2"))
        let notes = export.diagnostics.filter { $0.severity == .note }.map(\.message)
        #expect(notes.count == 5)
        #expect(notes.first?.hasPrefix("no column for customer_name") == true)
    }

    @Test func namesTheMissingColumnAndTheSpellingsLookedFor() throws {
        let layout = try Fixtures.layout("generic")
        let bytes = Array("number,customer_id,amount\nA1,C1,5\n".utf8)
        let error = try #require(throws: Diagnostic.self) {
            try InvoiceExportReader.read(bytes: bytes, file: "x.csv", layout: layout)
        }
        #expect(error.code == "invoice.header")
        #expect(error.location.line == 1)
        #expect(error.message.contains("invoice_number (looked for \"invoice_number\", \"invoice number\""))
        #expect(error.message.contains("\"number\", \"customer_id\", \"amount\""))
        #expect(error.hint?.contains("skip_lines") == true)
    }

    @Test func refusesAFileWithoutHeaderAndAUTF16File() throws {
        let layout = try Fixtures.layout("generic")
        let empty = try #require(throws: Diagnostic.self) {
            try InvoiceExportReader.read(bytes: [], file: "empty.csv", layout: layout)
        }
        #expect(empty.code == "invoice.no-header")
        let utf16 = try #require(throws: Diagnostic.self) {
            try InvoiceExportReader.read(bytes: [0xFF, 0xFE, 0x61, 0x00], file: "u.csv", layout: layout)
        }
        #expect(utf16.code == "invoice.encoding")
    }

    @Test func reportsAnUnreadableFileAsASystemCallError() throws {
        let layout = try Fixtures.layout("generic")
        #expect(throws: SystemCallError.self) {
            try InvoiceExportReader.read(path: Fixtures.path("does-not-exist.csv"), layout: layout)
        }
    }
}

struct Found: Hashable, CustomStringConvertible {
    var code: String
    var line: Int
    var column: Int
    var offset: Int64
    var element: String?

    var description: String { "\(code)@\(line):\(column)+\(offset)[\(element ?? "-")]" }
}
