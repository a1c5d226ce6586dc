import RemitCore
import RemitMatch
import Testing

/// `Matcher.explain`: the same decisions as `reconcile`, and a true account of what each rule looked at.
@Suite struct MatchTraceTests {
    /// Line 1 pays 100101 exactly; line 2 is one edit from 100101 (already taken by line 1) and from 100110;
    /// line 3 names another customer's invoice; line 4 has no reference and pays 300.00, which only 100120's
    /// open amount adds up to.
    static let lines = [
        Make.line(1, "100101", paid: "100.00"), Make.line(2, "100111", paid: "200.00"),
        Make.line(3, "300002", paid: "50.00"), Make.line(4, "", paid: "300.00"),
    ]
    static let invoices = [
        Make.invoice("100101", open: "100.00", row: 2), Make.invoice("100110", open: "200.00", row: 3),
        Make.invoice("300002", open: "50.00", customer: "C200", name: "Corner Grocer Co", row: 4),
        Make.invoice("100120", open: "300.00", row: 5), Make.invoice("100130", open: "120.00", row: 6),
    ]

    static func explain(
        _ selection: MatchTrace.Selection, options: MatchOptions = MatchOptions(), lines: [RemittanceLine] = lines,
        invoices: [Invoice] = invoices
    ) -> (reconciliation: Reconciliation, trace: MatchTrace) {
        Matcher(options: options).explain(lines: lines, deductions: [], invoices: invoices, selection: selection)
    }

    @Test func decidesExactlyAsReconcileDoes() {
        let plain = Matcher().reconcile(lines: Self.lines, deductions: [], invoices: Self.invoices)
        let (traced, trace) = Self.explain(MatchTrace.Selection(lineIDs: Self.lines.map(\.id)))
        #expect(traced.matches == plain.matches)
        #expect(traced.deductions == plain.deductions)
        #expect(traced.openInvoices == plain.openInvoices)
        #expect(trace.lines.map(\.match) == plain.matches)
        #expect(plain.matches.map(\.rule) == ["exact-reference", "reference-one-edit", "none", "amount-only"])
    }

    @Test func anExactMatchIsDecidedByRuleOneAndLaterRulesAreNotTried() throws {
        let (_, trace) = Self.explain(MatchTrace.Selection(lineIDs: ["f:line:1"]))
        let line = try #require(trace.lines.first)
        #expect(trace.lines.count == 1)
        #expect(line.steps.map(\.number) == Array(0...6))
        #expect(line.steps[0].outcome == .notTried)
        #expect(line.steps[0].note == "no payments were given to compare")
        #expect(line.steps[1].outcome == .applied)
        #expect(line.steps[1].finding?.score == 100)
        let candidates = line.steps[1].lookups.flatMap(\.candidates)
        #expect(candidates.map(\.invoice.number) == ["100101"])
        #expect(candidates.map(\.chosen) == [true])
        #expect(candidates[0].openAmount == Make.money("100.00"))
        for step in line.steps[2...] {
            #expect(step.outcome == .notTried)
            #expect(step.note == "rule 1 (exact-reference) had decided the line")
            #expect(step.lookups.isEmpty)
        }
        #expect(line.payerMatch == [Evidence("payer_match", "id")])
    }

    @Test func anotherCustomersInvoiceIsSetAsideAndTheLineRefused() throws {
        let (_, trace) = Self.explain(MatchTrace.Selection(references: ["300002"]))
        let line = try #require(trace.lines.first)
        #expect(line.steps[1].outcome == .refused)
        #expect(line.steps[1].note == "the reference belongs to another customer")
        let candidate = try #require(line.steps[1].lookups.first?.candidates.first)
        #expect(!candidate.kept && !candidate.chosen)
        #expect(candidate.reason == "an invoice of another customer (C200)")
        #expect(line.match.decision == .none)
    }

