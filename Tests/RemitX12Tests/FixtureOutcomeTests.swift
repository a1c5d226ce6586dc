import RemitCore
import RemitX12
import Testing

/// What each fixture gives when read whole: every diagnostic with its exact location, and every transaction's
/// tie-out. Locations were checked against the bytes of each file (segment starts counted by hand from the
/// line and terminator layout; an element's column is its segment's column plus the bytes before it).
@Suite struct FixtureOutcomeTests {
    /// A transaction summary reduced to the figures a tie-out report shows.
    struct Tally: Hashable, Sendable, CustomStringConvertible {
        var status: TransactionSummary.Status
        var stated: Money?
        var lines: Money?
        var adjustments: Money?
        var imbalance: Money?
        var records: Int
        var transactionID: String

        init(
            _ status: TransactionSummary.Status, stated: Money?, lines: Money?, adjustments: Money?,
            imbalance: Money?, records: Int, _ transactionID: String
        ) {
            self.status = status
            self.stated = stated
            self.lines = lines
            self.adjustments = adjustments
            self.imbalance = imbalance
            self.records = records
            self.transactionID = transactionID
        }

        init(_ summary: TransactionSummary) {
            self.init(
                summary.status, stated: summary.statedTotal, lines: summary.linesTotal,
                adjustments: summary.adjustmentsTotal, imbalance: summary.imbalance, records: summary.recordCount,
                summary.transactionID)
        }

        /// A balanced 820 in US dollars: lines add up to the stated total, no unattached ADX.
        static func balanced(_ cents: Int64, records: Int, _ transactionID: String) -> Tally {
            Tally(
                .accepted, stated: usd(cents), lines: usd(cents), adjustments: usd(0), imbalance: usd(0),
                records: records, transactionID)
        }

        var description: String {
            "\(status) \(stated.map(\.description) ?? "-") \(lines.map(\.description) ?? "-") "
                + "\(adjustments.map(\.description) ?? "-") \(imbalance.map(\.description) ?? "-") \(records) "
                + transactionID
        }
    }

    struct Outcome: Sendable, CustomTestStringConvertible {
        var fixture: String
        var diagnostics: [Located]
        var summaries: [Tally]
        var testDescription: String { fixture }
    }

    /// The "not an 820" notice, located at ST01 (column 4 of the ST segment).
    static func notAn820(line: Int, byte: Int64) -> Located {
        Located("x12.unsupported-set", .warning, line: line, column: 4, byte: byte, segment: line, element: "ST01")
    }

    /// A balanced 812 read in transaction ST@3.
    static func memo(_ total: Money, records: Int) -> Tally {
        Tally(
            .accepted, stated: total, lines: total, adjustments: nil, imbalance: Money(.zero, total.currency),
            records: records, "ST@3")
    }

