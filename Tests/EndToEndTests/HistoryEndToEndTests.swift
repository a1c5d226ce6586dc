import Foundation
import Testing

/// `remit reconcile --history`: a payment resent in a later run's file is set aside, not applied twice, and
/// reading the same file again gives the same outputs.
@Suite struct HistoryEndToEndTests {
    static let first = "fixtures/matching/remittances/corner-2026-12-01.820"
    static let resent = "fixtures/matching/remittances/corner-resent-2026-12-01.820"
    static let other = "fixtures/matching/remittances/harbor-2026-12-01.820"

    static func reconcile(_ inputs: [String], out: URL, history: URL?, runTime: String) throws -> RemitProcess.Result {
        try RemitProcess.run(
            ["reconcile", "--invoices", "fixtures/matching/open-items.csv", "--run-time", runTime, "--out", out.path]
                + (history.map { ["--history", $0.path] } ?? []) + inputs)
    }

    static func rules(_ out: URL) throws -> [String] {
        try JSONLines.read(out.appendingPathComponent("matches.jsonl")).map { $0["rule"] as! String }
    }

    @Test func aPaymentResentInALaterRunIsSetAside() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let history = folder.appendingPathComponent("history.sqlite3")
        let day1 = folder.appendingPathComponent("day1")
        let day2 = folder.appendingPathComponent("day2")
        let one = try Self.reconcile([Self.first], out: day1, history: history, runTime: "2026-12-01T18:00:00Z")
        #expect(one.status == 0, "stderr: \(one.stderr)")
        #expect(try Self.rules(day1) == ["exact-reference"])

