import RemitCore
import Testing

@testable import RemitMatch

/// The structures and shortcuts that make matching a million lines fast must answer exactly what the plain
/// versions answer.
@Suite struct FastPathTests {
    /// A no-break space: neither letter nor digit, but whitespace; appended, it sends ASCII text down the
    /// Unicode path without changing the answer.
    static let unicodeSpace = "\u{00A0}"

    static let names = [
        "Big-Mart Stores, Inc.", "The Harbor Foods, Ltd", "o'Neil & Sons Co.", "Inc.", "", "  ", "A.B.C. Trading",
        "Corner Grocer Co", "x\ty\r\nz", "INV-12/3 PAYMENT FOR 000123456 AND 7890", "ref:inv500113/po7793 x",
        "12 345 6789", "-/-", "a//b", "\u{0B}K12\u{0C}",
    ]

    @Test(arguments: names)
    func comparableNamesAgree(_ name: String) {
        #expect(CustomerKey.comparableName(name) == CustomerKey.comparableName(name + Self.unicodeSpace))
    }

    @Test(arguments: names)
    func trimmedTextAgrees(_ text: String) {
        #expect(text.trimmingSpaces() == (text + Self.unicodeSpace).trimmingSpaces())
    }

    @Test(arguments: names)
    func freeTextTokensAgree(_ text: String) {
        #expect(FreeText.tokens(text) == FreeText.tokens(text + Self.unicodeSpace))
    }

    /// Every pair of texts of up to three characters over a small alphabet: the byte path and the scalar path
    /// (forced by a common non-ASCII suffix, which keeps the edit distance) agree, and agree with the
    /// definition (Levenshtein distance 1, or two neighbours swapped).
    @Test func oneEditAgreesWithTheDefinition() {
        var texts = [""]
        var all: [String] = [""]
        for _ in 0..<3 {
            texts = texts.flatMap { text in ["1", "2", "A"].map { text + $0 } }
            all += texts
        }
        var pairs = 0
        for a in all {
            for b in all {
                let expected = EditDistance.levenshtein(a, b) == 1 || Self.neighboursSwapped(Array(a), Array(b))
                #expect(EditDistance.isOneEdit(a, b) == expected, "\(a) \(b)")
                #expect(EditDistance.isOneEdit(a + "é", b + "é") == expected, "\(a) \(b)")
                pairs += 1
            }
        }
        #expect(pairs == 40 * 40)
    }

    /// Whether the texts differ only in two neighbouring characters, swapped.
    static func neighboursSwapped(_ x: [Character], _ y: [Character]) -> Bool {
        guard x.count == y.count else { return false }
        let differing = x.indices.filter { x[$0] != y[$0] }
        guard differing.count == 2, differing[1] == differing[0] + 1 else { return false }
        return x[differing[0]] == y[differing[1]] && x[differing[1]] == y[differing[0]]
    }

    @Test func similarityWithAThresholdKeepsWhatReachesIt() {
        let names = ["CORNERGROCER", "CORNERGROCERS", "CORNERGR", "HARBORFOODS", "C", "", "CORNERGROCERSUPPLY"]
        for a in names {
            for b in names {
                for threshold in [0, 50, 85, 92, 100] {
                    let full = EditDistance.similarity(a, b)
                    let expected = full >= threshold ? full : nil
                    #expect(EditDistance.similarity(a, b, atLeast: threshold) == expected, "\(a) \(b) \(threshold)")
                }
            }
        }
    }

    /// Random keys, many repeated: every key's members, in order, as a dictionary of arrays gives them.
    @Test func keyIndexFindsWhatADictionaryFinds() {
        var seed: UInt64 = 11
        var builder = KeyIndex.Builder(expectedEntries: 10)
        var expected: [String: [Int]] = [:]
        for member in 0..<5_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = member % 7 == 0 ? "" : String(repeating: "K", count: Int(seed >> 61)) + String(seed % 1_500)
            builder.add(key, member)
            expected[key, default: []].append(member)
        }
        let index = builder.finish()
        for (key, members) in expected { #expect(index.indices(of: key) == members, "\(key)") }
        #expect(index.indices(of: "absent").isEmpty)
        #expect(KeyIndex().indices(of: "").isEmpty)
    }

    @Test func idMapAnswersAsADictionaryDoes() {
        var map = IDMap<[Int]>()
        var plain: [String: [Int]] = [:]
        for step in 0..<3_000 {
            let key = "f00d:line:\(step * 7 % 1_001)"
            map[key, default: []].append(step)
            plain[key, default: []].append(step)
            if step % 5 == 0 { map["f00d:pay:\(step)"] = [step] }
            if step % 5 == 0 { plain["f00d:pay:\(step)"] = [step] }
        }
        for step in 0..<4_000 {
            for key in ["f00d:line:\(step)", "f00d:pay:\(step)"] {
                #expect(map[key] == plain[key])
                #expect(map.contains(key, hash: IDMap<[Int]>.hash(key)) == (plain[key] != nil))
            }
        }
        #expect(map.allValues.reduce(0) { $0 + $1.count } == plain.values.reduce(0) { $0 + $1.count })
    }