    static let outcomes: [Outcome] = [
        Outcome(
            fixture: "214-4010-ellipsis-segment-terminator.edi", diagnostics: [notAn820(line: 3, byte: 162)],
            summaries: []),
        Outcome(
            fixture: "810-4010-pipe-element-separator.edi", diagnostics: [notAn820(line: 3, byte: 163)], summaries: []),
        Outcome(
            fixture: "810-850-4010-two-groups.edi",
            diagnostics: [
                notAn820(line: 3, byte: 163), notAn820(line: 35, byte: 966), notAn820(line: 59, byte: 1539),
            ],
            summaries: []),
        // One line, no line breaks: the column is the byte offset plus one. BPR02 balances six RMR04.
        Outcome(
            fixture: "820-5010-x218-list-bill-payment.edi", diagnostics: [],
            summaries: [.balanced(25_500, records: 7, "ST@3")]),
        // BPR02 is 0 and the RMR04 are -25, -15 and +40.
        Outcome(
            fixture: "820-5010-x306-zero-payment-negative-rmr.edi", diagnostics: [],
            summaries: [.balanced(0, records: 4, "ST@3")]),
        // ISA08 is 16 bytes wide, so ISA16 sits at byte 105 (column 106) instead of 104.
        Outcome(
            fixture: "850-4010-minimal.edi",
            diagnostics: [
                Located("x12.isa-layout", .warning, line: 1, column: 106, byte: 105, segment: 1, element: "ISA16"),
                notAn820(line: 3, byte: 159),
            ],
            summaries: []),
        Outcome(
            fixture: "855-4010-two-transactions-one-group.edi",
            diagnostics: [notAn820(line: 3, byte: 177), notAn820(line: 6, byte: 228)], summaries: []),
        Outcome(
            fixture: "997-5010-repetition-and-component-separators.edi", diagnostics: [notAn820(line: 3, byte: 177)],
            summaries: []),
        Outcome(
            fixture: "997-5010-three-interchanges.edi",
            diagnostics: [
                notAn820(line: 3, byte: 177), notAn820(line: 15, byte: 485), notAn820(line: 27, byte: 793),
            ],
            summaries: []),
        Outcome(
            fixture: "997-empty-transaction-st-se-only.edi", diagnostics: [notAn820(line: 3, byte: 168)],
            summaries: []),
        // ISB and ISE between ISA and GS are accepted silently.
        Outcome(
            fixture: "997-isb-ise-interchange-service-segments.edi", diagnostics: [notAn820(line: 5, byte: 204)],
            summaries: []),
        // 812s: BCD04 signed by BCD05 against the CDD04 each signed by its CDD02; no ADX total.
        Outcome(
            fixture: "remit-812-compliance-fine.edi", diagnostics: [],
            summaries: [memo(usd(25_000), records: 1)]),
        Outcome(
            fixture: "remit-812-credit-adjustment.edi", diagnostics: [],
            summaries: [memo(usd(-4_000), records: 2)]),
        Outcome(
            fixture: "remit-812-promotion.edi", diagnostics: [], summaries: [memo(cad(120_050), records: 1)]),
        Outcome(
            fixture: "remit-812-shortage-lines.edi", diagnostics: [], summaries: [memo(usd(17_675), records: 2)]),
        // 1180.50 = 500.00 + 400.00 + 355.50 - 75.00 (the ADX under ENT); the ADX under the second RMR
        // explains that RMR's short pay and is not counted again.
        Outcome(
            fixture: "remit-820-adx-attached-unattached.edi", diagnostics: [],
            summaries: [
                Tally(
                    .accepted, stated: usd(118_050), lines: usd(125_550), adjustments: usd(-7_500), imbalance: usd(0),
                    records: 6, "ST@3")
            ]),
        Outcome(
            fixture: "remit-820-adx-sign-by-version.edi", diagnostics: [],
            summaries: [.balanced(9_000, records: 3, "ST@3"), .balanced(11_000, records: 3, "ST@10")]),
        // BPR02 '12O.00' (letter O) at byte 174 + 6: the first 820 is rejected, the second one is read.
        Outcome(
            fixture: "remit-820-bad-amount.edi",
            diagnostics: [
                Located("x12.amount", .error, line: 4, column: 7, byte: 180, segment: 4, element: "BPR02")
            ],
            summaries: [
                Tally(.rejected, stated: nil, lines: nil, adjustments: nil, imbalance: nil, records: 0, "ST@3"),
                .balanced(8_000, records: 2, "ST@8"),
            ]),
        Outcome(
            fixture: "remit-820-cr-terminator-no-final.edi", diagnostics: [],
            summaries: [.balanced(1_000, records: 2, "ST@3")]),
        Outcome(
            fixture: "remit-820-crlf-indented.edi", diagnostics: [], summaries: [.balanced(9_000, records: 2, "ST@3")]),
        Outcome(
            fixture: "remit-820-ellipsis-terminator.edi", diagnostics: [],
            summaries: [.balanced(4_200, records: 2, "ST@3")]),
        Outcome(
            fixture: "remit-820-isa11-letter.edi", diagnostics: [], summaries: [.balanced(1_550, records: 2, "ST@3")]),
        // SE*7 where ST (segment 3) to SE (segment 8) are 6; SE starts at byte 251, SE01 three bytes on.
        Outcome(
            fixture: "remit-820-se-count-wrong.edi",
            diagnostics: [
                Located("x12.se-count", .warning, line: 8, column: 4, byte: 254, segment: 8, element: "SE01")
            ],
            summaries: [.balanced(6_000, records: 2, "ST@3")]),
        // RMR04 980 + 500 + 250 = 1730 against BPR02 1725: 5.00 short, reported at BPR02 (byte 174 + 6).
        Outcome(
            fixture: "remit-820-short-pay.edi",
            diagnostics: [
                Located("x12.imbalance", .warning, line: 4, column: 7, byte: 180, segment: 4, element: "BPR02")
            ],
            summaries: [
                Tally(
                    .accepted, stated: cad(172_500), lines: cad(173_000), adjustments: cad(0), imbalance: cad(-500),
                    records: 7, "ST@3")
            ]),
        // The file (249 bytes) stops after `RMR*IV*T-2**200.00` on line 7, which starts at byte 231.
        Outcome(
            fixture: "remit-820-truncated.edi",
            diagnostics: [
                Located("x12.se-missing", .error, line: 7, column: 19, byte: 249, segment: nil),
                Located("x12.ge-missing", .error, line: 7, column: 19, byte: 249, segment: nil),
                Located("x12.iea-missing", .error, line: 7, column: 19, byte: 249, segment: nil),
            ],
            summaries: [
                Tally(.rejected, stated: usd(30_000), lines: nil, adjustments: nil, imbalance: nil, records: 2, "ST@3")
            ]),
        Outcome(
            fixture: "remit-820-two-interchanges.edi", diagnostics: [],
            summaries: [.balanced(10_000, records: 2, "ST@3"), .balanced(25_025, records: 2, "ST@13")]),
    ]

