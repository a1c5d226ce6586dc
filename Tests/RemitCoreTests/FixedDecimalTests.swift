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
    @Test(arguments: ["99999999999999.9999", "-99999999999999", "0.0001", "12.3400000", "+0"])
    func acceptsPlausibleAmounts(text: String) throws {
        let amount = try FixedDecimal.parseAmount(Array(text.utf8))
        #expect(amount.scale <= FixedDecimal.amountDecimals)
        #expect(amount == (try FixedDecimal.parse(text)))
    }

    @Test(arguments: [
        ("100000000000000", FixedDecimal.ParseFailure.tooManyIntegerDigits(15)),
        ("99999999999999999", .tooManyIntegerDigits(17)),
        ("-123456789012345678", .tooManyIntegerDigits(18)),
        ("0.00001", .tooManyDecimals(5)),
        ("12.3456789", .tooManyDecimals(7)),
        ("0.000000000000000001", .tooManyDecimals(18)),
        ("1234567890123456789", .tooManyDigits),
    ])
    func refusesImplausibleAmounts(text: String, failure: FixedDecimal.ParseFailure) {
        #expect(throws: failure) { try FixedDecimal.parseAmount(Array(text.utf8)) }
    }

    @Test func explainsARefusalWithTheLimit() {
        #expect(
            FixedDecimal.ParseFailure.tooManyIntegerDigits(17).description
                == "17 digits before the decimal point; a money amount has at most 14")
        #expect(FixedDecimal.ParseFailure.tooManyDecimals(7).description == "7 decimals; a money amount has at most 4")
    }

    @Test func checksValuesParsedElsewhere() throws {
        let trailingZeros = FixedDecimal(units: 123_450_000, scale: 7)
        #expect(try trailingZeros.plausibleAmount() == FixedDecimal(units: 123_450, scale: 4))
        #expect(try trailingZeros.plausibleAmount().scale == 4)
        #expect(throws: FixedDecimal.ParseFailure.tooManyIntegerDigits(15)) {
            try FixedDecimal(units: 99_999_999_999_999_999, scale: 2).plausibleAmount()
        }
    }

    @Test func anyNinePlausibleAmountsAddWithoutOverflow() throws {
        let largest = try FixedDecimal.parseAmount(Array("99999999999999.9999".utf8))
        let smallest = try FixedDecimal.parseAmount(Array("-99999999999999.9999".utf8))
        var sum = FixedDecimal.zero
        for _ in 0..<9 { sum = try sum.adding(largest) }
        #expect(sum.formatted() == "899999999999999.9991")
        #expect(try smallest.subtracting(largest).subtracting(largest).formatted() == "-299999999999999.9997")
    }
}
