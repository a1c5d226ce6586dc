import RemitCore
import RemitInvoices
import Testing

@Suite struct NumberFormatTests {
    static let us = NumberFormat(
        decimalSeparator: ".", thousandsSeparators: [","], negativeStyles: [.leadingMinus, .parentheses],
        currencySymbols: ["$", "USD"])
    static let sap = NumberFormat(
        decimalSeparator: ",", thousandsSeparators: ["."], negativeStyles: [.trailingMinus])
    static let swiss = NumberFormat(
        decimalSeparator: ".", thousandsSeparators: ["'", " ", "\u{A0}"],
        negativeStyles: [.leadingMinus, .creditSuffix])

    @Test(arguments: [
        ("1,234.56", 123_456, 2), ("(150.00)", -15_000, 2), ("-0.10", -10, 2), ("1234", 1234, 0),
        ("$1,234.56", 123_456, 2),
        ("-$5", -5, 0), ("$-5", -5, 0), ("($1,000)", -1000, 0), ("  12.5 ", 125, 1),
        ("1,234,567.891", 1_234_567_891, 3),
        ("USD 7.00", 700, 2), ("7.00 USD", 700, 2), ("+3", 3, 0), (".5", 5, 1), ("999", 999, 0),
    ])
    func readsUSStyle(text: String, units: Int64, scale: UInt8) throws {
        let value = try Self.us.parse(text)
        #expect(value.units == units)
        #expect(value.scale == scale)
    }

    @Test(arguments: [
        ("1.234,56-", -123_456, 2), ("1.234", 1234, 0), ("1,5", 15, 1), ("1.234.567,89", 123_456_789, 2),
        ("0,00-", 0, 2), ("150,00 -", -15_000, 2),
    ])
    func readsSAPStyle(text: String, units: Int64, scale: UInt8) throws {
        let value = try Self.sap.parse(text)
        #expect(value.units == units)
        #expect(value.scale == scale)
    }

    @Test(arguments: [
        ("1'234.50", 123_450, 2), ("1 234.50", 123_450, 2), ("1\u{A0}234.50", 123_450, 2), ("1'234.00 CR", -123_400, 2),
        ("12 DR", 12, 0), ("12cr", -12, 0),
    ])
    func readsSwissStyleAndCreditSuffix(text: String, units: Int64, scale: UInt8) throws {
        let value = try Self.swiss.parse(text)
        #expect(value.units == units)
        #expect(value.scale == scale)
    }

    @Test(arguments: [
        ("", "empty"), ("1.2.3", "second decimal separator"), ("1,23", "grouped in threes"),
        ("12,3456", "grouped in threes"),
        ("1e5", "unexpected 'e'"), ("--5", "unexpected '-'"), ("(5)-", "trailing '-' is not a negative style"),
        ("-(5)", "more than one negative sign"), ("+-5", "both '+' and a negative sign"), ("$", "no digits"),
        ("1234567890123456789", "more than 18 significant digits"), ("1.234,5", "after the decimal separator"),
        ("1.000,000", "after the decimal separator"), ("€5", "unexpected '€'"),
    ])
    func refusesUSStyleMistakes(text: String, reason: String) {
        #expect {
            try Self.us.parse(text)
        } throws: { error in
            (error as? NumberFormat.Failure)?.reason.contains(reason) == true
        }
    }

    @Test(arguments: [
        ("-5", "a leading '-' is not a negative style"), ("(5)", "parentheses is not a negative style"),
        ("1.23", "grouped in threes"), ("1,234.56", "thousands separator '.' after the decimal separator"),
    ])
    func refusesWhatTheSAPFormatDoesNotDeclare(text: String, reason: String) {
        #expect {
            try Self.sap.parse(text)
        } throws: { error in
            (error as? NumberFormat.Failure)?.reason.contains(reason) == true
        }
    }
}
