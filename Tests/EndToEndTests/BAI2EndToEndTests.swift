import Foundation
import Testing

/// Runs the built `remit` on the bundled BAI2 samples.
@Suite struct BAI2EndToEndTests {
    static let sample = "fixtures/bai2/moov-sample1-cad-fixed80-signed-valuedated.bai2"

    @Test func convertsABankFileToBankTransactions() throws {
        let result = try RemitProcess.run(["convert", Self.sample])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        let records = try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(records.count == 17)
        #expect(records.allSatisfy { $0["record_type"] as? String == "bank_transaction" })
        let first = records[0]
        #expect(first["account"] as? String == "10200123456")
        #expect(first["type_code"] as? String == "409")
        #expect(first["direction"] as? String == "debit")
        #expect(first["as_of_date"] as? String == "2006-03-17")
        #expect(first["value_date"] as? String == "2006-03-16")
        #expect(first["funds_type"] as? String == "V")
        #expect(first["text"] as? String == "RETURNED CHEQUE")
        let amount = first["amount"] as! [String: Any]
        #expect(amount["amount"] as? String == "25.00")
        #expect(amount["currency"] as? String == "CAD")
        let source = first["source"] as! [String: Any]
        #expect(source["line"] as? Int == 5)
        #expect(source["segment_index"] as? Int == 5)
        #expect(source["transaction_id"] as? String == "03@3")
        #expect((source["sha256"] as? String)?.count == 64)
        #expect((first["id"] as? String)?.hasSuffix(":bank:5") == true)
    }

    @Test func everyBundledSampleConvertsOrGivesALocatedError() throws {
        let folder = RemitProcess.packageRoot.appendingPathComponent("fixtures/bai2")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bai2") }
        #expect(names.count == 15)
        for name in names {
            let path = folder.appendingPathComponent(name).path
            let result = try RemitProcess.run(["convert", path])
            #expect([0, 1].contains(result.status), "\(name): exit \(result.status)")
            if result.status == 1 { #expect(result.stderr.contains("\(path):"), "\(name): \(result.stderr)") }
        }
    }

    @Test func aTruncatedFileIsAnErrorWithItsPlace() throws {
        let result = try RemitProcess.run(["convert", "fixtures/bai2/dnsbty-truncated-no-trailers.bai2"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains(
                "fixtures/bai2/dnsbty-truncated-no-trailers.bai2:3:60: error: account 10200123456 (line 3) has no 49"))
    }

    @Test func strictMakesAControlTotalMismatchAnError() throws {
        let path = "fixtures/bai2/vh-eod-control-total-off-by-one.bai2"
        let lenient = try RemitProcess.run(["convert", path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("\(path):15:1: warning: 49 control total is 83259.83 USD"))
        let strict = try RemitProcess.run(["convert", "--strict", path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("\(path):15:1: error: 49 control total is 83259.83 USD"))
        // Under --strict the account whose totals do not add up is left out whole, as any transaction is.
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.contains("\(path):3:1: error: transaction 03@3 rejected under --strict"))
    }

    @Test func reconcileCountsBankTransactionsBesideRemittances() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--run-time", "2026-12-03T12:00:00Z",
            "--out", out.path, "fixtures/retail/bigmart-2026-11-30.820", Self.sample,
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("17 bank transactions (0 credits paired, 5 without remittance)"))
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            as! [String: Any]
        let files = try #require(summary["files"] as? [[String: Any]])
        let bank = try #require(files.first { $0["format"] as? String == "bai2" })
        #expect(bank["bank_transactions"] as? Int == 17)
        #expect(bank["status"] as? String == "processed")
        #expect(files.first { $0["format"] as? String == "x12" }?["bank_transactions"] as? Int == 0)
    }
}