        let two = try Self.reconcile(
            [Self.resent, Self.other], out: day2, history: history, runTime: "2026-12-02T18:00:00Z")
        #expect(two.status == 0, "stderr: \(two.stderr)")
        #expect(try Self.rules(day2) == ["duplicate-payment", "combination", "combination"])
        let repeated = try JSONLines.read(day2.appendingPathComponent("matches.jsonl"))[0]
        #expect(repeated["decision"] as? String == "none")
        let evidence = (repeated["evidence"] as! [[String: Any]]).map {
            ($0["name"] as! String) + "=" + ($0["value"] as! String)
        }
        #expect(evidence.contains("duplicate_source=\(Self.first) (run of 2026-12-01T18:00:00Z)"), "\(evidence)")
        let summary = try String(contentsOf: day2.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("payment_repeated"), "\(summary.prefix(400))")
        #expect(summary.contains("history=used"))
    }

    @Test func withoutTheHistoryTheResentPaymentIsAppliedAgain() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let day2 = folder.appendingPathComponent("day2")
        let two = try Self.reconcile([Self.resent], out: day2, history: nil, runTime: "2026-12-02T18:00:00Z")
        #expect(two.status == 0, "stderr: \(two.stderr)")
        #expect(try Self.rules(day2) == ["exact-reference"])
    }

    /// The same bytes read by a run of another run time are a resend, set aside; the first run's rows stay,
    /// so a third copy is set aside too. The same run time is a rerun (next test).
    @Test func theSameFileSentAgainOnALaterDayIsSetAside() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let history = folder.appendingPathComponent("history.sqlite3")
        let copy = folder.appendingPathComponent("corner-sent-again.820")
        try FileManager.default.copyItem(atPath: Self.first, toPath: copy.path)
        let days = ["2026-12-01T18:00:00Z", "2026-12-02T18:00:00Z", "2026-12-03T18:00:00Z"]
        let inputs = [Self.first, copy.path, Self.first]
        var rules: [[String]] = []
        for (day, input) in zip(days, inputs) {
            let out = folder.appendingPathComponent(String(day.prefix(10)))
            let result = try Self.reconcile([input], out: out, history: history, runTime: day)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            rules.append(try Self.rules(out))
        }
        #expect(rules == [["exact-reference"], ["duplicate-payment"], ["duplicate-payment"]])
        let third = try JSONLines.read(folder.appendingPathComponent("2026-12-03/matches.jsonl"))[0]
        let evidence = (third["evidence"] as! [[String: Any]]).map {
            ($0["name"] as! String) + "=" + ($0["value"] as! String)
        }
        #expect(evidence.contains("duplicate_source=\(Self.first) (run of 2026-12-01T18:00:00Z)"), "\(evidence)")
    }

    /// Without a pinned run time, two runs in one second are two runs: a script that reconciles a file and
    /// then a resend of it straight after must not apply the payment twice.
    @Test func aResendReconciledInTheSameSecondWithoutARunTimeIsSetAside() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let history = folder.appendingPathComponent("history.sqlite3")
        let copy = folder.appendingPathComponent("corner-sent-again.820")
        try FileManager.default.copyItem(atPath: Self.first, toPath: copy.path)
        var rules: [[String]] = []
        for (name, input) in [("one", Self.first), ("two", copy.path)] {
            let out = folder.appendingPathComponent(name)
            let result = try RemitProcess.run(
                ["reconcile", "--invoices", "fixtures/matching/open-items.csv", "--out", out.path, "--history",
                    history.path, input])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            rules.append(try Self.rules(out))
        }
        #expect(rules == [["exact-reference"], ["duplicate-payment"]])
        let second = try JSONLines.read(folder.appendingPathComponent("two/matches.jsonl"))[0]
        let evidence = (second["evidence"] as! [[String: Any]]).map {
            ($0["name"] as! String) + "=" + ($0["value"] as! String)
        }
        #expect(evidence.contains { $0.hasPrefix("duplicate_source=\(Self.first) (run of ") }, "\(evidence)")
    }

    /// The deductions of a resent payment are those of the payment it repeats: not open a second time.
    @Test func theDeductionsOfAResentPaymentAreNotOpenAgain() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let history = folder.appendingPathComponent("history.sqlite3")
        let copy = folder.appendingPathComponent("bigmart-resent.820")
        try FileManager.default.copyItem(atPath: "fixtures/retail/bigmart-2026-11-30.820", toPath: copy.path)
        var open: [(count: Int, register: Int)] = []
        for (day, input) in [("2026-11-30", "fixtures/retail/bigmart-2026-11-30.820"), ("2026-12-01", copy.path)] {
            let out = folder.appendingPathComponent(day)
            let result = try RemitProcess.run(
                ["reconcile", "--invoices", "fixtures/retail/open-items.csv", "--run-time", day + "T18:00:00Z",
                    "--out", out.path, "--history", history.path, input])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let summary = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
                    as? [String: Any])
            let aging = try #require(summary["open_deductions"] as? [String: Any])
            let register = try String(
                contentsOf: out.appendingPathComponent("deduction-register.csv"), encoding: .utf8)
            open.append(
                (aging["of_repeated_payments_count"] as? Int ?? -1,
                 register.split(whereSeparator: \.isNewline).count - 1))
        }
        #expect(open[0].count == 0)
        #expect(open[0].register == 9, "six stated deductions, two short pays and an unearned discount")
        #expect(open[1].count == 8, "the resend's deductions repeat the first payment's")
        #expect(open[1].register == 0)
    }

    @Test func readingTheSameFileAgainGivesTheSameOutputs() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let history = folder.appendingPathComponent("history.sqlite3")
        let first = folder.appendingPathComponent("first")
        let again = folder.appendingPathComponent("again")
        for out in [first, again] {
            let result = try Self.reconcile(
                [Self.first, Self.other], out: out, history: history, runTime: "2026-12-01T18:00:00Z")
            #expect(result.status == 0, "stderr: \(result.stderr)")
        }
        for name in ["matches.jsonl", "deductions.jsonl", "summary.json", "report.html"] {
            let one = try Data(contentsOf: first.appendingPathComponent(name))
            let two = try Data(contentsOf: again.appendingPathComponent(name))
            #expect(one == two, "\(name) differs on a rerun")
        }
    }

    @Test func an812ReadInAnEarlierRunIsLinkedToThe820ThatTakesIt() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let history = folder.appendingPathComponent("history.sqlite3")
        func run(_ input: String, _ out: String, history: URL?) throws -> [String: Any] {
            let target = folder.appendingPathComponent(out)
            let result = try RemitProcess.run(
                ["reconcile", "--invoices", "fixtures/retail/open-items.csv", "--run-time", "2026-11-30T18:00:00Z",
                 "--out", target.path] + (history.map { ["--history", $0.path] } ?? []) + [input])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let data = try Data(contentsOf: target.appendingPathComponent("summary.json"))
            let summary = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            return summary["announcements"] as? [String: Any] ?? [:]
        }
        let memo = "fixtures/retail/bigmart-2026-11-25.812"
        let payment = "fixtures/retail/bigmart-2026-11-30.820"
        let announced = try run(memo, "memo", history: history)
        #expect(announced["not_yet_taken_count"] as? Int == 4)
        let taken = try run(payment, "payment", history: history)
        let linked = (taken["linked"] as? [[String: Any]] ?? []).map { $0["memo_number"] as! String }
        #expect(linked == ["CB7781", "DM55502"])
        // An earlier memo nothing here took is not listed again as not yet taken.
        #expect(taken["not_yet_taken_count"] as? Int == 0)
        let report = try String(
            contentsOf: folder.appendingPathComponent("payment/report.html"), encoding: .utf8
        ).replacingOccurrences(of: "<wbr>", with: "")
        #expect(report.contains(memo), "the linked memo names the 812 it was read from")
        let alone = try run(payment, "alone", history: nil)
        #expect((alone["linked"] as? [[String: Any]] ?? []).isEmpty)
    }

    @Test func anUnusableHistoryStopsTheRun() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let history = folder.appendingPathComponent("missing-folder/history.sqlite3")
        let result = try Self.reconcile(
            [Self.first], out: folder.appendingPathComponent("out"), history: history, runTime: "2026-12-01T18:00:00Z")
        #expect(result.status == 2)
        #expect(result.stderr.contains("history.sqlite3: error: the run history cannot be used"), "\(result.stderr)")
    }

    @Test func matchingBoundsAreCheckedOnTheCommandLine() throws {
        let folder = try RemitProcess.temporaryDirectory()
        for (option, value) in [("--name-similarity", "300"), ("--combination-max-set-size", "x")] {
            let result = try RemitProcess.run(
                ["reconcile", "--invoices", "fixtures/matching/open-items.csv", option, value,
                 "--out", folder.path, Self.first])
            #expect(result.status == 64, "\(option): \(result.stderr)")
            #expect(result.stderr.contains(option))
        }
        // No combination search: the harbor payment with no usable reference is left unmatched.
        let out = folder.appendingPathComponent("bounded")
        let result = try RemitProcess.run(
            ["reconcile", "--invoices", "fixtures/matching/open-items.csv", "--combination-max-set-size", "0",
             "--run-time", "2026-12-01T18:00:00Z", "--out", out.path, Self.other])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try !Self.rules(out).contains("combination"))
    }

    /// A payment-terms table with a row Remit cannot read stops the run, naming the file and line.
    @Test func aBadPaymentTermsRowStopsTheRunWithItsLine() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let mappings = folder.appendingPathComponent("mappings")
        try FileManager.default.copyItem(
            at: RemitProcess.packageRoot.appendingPathComponent("mappings"), to: mappings)
        try Data("key\tterms\nZB01\t2/10 NET 30\nZB02\tWHEN PIGS FLY\n".utf8).write(
            to: mappings.appendingPathComponent("payment-terms/sap.tsv"))
        let result = try RemitProcess.run(
            ["reconcile", "--invoices", "fixtures/matching/open-items.csv", "--mappings", mappings.path,
             "--out", folder.appendingPathComponent("out").path, Self.first])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("payment-terms/sap.tsv:3:1: error: terms 'WHEN PIGS FLY'"), "\(result.stderr)")
    }
}
