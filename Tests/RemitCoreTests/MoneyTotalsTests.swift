import RemitCore
import Testing

@Suite struct MoneyTotalsTests {
    private static func usd(_ text: String) -> Money { Money(try! FixedDecimal.parse(text), "USD") }

    @Test func manyLargeAmountsStayExact() throws {
        let huge = Money(try FixedDecimal.parseAmount(Array("99999999999999.99".utf8)), "USD")
        var totals = MoneyTotals()
        for _ in 0..<2_000 { totals.add(huge) }
        #expect(!totals.overflowed)
        #expect(totals.amount(in: "USD")?.amount == FixedDecimal(units: 199_999_999_999_999_980, scale: 0))
    }

    @Test func aSumThatDoesNotFitIsReportedNotClamped() throws {
        // 9 999 999 999 999.99 + 0.000001 needs 19 digits at scale 6: the hostile `wrongtotal.csv` sum.
        var totals = MoneyTotals([Self.usd("9999999999999.99"), Self.usd("0.000001")])
        totals.add(Money(FixedDecimal(units: 5, scale: 0), "EUR"))
        #expect(totals.overflowed)
        #expect(totals.overflowedCurrencies == ["USD"])
        #expect(totals.amount(in: "USD") == nil)
        #expect(totals.values == [Money(FixedDecimal(units: 5, scale: 0), "EUR")])
        #expect(totals.currencies == ["EUR", "USD"])
    }

    @Test func anOverflowedSumStaysOverflowedWhenCombined() {
        let max = Money(FixedDecimal(units: .max, scale: 18), "USD")
        var totals = MoneyTotals()
        // 10^20 × Int64.max no longer fits 128 bits either: the accumulator overflows and says so.
        for _ in 0..<40 { totals.add(Money(FixedDecimal(units: .max, scale: 0), "USD")) }
        totals.add(max)
        #expect(totals.overflowed)
        var combined = MoneyTotals([Self.usd("1")])
        combined.add(totals)
        #expect(combined.overflowedCurrencies == ["USD"])
        var difference = MoneyTotals([Self.usd("1")])
        difference.subtract(totals)
        #expect(difference.amount(in: "USD") == nil)
    }

    @Test func subtractsExactlyAcrossScales() {
        var totals = MoneyTotals([Self.usd("10.5"), Money(FixedDecimal(units: -1, scale: 4), "EUR")])
        totals.subtract(MoneyTotals([Self.usd("0.25"), Self.usd("10.25")]))
        #expect(totals.amount(in: "USD")?.amount.isZero == true)
        #expect(totals.amount(in: "EUR")?.formattedAmount == "-0.0001")
        #expect(totals.amount(in: "JPY")?.isZero == true)
        #expect(!totals.overflowed)
    }
}
