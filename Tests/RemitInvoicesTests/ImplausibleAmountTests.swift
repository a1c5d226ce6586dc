import RemitCore
import RemitInvoices
import Testing

/// Amounts the hostile-input run fed the export reader: each row becomes a located error and the rest is read.
@Suite struct ImplausibleAmountTests {
    static let header = "invoice_number,customer_id,customer_name,amount,open_amount,currency\n"

    private func read(_ rows: [String]) throws -> InvoiceExport {
        let text = Self.header + rows.joined(separator: "\n") + "\n"
        return try InvoiceExportReader.read(
            bytes: Array(text.utf8), file: "hostile.csv", layout: try Fixtures.layout("generic"), chunkSize: 7)
    }

    @Test func seventeenDigitsAreARowErrorAndTheNextRowIsRead() throws {
        let export = try read([
            "INV-1,C200,Corner Grocer Co,99999999999999999,99999999999999999,USD",
            "INV-2,C200,Corner Grocer Co,1034.00,1034.00,USD",
        ])
        #expect(export.invoices.map(\.number) == ["INV-2"])
        #expect(export.rowsRejected == 1)
        let errors = export.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["invoice.amount", "invoice.amount"])
        let amount = try #require(errors.first)
        #expect(amount.location.file == "hostile.csv")
        #expect(amount.location.line == 2)
        #expect(amount.location.column == 29)
        #expect(
            amount.message
                == "amount '99999999999999999' is not a plausible money amount: 17 digits before the decimal point; "
                + "a money amount has at most 14")
        #expect(errors[1].location.column == 47)
        #expect(errors[1].message.hasPrefix("open_amount '99999999999999999' is not a plausible money amount"))
    }

    @Test(arguments: [
        ("12.3456789", "7 decimals; a money amount has at most 4"),
        ("0.000001", "6 decimals; a money amount has at most 4"),
        ("-123456789012345.5", "15 digits before the decimal point; a money amount has at most 14"),
    ])
    func falsePrecisionAndHugeAmountsAreRefused(text: String, reason: String) throws {
        let export = try read(["INV-9,C9,X,\(text),1.00,USD"])
        #expect(export.invoices.isEmpty)
        let error = try #require(export.diagnostics.first { $0.severity == .error })
        #expect(error.message == "amount '\(text)' is not a plausible money amount: \(reason)")
        #expect(error.location.line == 2 && error.location.column == 12)
    }

    @Test func theWrongTotalRowsLeaveAnExactOpenTotal() throws {
        // The hostile `wrongtotal.csv`: the 0.000001 row used to push the sum past Int64 and clamp it.
        let export = try read(["INV-1,C9,X,9999999999999.99,9999999999999.99,USD", "INV-2,C9,X,0.000001,0.000001,USD"])
        #expect(export.invoices.map(\.number) == ["INV-1"])
        let total = MoneyTotals(export.invoices.map(\.openAmount))
        #expect(!total.overflowed)
        #expect(total.values.map(\.formattedAmount) == ["9999999999999.99"])
    }

    @Test func trailingZerosBeyondFourDecimalsAreNotPrecision() throws {
        let export = try read(["INV-1,C9,X,12.50000000,12.5,USD"])
        #expect(export.diagnostics.filter { $0.severity != .note }.isEmpty)
        #expect(export.invoices.first?.amount == Money(FixedDecimal(units: 125_000, scale: 4), "USD"))
    }
}
