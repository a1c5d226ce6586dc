import Testing

@testable import RemitScenario

/// The generator: the same arguments give the same files, every truth line can be found, and the traps
/// are what they claim to be.
@Suite struct ScenarioGeneratorTests {
    static let moderate = Scenario(noise: .moderate, seed: 11, invoices: 600)

    @Test func theSameSeedGivesTheSameFilesAndAnotherSeedOthers() {
        let again = Scenario(noise: .moderate, seed: 11, invoices: 600)
        let other = Scenario(noise: .moderate, seed: 12, invoices: 600)
        #expect(again.remittances.map(\.text) == Self.moderate.remittances.map(\.text))
        #expect(again.exports.map(\.text) == Self.moderate.exports.map(\.text))
        #expect(again.truth == Self.moderate.truth)
        #expect(other.remittances.map(\.text) != Self.moderate.remittances.map(\.text))
    }

    @Test(arguments: NoiseLevel.allCases)
    func everyLineHasItsOwnPlaceAndEveryFormatIsWritten(_ noise: NoiseLevel) {
        let scenario = Scenario(noise: noise, seed: 3, invoices: 400)
        let keys = scenario.truth.map { "\($0.file):\($0.line):\($0.column)" }
        #expect(Set(keys).count == keys.count)
        let formats = Set(scenario.truth.map(\.format))
        #expect(formats == Set(RemittanceFormat.allCases.map(\.rawValue)))
        let lines = scenario.payments.reduce(0) { $0 + $1.lines.count }
        #expect(scenario.truth.count == lines)
    }

    @Test func noiseNoneLeavesOnlyTheTraps() {
        let scenario = Scenario(noise: .none, seed: 5, invoices: 400)
        for record in scenario.truth where record.trap == nil {
            #expect(record.noise.isEmpty, "\(record)")
            #expect(record.invoices.count == 1 && record.reference == record.invoices[0], "\(record)")
        }
        #expect(scenario.book.invoices.allSatisfy { !$0.isCreditMemo })
        #expect(scenario.book.receipts.isEmpty)
    }

    /// At `high`, each reference kind's share of ordinary lines is near its rate (a wide band: 1,400 lines).
    @Test func referenceNoiseComesAtItsRate() {
        let scenario = Scenario(noise: .high, seed: 9, invoices: 2_000)
        let ordinary = scenario.truth.filter { $0.trap == nil }
        for (kind, rate) in NoiseLevel.high.rates.referenceKinds {
            let count = ordinary.filter { $0.noise.contains(kind.rawValue) }.count
            let perMille = count * 1000 / ordinary.count
            #expect(perMille >= rate / 2 && perMille <= rate * 2, "\(kind): \(perMille) per mille, rate \(rate)")
        }
    }

    @Test func garbledTwinsAreOneDigitFromBothAndNobodysNumber() throws {
        let book = Self.moderate.book
        let garbled = Self.moderate.truth.filter { $0.trap == "twin-garbled" }
        try #require(!garbled.isEmpty)
        for record in garbled {
            #expect(record.invoices.isEmpty)
            let key = ScenarioBook.significant(record.reference)
            let named = book.invoices.filter { ScenarioBook.significant($0.number) == key }.map(\.number)
            #expect(named.isEmpty, "\(record.reference) is invoice \(named)")
            let twins = record.pays.compactMap { number in book.invoices.first { $0.number == number } }
            try #require(twins.count == 2)
            #expect(twins[0].amount == twins[1].amount && twins[0].customer == twins[1].customer)
            for twin in twins {
                let differing = zip(twin.number, record.reference).filter { $0 != $1 }.count
                #expect(twin.number.count == record.reference.count && differing == 1)
            }
        }
    }

    @Test func equalAmountsAndOtherCustomersTrapsHoldWhatTheyClaim() throws {
        let book = Self.moderate.book
        for record in Self.moderate.truth where record.trap == "equal-amounts" {
            let pair = record.pays.compactMap { number in book.invoices.first { $0.number == number } }
            try #require(pair.count == 2)
            #expect(pair[0].amount == pair[1].amount && pair[0].customer == pair[1].customer)
            #expect(pair[0].amount.plain == record.amount)
        }
        for record in Self.moderate.truth where record.trap == "other-customer" {
            let invoice = try #require(book.invoices.first { $0.number == record.reference })
            #expect(book.customers[invoice.customer].id != record.payerID)
        }
    }

    /// A second copy of a payment is in a later file than the first, with the same trace and lines.
    @Test func repeatedPaymentsComeAfterTheFirstCopy() throws {
        let payments = Self.moderate.payments
        let copies = payments.indices.filter { payments[$0].copyOf != nil }
        try #require(!copies.isEmpty)
        let files = Scenario.writeRemittances(payments)
        func file(of payment: Int) -> String? { files.first { $0.located.contains { $0.payment == payment } }?.name }
        for copy in copies {
            let original = try #require(payments[copy].copyOf)
            #expect(payments[copy].trace == payments[original].trace)
            #expect(payments[copy].total == payments[original].total)
            let first = try #require(file(of: original))
            let second = try #require(file(of: copy))
            #expect(first < second)
        }
    }
}
