import RemitCore
import Testing

@Suite struct FixedDecimalTests {
    @Test(arguments: [
        ("1234.56", 123_456, 2), ("-0.10", -10, 2), ("+5", 5, 0), (".5", 5, 1), ("00012.30", 1230, 2), ("0", 0, 0),
    ])
    func parsesPlainDecimals(text: String, units: Int64, scale: UInt8) throws {
        let value = try FixedDecimal.parse(text)
        #expect(value.units == units)
        #expect(value.scale == scale)
    }

    @Test(arguments: ["", "12abc", "1.2.3", "1,234.56", " 12", "12 ", "1E3", "-", ".", "1-2", "NaN"])
    func refusesAnythingElse(text: String) {
        #expect(throws: FixedDecimal.ParseFailure.self) { try FixedDecimal.parse(text) }
    }

    @Test func refusesNineteenSignificantDigits() {
        #expect(throws: FixedDecimal.ParseFailure.tooManyDigits) { try FixedDecimal.parse("1234567890123456789") }
        #expect((try? FixedDecimal.parse("000000000000000000000001.5")) == FixedDecimal(units: 15, scale: 1))
    }

    @Test func addsAcrossScalesExactly() throws {
        let sum = try FixedDecimal.parse("0.1") + FixedDecimal.parse("0.2")
        #expect(sum == (try FixedDecimal.parse("0.30")))
        #expect(sum.formatted(minimumScale: 2) == "0.30")
        #expect((try FixedDecimal.parse("10") - FixedDecimal.parse("10.005")).formatted() == "-0.005")
    }

    @Test func equalValuesHashAlike() throws {
        let values: Set<FixedDecimal> = [try FixedDecimal.parse("1.50"), try FixedDecimal.parse("1.5")]
        #expect(values.count == 1)
    }

    @Test func reportsOverflow() {
        let big = FixedDecimal(units: .max, scale: 0)
        #expect(throws: FixedDecimal.OverflowError.self) { try big.adding(FixedDecimal(units: 1, scale: 0)) }
    }

    @Test func readsImpliedDecimals() throws {
        #expect(try FixedDecimal.parseImplied(Array("4400".utf8), impliedScale: 2).formatted() == "44.00")
        #expect(try FixedDecimal.parseImplied(Array("-5".utf8), impliedScale: 2).formatted() == "-0.05")
    }

    @Test func formatsSmallFractions() {
        #expect(FixedDecimal(units: -5, scale: 3).formatted() == "-0.005")
        #expect(FixedDecimal(units: 12, scale: 0).formatted(minimumScale: 2) == "12.00")
        #expect(Money(FixedDecimal(units: 7, scale: 0), "JPY").formattedAmount == "7")
    }
}

@Suite struct AmountRangeTests {
    @Test(arguments: ["9999999999999.9999", "-9999999999999", "0.0001", "12.3400000"])
    func acceptsPlausibleAmounts(text: String) throws {
        _ = try FixedDecimal.parseAmount(Array(text.utf8))
    }

    @Test(arguments: ["10000000000000", "0.00001", "123456789012345678"])
    func refusesImplausibleAmounts(text: String) {
        #expect(throws: FixedDecimal.ParseFailure.outOfRange) { try FixedDecimal.parseAmount(Array(text.utf8)) }
    }

    @Test func totalsOfManyHugeAmountsDoNotTrap() throws {
        let huge = Money(try FixedDecimal.parseAmount(Array("9999999999999.99".utf8)), "USD")
        var totals = MoneyTotals()
        for _ in 0..<2_000 { totals.add(huge) }
        #expect(!totals.overflowed)
        #expect(totals.amount(in: "USD").formattedAmount == "19999999999999980.00")
        for _ in 0..<20_001 { totals.add(huge) }
        #expect(totals.overflowed)
        var small = MoneyTotals([
            Money(FixedDecimal(units: 5, scale: 1), "USD"), Money(FixedDecimal(units: 25, scale: 2), "USD"),
        ])
        #expect(small.amount(in: "USD").formattedAmount == "0.75")
        small.add(Money(FixedDecimal(units: -1, scale: 4), "EUR"))
        #expect(small.currencies == ["EUR", "USD"])
        #expect(!small.overflowed)
    }
}