    @Test func everyFixtureHasAnExpectedOutcome() throws {
        #expect(Self.outcomes.map(\.fixture) == (try Fixtures.allNames()))
    }

    @Test(arguments: outcomes)
    func fixtureGivesExactlyTheseDiagnosticsAndTieOuts(outcome: Outcome) throws {
        let sink = try Fixtures.read(fixture: outcome.fixture)
        #expect(sink.located == outcome.diagnostics)
        #expect(sink.summaries.map(Tally.init) == outcome.summaries)
        #expect(sink.diagnostics.allSatisfy { $0.location.file == outcome.fixture })
        // A summary's record count is what was emitted with its transaction id; it is located at its ST.
        for summary in sink.summaries {
            #expect(summary.kind == (outcome.fixture.hasPrefix("remit-812-") ? "812" : "820"))
            #expect("ST@\(summary.location.segmentIndex ?? 0)" == summary.transactionID)
            #expect(
                sink.records.filter { $0.provenance.transactionID == summary.transactionID }.count
                    == summary.recordCount)
        }
    }

    @Test(arguments: outcomes.filter { $0.fixture != "remit-820-se-count-wrong.edi" })
    func strictReadingChangesNothingWhereControlNumbersAndCountsAgree(outcome: Outcome) throws {
        let strict = try Fixtures.read(fixture: outcome.fixture, options: X12Options(strict: true))
        #expect(strict.events == (try Fixtures.read(fixture: outcome.fixture)).events)
    }

    @Test(arguments: outcomes.map(\.fixture))
    func everyFixtureIsRecognisedAsX12(fixture: String) throws {
        let bytes = try Fixtures.bytes(fixture)
        #expect(bytes.withUnsafeBytes { X12Reader.looksLikeX12(UnsafeRawBufferPointer(rebasing: $0.prefix(16))) })
    }

    @Test(arguments: [
        ("\u{FEFF} \r\nISA*00", true), ("ISA|00", true), ("ISAAC NEWTON", false), ("ISA 00", false),
        ("From: partner", false), ("IS", false), ("invoice,amount\n", false),
    ])
    func onlyAnISAAndADelimiterLookLikeX12(prefix: String, expected: Bool) {
        let bytes = Array(prefix.utf8)
        #expect(bytes.withUnsafeBytes { X12Reader.looksLikeX12($0) } == expected)
    }

    @Test(arguments: [
        ("214-4010-ellipsis-segment-terminator.edi", "214"), ("810-4010-pipe-element-separator.edi", "810"),
        ("850-4010-minimal.edi", "850"), ("855-4010-two-transactions-one-group.edi", "855"),
        ("997-5010-three-interchanges.edi", "997"),
    ])
    func otherTransactionSetsSayTheyAreNotAn820(fixture: String, setID: String) throws {
        let sink = try Fixtures.read(fixture: fixture)
        #expect(sink.records.isEmpty)
        #expect(sink.summaries.isEmpty)
        let notice = try #require(sink.diagnostic("x12.unsupported-set"))
        #expect(notice.message.hasPrefix("transaction set \(setID) is not an 820"))
        #expect(sink.diagnostics.allSatisfy { $0.severity != .error })
    }
}