    @Test func aNearInvoiceTakenEarlierIsSetAsideWithTheLineThatTookIt() throws {
        let (_, trace) = Self.explain(MatchTrace.Selection(lineIDs: ["f:line:2"]))
        let line = try #require(trace.lines.first)
        #expect(line.steps[1].outcome == .nothingFound)
        #expect(line.steps[1].note == "no invoice has the reference")
        #expect(line.steps[2].note == "the payer belongs to no partner in mappings/partners")
        #expect(line.steps[3].outcome == .nothingFound)
        let near = line.steps[4]
        #expect(near.outcome == .applied)
        #expect(near.finding?.rule == "reference-one-edit")
        #expect(near.finding?.score == 85)
        let candidates = Dictionary(
            uniqueKeysWithValues: near.lookups.flatMap(\.candidates).map { ($0.invoice.number, $0) })
        let taken = try #require(candidates["100101"])
        #expect(!taken.kept)
        #expect(taken.reason == "settled earlier in this run by f:line:1")
        #expect(taken.openAmount == Make.money("0.00"))
        let chosen = try #require(candidates["100110"])
        #expect(chosen.kept && chosen.chosen)
        #expect(chosen.reason == "open, an invoice of the payer, in USD; the amount agrees")
        #expect(line.steps[5].outcome == .notTried && line.steps[6].outcome == .notTried)
    }

