import RemitCore
import RemitInvoices
import Testing

/// One small export per shipped ERP layout, with every invoice value checked exactly.
@Suite struct ERPLayoutTests {
    private func amount(_ text: String) -> FixedDecimal { Fixtures.amount(text) }
    private func date(_ text: String) -> CalendarDate? { Fixtures.date(text) }

    @Test func sapWithEnglishHeaders() throws {
        let export = try Fixtures.read("sap-fbl5n-en.csv", layout: "sap-fbl5n")
        #expect(export.diagnostics.filter { $0.severity != .note }.isEmpty)
        #expect(export.rowsRead == 5)
        #expect(export.skipped == [SkipCount(reason: "total or separator line", count: 1)])
        #expect(export.invoices.map(\.number) == ["90001234", "90001235", "CM-77", "90001240"])

        let first = export.invoices[0]
        #expect(first.customerID == "100234")
        #expect(first.purchaseOrder == "4500012345")
        #expect(first.invoiceDate == date("2026-01-15"))
        #expect(first.dueDate == date("2026-02-14"))
        #expect(first.amount == Money(amount("12345.67"), "EUR"))
        #expect(first.openAmount == first.amount)
        #expect(first.terms == "ZB30")
        #expect(first.customerName == nil)

        #expect(export.invoices[1].amount == Money(amount("980.00"), "EUR"))
        #expect(export.invoices[2].amount == Money(amount("-150.00"), "EUR"), "trailing minus")
        #expect(export.invoices[2].purchaseOrder == nil)
        #expect(export.invoices[3].amount == Money(amount("1000000.00"), "CHF"))
        #expect(export.invoices[3].location.line == 5)
    }

    @Test func sapWithGermanHeadersReportsAnItemWithoutReference() throws {
        let export = try Fixtures.read("sap-fbl5n-de.csv", layout: "sap-fbl5n")
        #expect(export.invoices.count == 1)
        let invoice = try #require(export.invoices.first)
        #expect(invoice.number == "0090001234")
        #expect(invoice.normalizedNumber == "90001234")
        #expect(invoice.customerID == "0000100234", "leading zeros are kept")
        #expect(invoice.dueDate == date("2026-02-14"))
        #expect(invoice.amount == Money(amount("12345.67"), "EUR"))
        #expect(export.rowsRejected == 1)
        #expect(export.rowsSkipped == 1)
        let errors = export.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["invoice.number-missing"])
        #expect(errors.first?.location.line == 3)
        #expect(errors.first?.location.column == 24)
        #expect(errors.first?.location.element == "Referenz")
    }

    @Test func netsuite() throws {
        let export = try Fixtures.read("netsuite.csv", layout: "netsuite")
        #expect(export.diagnostics.filter { $0.severity != .note }.isEmpty)
        #expect(export.rowsRead == 6)
        #expect(
            export.skipped == [
                SkipCount(reason: "not an invoice (payment, deposit or journal)", count: 1),
                SkipCount(reason: "total row", count: 1),
            ])
        #expect(export.invoices.map(\.number) == ["INV10442", "INV10450", "CM1007", "INV10477"])
        let first = export.invoices[0]
        #expect(first.customerName == "Northwind Grocers")
        #expect(first.purchaseOrder == "PO-88123")
        #expect(first.invoiceDate == date("2026-01-05"))
        #expect(first.dueDate == date("2026-02-04"))
        #expect(first.amount == Money(amount("12500.00"), "USD"))
        #expect(first.terms == "Net 30")
        let second = export.invoices[1]
        #expect(second.invoiceDate == date("2026-01-12"), "two-digit month and day also read")
        #expect(second.amount.amount == amount("3210.75"))
        #expect(second.openAmount.amount == amount("1210.75"))
        let credit = export.invoices[2]
        #expect(credit.amount == Money(amount("-450.00"), "USD"))
        #expect(credit.purchaseOrder == nil)
        #expect(credit.dueDate == nil)
        #expect(export.invoices[3].amount == Money(amount("8000.00"), "EUR"))
    }

    @Test func aCustomerOrPONamedTotalIsStillAnInvoice() throws {
        // Total rules apply only where the invoice number is empty, as on a real total row.
        let netsuite = try Fixtures.read("netsuite-total-customer.csv", layout: "netsuite")
        #expect(netsuite.invoices.map(\.number) == ["INV-300001", "INV10442"])
        #expect(netsuite.invoices.first?.customerName == "Total Wine & More")
        #expect(netsuite.skipped == [SkipCount(reason: "total row", count: 1)])
        let oracle = try Fixtures.read("oracle-total-customer.tsv", layout: "oracle-receivables")
        #expect(oracle.invoices.map(\.number) == ["7001"])
        #expect(oracle.skipped == [SkipCount(reason: "total row", count: 1)])
    }

    @Test func quickBooksAging() throws {
        let export = try Fixtures.read("quickbooks-aging.csv", layout: "quickbooks-aging")
        #expect(export.diagnostics.filter { $0.severity != .note }.isEmpty)
        #expect(export.recordsBeforeHeader == 4)
        #expect(export.headerLine == 5)
        #expect(export.rowsRead == 14)
        #expect(export.rowsRejected == 0)
        #expect(
            export.skipped == [
                SkipCount(reason: "group heading or footer", count: 3), SkipCount(reason: "total row", count: 3),
                SkipCount(reason: "blank row", count: 4), SkipCount(reason: "payment", count: 1),
            ])
        #expect(export.invoices.map(\.number) == ["1045", "1038", "1041"])
        let first = export.invoices[0]
        #expect(first.customerName == "Harbor Cafe")
        #expect(first.invoiceDate == date("2026-03-15"))
        #expect(first.dueDate == date("2026-04-14"))
        #expect(first.amount == Money(amount("1200.00"), "USD"))
        #expect(first.location.line == 7)
        #expect(export.invoices[1].amount.amount == amount("2450.00"))
        #expect(export.invoices[1].openAmount.amount == amount("450.00"))
        #expect(export.invoices[2].amount == Money(amount("-75.50"), "USD"), "parentheses")
        #expect(export.invoices[2].openAmount == Money(amount("-75.50"), "USD"))
    }

    @Test func oracleReceivables() throws {
        let export = try Fixtures.read("oracle-receivables.tsv", layout: "oracle-receivables")
        #expect(export.diagnostics.filter { $0.severity != .note }.isEmpty)
        #expect(export.rowsRead == 6)
        #expect(
            export.skipped == [
                SkipCount(reason: "receipt (class PMT)", count: 1), SkipCount(reason: "total row", count: 1),
            ])
        #expect(export.invoices.map(\.number) == ["100234", "100241", "CB-5501", "100300"])
        let first = export.invoices[0]
        #expect(first.customerID == "C-10001")
        #expect(first.customerName == "Contoso Markets")
        #expect(first.invoiceDate == date("2026-01-05"))
        #expect(first.dueDate == date("2026-02-04"))
        #expect(first.amount == Money(amount("15000.00"), "USD"))
        #expect(first.terms == "30 NET")
        let second = export.invoices[1]
        #expect(second.invoiceDate == date("2026-01-12"), "two-digit year, mixed-case month")
        #expect(second.amount.amount == amount("2345.60"))
        #expect(second.openAmount.amount == amount("345.60"))
        #expect(export.invoices[2].amount == Money(amount("-125.00"), "USD"))
        #expect(export.invoices[3].amount == Money(amount("410.00"), "CAD"))
        #expect(export.invoices[3].terms == "30 NET")
    }
}
