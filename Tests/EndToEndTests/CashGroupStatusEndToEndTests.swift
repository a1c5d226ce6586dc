import Foundation
import Testing

/// `remit reconcile` over the cash set with BAI2 files whose groups are sent as test only, deletion or
/// correction (`fixtures/cash/group-status/`): what stays cash, what is set aside, and how the report adds up.
@Suite struct CashGroupStatusEndToEndTests {
    static let original = "fixtures/cash/acme-bank-2026-12-04.bai2"
    static let folder = "fixtures/cash/group-status/"
    static let remittances = [
        "fixtures/cash/acme-ach-2026-12-04.ach", "fixtures/cash/corner-grocer-2026-12-03.820",
        "fixtures/cash/mapletree-2026-12-02.820", "fixtures/cash/orchard-fresh-2026-12-04.820",
    ]

    /// One reassociation row: status, rule, bank amount, the bank credit's file:line and status, evidence.
    struct Row: Equatable, CustomStringConvertible {
        var status: String
        var rule: String
        var amount: String?
        var place: String?
        var bankStatus: String?
        var evidence: [String: String]

        var description: String { "\(status) \(rule) \(amount ?? "-") \(place ?? "-") \(evidence)" }
    }

    struct Run {
        var stderr: String
        var rows: [Row]
        var account: [String: Any]
        var html: String
    }

    /// Runs `remit reconcile` over `bankFiles` and the cash set's remittances, and reads what it wrote.
    static func reconcile(_ bankFiles: [String], remittances: [String] = remittances) throws -> Run {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(
            ["reconcile", "--invoices", "fixtures/cash/open-items.csv", "--run-time", "2026-12-04T12:00:00Z"]
                + bankFiles + remittances + ["--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = try String(contentsOf: out.appendingPathComponent("reassociation.jsonl"), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
        var rows: [Row] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let bank = object["bank_transaction"] as? [String: Any]
            let source = bank?["source"] as? [String: Any]
            let amount = (bank?["amount"] as? [String: Any])?["amount"] as? String
            let evidence = (object["evidence"] as? [[String: String]] ?? []).reduce(into: [String: String]()) {
                $0[$1["name"] ?? ""] = $1["value"]
            }
            rows.append(
                Row(
                    status: object["status"] as? String ?? "", rule: object["rule"] as? String ?? "", amount: amount,
                    place: source.map { "\($0["file"] as? String ?? ""):\($0["line"] as? Int ?? 0)" },
                    bankStatus: bank?["status"] as? String, evidence: evidence))
        }
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
                as? [String: Any])
        let accounts = try #require((summary["cash"] as? [String: Any])?["accounts"] as? [[String: Any]])
        #expect(accounts.count == 1)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        return Run(stderr: result.stderr, rows: rows, account: accounts.first ?? [:], html: html)
    }

    static func amount(_ account: [String: Any], _ key: String) -> String? {
        (account[key] as? [String: Any])?["amount"] as? String
    }

