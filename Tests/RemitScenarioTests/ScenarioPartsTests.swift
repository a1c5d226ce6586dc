import Testing

@testable import RemitScenario

/// The small parts: days, amounts as each export writes them, reference garbling, name variants.
@Suite struct ScenarioPartsTests {
    @Test func daysConvertBothWays() {
        let day = ScenarioDay(year: 2026, month: 2, day: 28)
        #expect(day.adding(days: 1).iso == "2026-03-01")
        #expect(ScenarioDay(year: 2028, month: 2, day: 28).adding(days: 1).iso == "2028-02-29")
        #expect(ScenarioDay(year: 1970, month: 1, day: 1).number == 0)
        #expect(day.oracle == "28-FEB-2026" && day.dotted == "28.02.2026" && day.americanShort == "2/28/2026")
        #expect(day.compact == "20260228" && day.short == "260228" && day.american == "02/28/2026")
    }

    @Test func amountsInEachExportsForm() {
        let amount = Cents(123_456_789)
        #expect(amount.plain == "1234567.89")
        #expect(amount.european == "1.234.567,89" && Cents(-5_000).european == "50,00-")
        #expect(amount.dollars == "$1,234,567.89" && Cents(-45_000).dollars == "($450.00)")
        #expect(Cents(-7_550).parenthesized == "(75.50)" && Cents(-12_500).groupedWithLeadingMinus == "-125.00")
        #expect(Cents(5).plain == "0.05" && Cents(-5).plain == "-0.05")
    }

    @Test func garblingChangesTheNumberAsDocumented() {
        var random = ScenarioRandom(seed: 1)
        for _ in 0..<200 {
            let transposed = ReferenceGarbling.transpose("0041027", random: &random)
            let significant = ScenarioBook.significant(transposed)
            #expect(significant.sorted() == "41027".sorted() && significant != "41027", "\(transposed)")
            let dropped = ReferenceGarbling.dropZeros("0041027", random: &random)
            #expect(dropped == "41027" || dropped == "4127", "\(dropped)")
            let prefixed = ReferenceGarbling.addPrefix("0041027", random: &random)
            #expect(prefixed.hasSuffix("41027") && ReferenceGarbling.prefixes.contains { prefixed.hasPrefix($0) })
        }
    }

    @Test func payerVariantsDifferFromTheExportName() {
        var random = ScenarioRandom(seed: 2)
        for variant in PayerVariant.allCases {
            let name = variant.apply(to: "Harbor Natural Foods Inc", random: &random)
            #expect(name != "Harbor Natural Foods Inc", "\(variant)")
        }
        #expect(PayerVariant.truncated.apply(to: "Mountain View Pet Supply LLC", random: &random) == "MOUNTAIN VIEW PE")
        #expect(PayerVariant.punctuation.apply(to: "Harbor Foods Inc", random: &random) == "Harbor Foods, Inc.")
        #expect(PayerVariant.abbreviated.apply(to: "Harbor Foods Inc", random: &random) == "Harbor Fds Inc")
    }
}