    @Test func aFindingUnderTheSuggestionThresholdIsDroppedAndTheNextRuleTries() throws {
        // 100111 is one edit from 100110, whose 200.00 does not agree with 150.00: the rule scores 55.
        let lines = [Make.line(1, "100111", paid: "150.00")]
        let (reconciliation, trace) = Self.explain(
            MatchTrace.Selection(lineIDs: ["f:line:1"]), options: MatchOptions(suggestScore: 56), lines: lines,
            invoices: [Make.invoice("100110", open: "200.00")])
        let line = try #require(trace.lines.first)
        #expect(line.steps[4].outcome == .belowSuggestScore)
        #expect(line.steps[4].finding?.score == 55)
        #expect(line.steps[4].note.hasPrefix("found reference-one-edit scoring 55, under the suggestion threshold 56"))
        #expect(
            line.steps[4].lookups.flatMap(\.candidates).map(\.reason) == [
                "open, an invoice of the payer, in USD; the amount does not agree"
            ])
        #expect(line.steps[5].tried && line.steps[6].tried)
        #expect(line.steps[6].outcome == .nothingFound)
        #expect(reconciliation.matches[0].decision == .none)
        // With the default threshold the same finding is suggested.
        let suggested = Self.explain(
            MatchTrace.Selection(lineIDs: ["f:line:1"]), lines: lines,
            invoices: [Make.invoice("100110", open: "200.00")]
        ).trace
        #expect(suggested.lines[0].steps[4].outcome == .suggested)
        #expect(suggested.lines[0].steps[5].outcome == .notTried)
    }

    @Test func theAmountRuleListsThePayersOpenInvoicesAndMarksEverySetThatFits() throws {
        let invoices = [
            Make.invoice("900501", open: "210.00", row: 2), Make.invoice("900502", open: "290.00", row: 3),
            Make.invoice("900503", open: "140.00", row: 4), Make.invoice("900504", open: "360.00", row: 5),
            Make.invoice("900505", open: "75.00", row: 6), Make.invoice("900506", open: "-20.00", row: 7),
            Make.invoice("900507", open: "500.00", currency: "EUR", row: 8),
        ]
        let (_, trace) = Self.explain(
            MatchTrace.Selection(lineIDs: ["f:line:1"]), lines: [Make.line(1, "STATEMENT", paid: "500.00")],
            invoices: invoices)
        let step = try #require(trace.lines.first?.steps[6])
        #expect(step.outcome == .suggested)
        #expect(step.finding?.singleAnswer == false)
        #expect(step.lookups.map(\.key) == ["open invoices of the payer in USD"])
        let candidates = step.lookups[0].candidates
        // The EUR invoice is not among the payer's open invoices in USD; the credit is looked at and set aside.
        #expect(candidates.map(\.invoice.number) == ["900501", "900502", "900503", "900504", "900505", "900506"])
        #expect(candidates.map(\.chosen) == [true, true, true, true, false, false])
        #expect(candidates[2].reason.hasSuffix("in set 2 of 2 that fit: 900503+900504"))
        #expect(!candidates[5].kept)
        #expect(candidates[5].reason == "no positive open amount; the search takes none")
    }

    @Test func anInvoiceIsTracedThroughEveryLineThatLookedAtIt() throws {
        let (_, trace) = Self.explain(MatchTrace.Selection(invoiceNumbers: ["100101"]))
        let invoice = try #require(trace.invoices.first)
        #expect(invoice.invoice.number == "100101")
        #expect(invoice.remaining == Make.money("0.00"))
        #expect(invoice.settledBy == "f:line:1")
        let lookers = trace.lines(considering: invoice)
        // Line 1 took it by its reference; line 2's one-edit rule saw it, already settled.
        #expect(lookers.map { $0.line.line.id } == ["f:line:1", "f:line:2"])
        #expect(lookers.map { $0.steps.map(\.number) } == [[1], [4]])
        #expect(MatchTrace.candidate(invoice, in: lookers[0].steps[0])?.chosen == true)
        #expect(MatchTrace.candidate(invoice, in: lookers[1].steps[0])?.kept == false)
        // The amount rule looked at 100130 for line 4 and kept it, in no set that fits.
        let searched = Self.explain(MatchTrace.Selection(invoiceNumbers: ["100130"])).trace
        let kept = try #require(searched.invoices.first)
        #expect(searched.lines(considering: kept).map { $0.line.line.id } == ["f:line:4"])
        let entry = try #require(searched.lines.first.flatMap { MatchTrace.candidate(kept, in: $0.steps[6]) })
        #expect(entry.kept && !entry.chosen)
        // An invoice nobody looked at is found, with no lines.
        let untouched = Self.explain(
            MatchTrace.Selection(invoiceNumbers: ["100130"]), lines: [Make.line(1, "100101", paid: "100.00")]
        ).trace
        #expect(untouched.invoices.map(\.invoice.number) == ["100130"])
        #expect(untouched.lines.isEmpty)
    }

    @Test(arguments: [
        (MatchTrace.Selection(lineIDs: ["f:line:2"], references: ["100111"]), ["f:line:2"]),
        (MatchTrace.Selection(lineIDs: ["f:line:2"], references: ["100101"]), []),
        (MatchTrace.Selection(references: ["INV-000100101"]), ["f:line:1"]),
        (MatchTrace.Selection(lineIDs: ["f:line:9"]), []),
        (MatchTrace.Selection(), []),
    ])
    func linesAreSelectedByIdAndReferenceTogether(_ selection: MatchTrace.Selection, _ expected: [String]) {
        #expect(Self.explain(selection).trace.lines.map(\.line.id) == expected)
    }

    @Test func aRepeatedPaymentIsRuleZerosDecision() throws {
        let first = MatcherRuleTests.payment("a:pay:1", file: "a.820", trace: "T1")
        let second = MatcherRuleTests.payment("b:pay:1", file: "b.820", trace: "T1")
        var copy = Make.line(2, "100101", paid: "100.00")
        copy.paymentID = "b:pay:1"
        var original = Make.line(1, "100101", paid: "100.00")
        original.paymentID = "a:pay:1"
        let (_, trace) = Matcher().explain(
            lines: [original, copy], deductions: [], invoices: Self.invoices, payments: [first, second],
            selection: MatchTrace.Selection(lineIDs: ["f:line:1", "f:line:2"]))
        #expect(trace.lines[0].steps[0].outcome == .nothingFound)
        #expect(trace.lines[0].steps[0].note == "the payment was not read from another file before")
        #expect(trace.lines[1].steps[0].outcome == .refused)
        #expect(trace.lines[1].steps[0].finding?.rule == "duplicate-payment")
        #expect(trace.lines[1].steps[1].note == "rule 0 (duplicate-payment) had decided the line")
    }
}