    @Test func decisionsReadLikeOptionalSlots() {
        let line = Make.line(1, "100", paid: "1.00")
        let match = LineMatch(
            line: line, invoice: nil, outcome: .unmatched, rule: "none", score: 0, evidence: [], openBefore: nil,
            applied: Make.money("0"), discountTaken: nil, statedDeductions: Make.money("0"),
            unexplained: Make.money("0"), unapplied: Make.money("1.00"), openAfter: nil)
        var other = match
        other.rule = "other"
        var decisions = Decisions(count: 2, placeholder: match)
        #expect(decisions[0] == nil && !decisions.hasDecision(1))
        decisions[1] = other
        #expect(decisions[1] == other && decisions.hasDecision(1) && decisions[0] == nil)
        decisions[1]?.evidence.append(Evidence("duplicate_deduction", "x"))
        #expect(decisions[1]?.evidence == [Evidence("duplicate_deduction", "x")])
        decisions[0] = match
        #expect(decisions.all.map(\.rule) == ["none", "other"])
    }

    /// A decision keeps each money column as given, in whatever currency, and compares by value.
    @Test func moneyColumnsReadBackAsGiven() {
        let line = Make.line(1, "100", paid: "10.00")
        func make(_ discount: Money?, applied: Money = Make.money("10.00")) -> LineMatch {
            LineMatch(
                line: line, invoice: Make.invoice("100", open: "10.00"), outcome: .paidInFull, rule: "exact-reference",
                score: 100, evidence: [], openBefore: Make.money("10.00"), applied: applied, discountTaken: discount,
                statedDeductions: Make.money("0"), unexplained: Make.money("0.000"),
                unapplied: Make.money("0", "EUR"), openAfter: nil, writtenOff: Make.money("0.5", "JPY"))
        }
        var match = make(Make.money("0.20", "CHF"))
        #expect(match.discountTaken == Make.money("0.20", "CHF") && match.unapplied.currency == "EUR")
        #expect(match.writtenOff == Make.money("0.50", "JPY") && match.openAfter == nil)
        #expect(match.unexplained.amount.scale == 3)
        #expect(match == make(Make.money("0.2", "CHF")) && match.hashValue == make(Make.money("0.2", "CHF")).hashValue)
        #expect(match != make(Make.money("0.20")))
        match.applied = Make.money("10.00", "GBP")
        #expect(match.applied.currency == "GBP" && match.openBefore == Make.money("10.00"))
        #expect(match.discountTaken == Make.money("0.20", "CHF") && match.unapplied == Make.money("0", "EUR"))
        match.applied = Make.money("10.00")
        match.discountTaken = Make.money("0.20")
        #expect(match == make(Make.money("0.20")))
        match.line.id = "other"
        #expect(match.line.id == "other" && match.line.reference == "100")
    }

    /// A payer with few invoices has them all compared with the reference; one with many goes through the
    /// near-number index. Either way the same invoices are one edit away.
    @Test func nearCandidatesOfAPayerAgreeWithAScan() {
        var invoices: [Invoice] = []
        for number in 0..<(InvoiceLedger.scanLimit + 200) {
            invoices.append(Make.invoice(String(700_000 + number * 3), open: "1.00", row: invoices.count + 2))
        }
        for number in 0..<50 {
            invoices.append(
                Make.invoice(String(700_000 + number), open: "1.00", customer: "C2", name: "Corner", row: number))
        }
        let ledger = InvoiceLedger(invoices: invoices)
        let big = PayerScope(invoices: Array(0..<(InvoiceLedger.scanLimit + 200)), evidence: [])
        let small = PayerScope(invoices: Array((InvoiceLedger.scanLimit + 200)..<invoices.count), evidence: [])
        for scope in [big, small] {
            for reference in ["700003", "70003", "7000030", "700030", "700012", "700021", "799999"] {
                let near = ledger.nearCandidates(for: reference, among: scope).filter {
                    scope.members.contains($0) && EditDistance.isOneEdit(reference, invoices[$0].normalizedNumber)
                }
                let scanned = scope.invoices.filter { EditDistance.isOneEdit(reference, invoices[$0].normalizedNumber) }
                #expect(near == scanned, "\(reference)")
            }
        }
    }

    /// Payers are worked out once per party, by storage object or by value.
    @Test func payerTableGivesEqualPartiesOneEntry() {
        var table = PayerTable()
        let options = MatchOptions()
        let first = Party(name: "BigMart", id: "BM001")
        let copy = Party(name: "BigMart", id: "BM001")
        let other = Party(name: "BigMart", id: "BM002")
        let slot = table.slot(for: first, options: options)
        #expect(table.slot(for: first, options: options) == slot)
        #expect(table.slot(for: copy, options: options) == slot)
        #expect(table.slot(for: other, options: options) != slot)
        #expect(table.knownSlot(for: copy) == slot && table.knownSlot(for: Party(name: "x")) == nil)
        #expect(table.entries[slot].facts.id == "BM001" && table.entries.count == 2)
    }
}
