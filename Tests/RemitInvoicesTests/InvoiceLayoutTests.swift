import Foundation
import RemitCore
import RemitInvoices
import Testing

@Suite struct InvoiceLayoutTests {
    private static let minimalColumns = #""columns": {"invoice_number": "Invoice", "amount": ["Amount", "Total"]}"#

    @Test func shipsFiveLayoutsThatAllLoad() throws {
        let names = InvoiceLayout.availableNames(mappingsDirectory: Fixtures.mappings)
        #expect(names == ["generic", "netsuite", "oracle-receivables", "quickbooks-aging", "sap-fbl5n"])
        for name in names {
            let layout = try Fixtures.layout(name)
            #expect(layout.name == name)
            #expect(layout.source == Fixtures.mappings + "/layouts/\(name).json")
            #expect(!layout.summary.isEmpty)
        }
    }

    @Test func readsEveryFieldOfALayout() throws {
        let layout = try Fixtures.layout("sap-fbl5n")
        #expect(layout.separator == UInt8(ascii: ";"))
        #expect(layout.encoding == .utf8)
        #expect(layout.skipLines == 0)
        #expect(layout.columns[.invoiceNumber]?.first == "Reference")
        #expect(layout.columns[.openAmount] == nil)
        #expect(layout.requiredFields == [.invoiceNumber, .amount])
        #expect(layout.defaultCurrency == nil)
        #expect(
            layout.numbers
                == NumberFormat(
                    decimalSeparator: ",", thousandsSeparators: ["."], negativeStyles: [.trailingMinus, .leadingMinus]))
        #expect(layout.dateFormats.map(\.pattern) == ["dd.MM.yyyy"])
        #expect(
            layout.skipRules == [
                SkipRule(
                    target: .header(["Document Number", "Belegnummer", "BELNR"]), condition: .isEmpty,
                    reason: "total or separator line")
            ])
        let oracle = try Fixtures.layout("oracle-receivables")
        #expect(oracle.separator == UInt8(ascii: "\t"))
        #expect(oracle.requiredFields == [.invoiceNumber, .amount, .openAmount])
    }

    @Test func fillsDefaultsForAMinimalLayout() throws {
        let layout = try InvoiceLayout.parse(
            json: Array("{\(Self.minimalColumns), \"default_currency\": \"EUR\"}".utf8), source: "dir/minimal.json")
        #expect(layout.name == "minimal")
        #expect(layout.separator == UInt8(ascii: ","))
        #expect(layout.numbers == NumberFormat())
        #expect(layout.dateFormats.map(\.pattern) == ["yyyy-MM-dd"])
        #expect(layout.columns[.amount] == ["Amount", "Total"])
        #expect(layout.skipRules.isEmpty)
        let rule = try InvoiceLayout.parse(
            json: Array(#"{\#(Self.minimalColumns), "default_currency": "EUR", "skip_rows": [{"matches": "x"}]}"#.utf8),
            source: "r.json")
        #expect(rule.skipRules.first?.reason == "a cell matches /x/")
    }

    /// Each case: the JSON after the columns, the field the error must name, and a fragment of its message.
    @Test(arguments: [
        (#""default_currency": "USD", "numbers": {"decimal_separator": ";"}"#, "numbers.decimal_separator", "must be"),
        (#""default_currency": "USD", "skipLines": 2"#, "skipLines", "unknown field"),
        (#""default_currency": "USD", "skip_lines": "two""#, "skip_lines", "whole number"),
        (#""default_currency": "USD", "skip_lines": -1"#, "skip_lines", "whole number"),
        (#""default_currency": "USD", "dates": ["YYYY-MM-dd"]"#, "dates", "'YYYY'"),
        (#""default_currency": "USD", "dates": ["yyyy-MM-dd", "dd.MM"]"#, "dates[1]", "exactly one"),
        (#""default_currency": "USD", "skip_rows": [{"matches": "("}]"#, "skip_rows[0].matches", "regular expression"),
        (
            #""default_currency": "USD", "skip_rows": [{"matches": "x"}, {"field": "amt", "empty": true}]"#,
            "skip_rows[1].field", "unknown field 'amt'"
        ),
        (
            #""default_currency": "USD", "skip_rows": [{"field": "terms", "empty": true}]"#, "skip_rows[0].field",
            "no header spellings"
        ),
        (#""default_currency": "USD", "skip_rows": [{"empty": true}]"#, "skip_rows[0].empty", "needs a field"),
        (#""default_currency": "USD", "skip_rows": [{"field": "amount"}]"#, "skip_rows[0].matches", "needs matches"),
        (
            #""default_currency": "USD", "skip_rows": [{"matches": "x", "colour": "red"}]"#, "skip_rows[0].colour",
            "unknown field"
        ),
        (#""default_currency": "USD", "skip_rows": {"matches": "x"}"#, "skip_rows", "list of rules"),
        (
            #""default_currency": "USD", "numbers": {"decimal_separator": ",", "thousands_separator": ","}"#,
            "numbers.thousands_separator", "cannot separate thousands"
        ),
        (
            #""default_currency": "USD", "numbers": {"negative": ["minus"]}"#, "numbers.negative",
            "unknown style 'minus'"
        ),
        (#""default_currency": "USD", "numbers": {"currency_symbols": ["US$1"]}"#, "numbers.currency_symbols", "digit"),
        (#""default_currency": "usd""#, "default_currency", "ISO 4217"),
        (#""separator": "ab""#, "default_currency", "is required when columns has no currency"),
        (#""default_currency": "USD", "separator": "ab""#, "separator", "one ASCII character"),
        (#""default_currency": "USD", "separator": "\"""#, "separator", "one ASCII character"),
        (#""default_currency": "USD", "encoding": "utf-16""#, "encoding", "unknown encoding 'utf-16'"),
        (#""default_currency": "USD", "required_columns": ["terms"]"#, "required_columns", "no header spellings"),
        (#""default_currency": "USD", "required_columns": ["colour"]"#, "required_columns", "unknown field 'colour'"),
        (#""default_currency": "USD", "name": 5"#, "name", "expected a text"),
    ])
    func refusesABadField(rest: String, field: String, fragment: String) throws {
        let json = "{\(Self.minimalColumns), \(rest)}"
        let error = try #require(throws: Diagnostic.self) {
            try InvoiceLayout.parse(json: Array(json.utf8), source: "layouts/x.json")
        }
        #expect(error.code == "layout.field")
        #expect(error.location.file == "layouts/x.json")
        #expect(error.location.element == field)
        #expect(error.message.hasPrefix("layout field '\(field)': "))
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test(arguments: [
        (#"{"default_currency": "USD"}"#, "columns", "is required"),
        (#"{"columns": {"invoice_number": "Invoice"}, "default_currency": "USD"}"#, "columns", "amount"),
        (
            #"{"columns": {"invoice_number": "Inv", "amount": "Amt", "total": "T"}, "default_currency": "USD"}"#,
            "columns.total", "unknown field"
        ),
        (
            #"{"columns": {"invoice_number": "Inv", "amount": 5}, "default_currency": "USD"}"#, "columns.amount",
            "list of texts"
        ),
        (
            #"{"columns": {"invoice_number": "Inv", "amount": []}, "default_currency": "USD"}"#, "columns.amount",
            "empty"
        ),
        (
            #"{"columns": {"invoice_number": "Inv", "amount": "Amount", "open_amount": " amount "}, "#
                + #""default_currency": "USD"}"#,
            "columns.open_amount", "also listed for amount"
        ),
        (#"{"columns": ["invoice_number"], "default_currency": "USD"}"#, "columns", "expected an object"),
    ])
    func refusesBadColumns(json: String, field: String, fragment: String) throws {
        let error = try #require(throws: Diagnostic.self) {
            try InvoiceLayout.parse(json: Array(json.utf8), source: "c.json")
        }
        #expect(error.location.element == field)
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test func theExampleInTheDocsIsAValidLayout() throws {
        let document = try String(contentsOfFile: Fixtures.root + "/docs/invoice-layouts.md", encoding: .utf8)
        let start = try #require(document.range(of: "```json\n"))
        let end = try #require(document.range(of: "```", range: start.upperBound..<document.endIndex))
        let json = String(document[start.upperBound..<end.lowerBound])
        let layout = try InvoiceLayout.parse(json: Array(json.utf8), source: "docs/invoice-layouts.md")
        #expect(layout.name == "acme-sap")
        #expect(layout.encoding == .windows1252)
        #expect(layout.requiredFields == [.invoiceNumber, .amount, .dueDate])
        #expect(layout.skipRules.map(\.reason) == ["total or separator line", "total row"])
    }

    @Test func refusesTextThatIsNotJSON() throws {
        let error = try #require(throws: Diagnostic.self) {
            try InvoiceLayout.parse(json: Array("{\"columns\": ".utf8), source: "broken.json")
        }
        #expect(error.code == "layout.json")
        #expect(
            error.description.hasPrefix("broken.json: error: layout file is not valid JSON: Unexpected end of file"))
    }

    @Test func namesTheFileAndFieldWhenLoadingFromDisk() throws {
        let path = Fixtures.path("layouts/bad-decimal.json")
        let error = try #require(throws: Diagnostic.self) { try InvoiceLayout.load(path: path) }
        #expect(error.location.file == path)
        #expect(
            error.description.hasPrefix(
                path + ": error: layout field 'numbers.decimal_separator': must be \".\" or \",\", got ';'"))
        let missing = try #require(throws: Diagnostic.self) {
            try InvoiceLayout.load(path: Fixtures.path("layouts/none.json"))
        }
        #expect(missing.code == "layout.read")
        #expect(missing.message.contains("No such file"))
    }

    @Test func resolvesANameOrAPath() throws {
        let byName = try InvoiceLayout.resolve(nameOrPath: "netsuite", mappingsDirectory: Fixtures.mappings)
        #expect(byName.name == "netsuite")
        let byPath = try InvoiceLayout.resolve(
            nameOrPath: Fixtures.mappings + "/layouts/generic.json", mappingsDirectory: "/nonexistent")
        #expect(byPath.name == "generic")
        let unknown = try #require(throws: Diagnostic.self) {
            try InvoiceLayout.resolve(nameOrPath: "sap", mappingsDirectory: Fixtures.mappings)
        }
        #expect(unknown.code == "layout.unknown")
        #expect(unknown.message.contains("no invoice layout named 'sap'"))
        #expect(unknown.hint?.contains("generic, netsuite, oracle-receivables, quickbooks-aging, sap-fbl5n") == true)
    }
}