    /// Credits in = paired + unpaired, in count and amount; set aside is apart.
    static func expectAccountAddsUp(_ account: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
        let creditsIn = account["credits_in"] as? Int ?? -1
        let paired = account["paired"] as? Int ?? -1
        let unpaired = account["unpaired"] as? Int ?? -1
        #expect(creditsIn == paired + unpaired, sourceLocation: sourceLocation)
        let cents = { (key: String) in Int(Self.amount(account, key)?.replacingOccurrences(of: ".", with: "") ?? "") }
        #expect(
            cents("credits_in_total") == (cents("paired_total") ?? 0) + (cents("unpaired_total") ?? 0),
            sourceLocation: sourceLocation)
    }

    @Test func aTestOnlyCreditIsNotPairedAndIsReportedAsSetAside() throws {
        let run = try Self.reconcile([Self.original, Self.folder + "acme-bank-2026-12-04-test.bai2"])
        let setAside = run.rows.filter { $0.status == "set_aside" }
        #expect(
            setAside == [
                Row(
                    status: "set_aside", rule: "group-status", amount: "640.00",
                    place: Self.folder + "acme-bank-2026-12-04-test.bai2:4", bankStatus: "test_only",
                    evidence: ["group_status": "test_only"])
            ])
        // Orchard Fresh's advice quotes the test credit's reference, and still has no cash.
        #expect(run.rows.last?.status == "remittance_without_cash")
        #expect(run.rows.filter { $0.status == "paired" || $0.status == "amount_difference" }.count == 5)
        #expect(run.account["credits_in"] as? Int == 6)
        #expect(run.account["set_aside"] as? Int == 1)
        #expect(Self.amount(run.account, "set_aside_total") == "640.00")
        Self.expectAccountAddsUp(run.account)
        #expect(run.stderr.contains("(5 credits paired, 1 without remittance, 1 set aside)"))
        #expect(run.html.contains("<th class=\"num\">Set aside</th>"))
        #expect(run.html.contains("<td>set_aside</td>"))
    }

    @Test func aCorrectionReadAfterTheOriginalReplacesItsCredits() throws {
        let correction = Self.folder + "acme-bank-2026-12-04-correction.bai2"
        let run = try Self.reconcile([Self.original, correction])
        #expect(run.rows.count == 13)
        let originals = Array(run.rows.prefix(6))
        #expect(originals.allSatisfy { $0.status == "set_aside" && $0.rule == "group-status" }, "\(originals)")
        #expect(originals.allSatisfy { $0.place?.hasPrefix(Self.original + ":") == true })
        #expect(
            originals.allSatisfy {
                $0.evidence == ["replaced_by": correction + ":2", "replacing_status": "correction"]
            })
        let corrected = Array(run.rows.dropFirst(6).prefix(6))
        #expect(corrected.allSatisfy { $0.place?.hasPrefix(correction + ":") == true && $0.bankStatus == "correction" })
        // The correction says Mapletree's credit was 1000.00, as its advice does, not 995.00.
        #expect(
            corrected.map { "\($0.status) \($0.amount ?? "")" } == [
                "paired 2450.00", "paired 780.00", "paired 315.50", "paired 1034.00", "paired 1000.00",
                "cash_without_remittance 5000.00",
            ])
        #expect(run.rows.last?.status == "remittance_without_cash")
        #expect(run.account["credits_in"] as? Int == 6)
        #expect(Self.amount(run.account, "credits_in_total") == "10579.50")
        #expect(run.account["paired"] as? Int == 5)
        #expect(run.account["set_aside"] as? Int == 6)
        #expect(Self.amount(run.account, "set_aside_total") == "10574.50")
        Self.expectAccountAddsUp(run.account)
        #expect(run.stderr.contains("(5 credits paired, 1 without remittance, 6 set aside)"))
    }

    @Test func aCorrectionLaterInTheSameFileReplacesTheGroupBeforeIt() throws {
        let file = Self.folder + "acme-bank-2026-12-04-resent.bai2"
        let run = try Self.reconcile([file], remittances: ["fixtures/cash/orchard-fresh-2026-12-04.820"])
        #expect(
            run.rows == [
                Row(
                    status: "set_aside", rule: "group-status", amount: "460.00", place: file + ":4", bankStatus: nil,
                    evidence: ["replaced_by": file + ":7", "replacing_status": "correction"]),
                Row(
                    status: "paired", rule: "trace", amount: "640.00", place: file + ":9", bankStatus: "correction",
                    evidence: run.rows.last?.evidence ?? [:]),
            ])
        #expect(run.account["credits_in"] as? Int == 1)
        #expect(run.account["set_aside"] as? Int == 1)
    }

    @Test func aDeletionWithdrawsTheEarlierCreditsOfItsAccountAndDate() throws {
        let deletion = Self.folder + "acme-bank-2026-12-04-deletion.bai2"
        let run = try Self.reconcile([Self.original, deletion])
        let credits = run.rows.filter { $0.amount != nil }
        #expect(credits.count == 6)
        #expect(
            credits.allSatisfy {
                $0.status == "set_aside"
                    && $0.evidence == ["replaced_by": deletion + ":2", "replacing_status": "deletion"]
            }, "\(credits)")
        #expect(run.rows.count == 12)
        #expect(run.rows.dropFirst(6).allSatisfy { $0.status == "remittance_without_cash" })
        #expect(run.account["credits_in"] as? Int == 0)
        #expect(run.account["set_aside"] as? Int == 6)
        #expect(Self.amount(run.account, "set_aside_total") == "10574.50")
        Self.expectAccountAddsUp(run.account)
    }

    /// A later update for the same account and date adds to the cash; a correction for another date withdraws
    /// nothing of this one.
    @Test func anUpdateGroupAndACorrectionOfAnotherDateLeaveTheOriginalAlone() throws {
        let late = Self.folder + "acme-bank-2026-12-04-late.bai2"
        let run = try Self.reconcile([Self.original, late])
        #expect(
            run.rows.map(\.status) == [
                "paired", "paired", "paired", "paired", "amount_difference", "cash_without_remittance", "paired",
                "cash_without_remittance",
            ])
        #expect(run.rows[6].place == late + ":4" && run.rows[6].bankStatus == nil)
        #expect(run.rows[7].place == late + ":9" && run.rows[7].bankStatus == "correction")
        #expect(run.account["credits_in"] as? Int == 8)
        #expect(run.account["set_aside"] as? Int == 0)
        #expect(Self.amount(run.account, "set_aside_total") == "0.00")
        Self.expectAccountAddsUp(run.account)
        #expect(run.stderr.contains("(6 credits paired, 2 without remittance)"))
    }

    @Test func anUpdateReadAfterACorrectionOfItsAccountAndDateIsReported() throws {
        // The correction given first (a glob sorts `...-correction.bai2` before `....bai2`): nothing read
        // before it is withdrawn and the original's credits, read after, count as cash beside the correction's.
        // That may be a later update of the day, so it is not set aside, but it must not go unremarked.
        let run = try Self.reconcile([Self.folder + "acme-bank-2026-12-04-correction.bai2", Self.original])
        #expect(run.rows.filter { $0.status == "set_aside" }.isEmpty)
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("credit of an update read after") }
        #expect(warnings.count == 1, "stderr: \(run.stderr)")
        #expect(
            warnings.first?.hasPrefix(Self.original + ":4:") == true,
            "located at the first credit of the update: \(warnings)")
        #expect(warnings.first?.contains(Self.folder + "acme-bank-2026-12-04-correction.bai2:2") == true)
    }

    @Test func anISOCreditThatIsNotBookedIsSetAsideNotLeftOut() throws {
        let notification = try Self.camt054(
            entry: "<Ntry><Amt Ccy=\"USD\">2450.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>"
                + "<BookgDt><Dt>2026-12-04</Dt></BookgDt></Ntry>")
        let rows = try Self.reassociationRows("fixtures/cash/open-items.csv", [notification.path])
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["status"] as? String == "set_aside")
        #expect(row["rule"] as? String == "entry-status")
        #expect(row["evidence"] as? [[String: String]] == [["name": "entry_status", "value": "PDNG"]])
    }

    /// A camt.054 entry whose detail names a remt.001 advice (`RltdRmtInf/RmtId`) is paired with that advice.
    @Test func aCamtDetailNamingARemittanceAdviceIsPairedWithIt() throws {
        let notification = try Self.camt054(
            entry: "<Ntry><Amt Ccy=\"USD\">3990.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><Dt>2026-12-02</Dt></BookgDt><NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId>"
                + "</Refs><Amt Ccy=\"USD\">3990.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                + "<RltdRmtInf><RmtId>RA-555</RmtId></RltdRmtInf></TxDtls></NtryDtls></Ntry>")
        let advice = "fixtures/iso20022/remit-remt001-v04-two-invoices.xml"
        let rows = try Self.reassociationRows("fixtures/retail/open-items.csv", [notification.path, advice])
        #expect(rows.map { $0["status"] as? String } == ["paired"], "nothing left without cash: \(rows)")
        let row = try #require(rows.first)
        #expect(row["rule"] as? String == "related-remittance")
        let payments = row["payments"] as? [[String: Any]] ?? []
        #expect(payments.map { $0["remittance_id"] as? String } == ["RA-555"])
        let evidence = (row["evidence"] as? [[String: String]] ?? []).map { $0["name"]! + "=" + $0["value"]! }
        #expect(evidence.contains("related_remittance=RA-555"), "\(evidence)")
        #expect(evidence.contains { $0.hasPrefix("bank_detail=") }, "\(evidence)")
    }

    /// A camt.054 notification for account DE02120300000000202051 holding `entry`, written to a new folder.
    static func camt054(entry: String) throws -> URL {
        let file = try RemitProcess.temporaryDirectory().appendingPathComponent("notification.xml")
        try Data(
            ("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn><Ntfctn>"
                + "<Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>" + entry
                + "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n").utf8
        ).write(to: file)
        return file
    }

    /// The rows of reassociation.jsonl after `remit reconcile` of `inputs` against `invoices`.
    static func reassociationRows(_ invoices: String, _ inputs: [String]) throws -> [[String: Any]] {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(
            ["reconcile", "--invoices", invoices, "--run-time", "2026-12-04T12:00:00Z"] + inputs + ["--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try String(contentsOf: out.appendingPathComponent("reassociation.jsonl"), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
            .map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }
}
