import Foundation
import Testing

/// `remit convert` and `remit reconcile` read a .zip member by member, each as an input of its own named
/// `archive.zip!member`, under the limits and refusals of `remit watch`, leaving nothing in the temporary
/// folder. The archives are written by `fixtures/zip/make-zip-fixtures.py`.
@Suite struct ZipInputEndToEndTests {
    /// Runs `remit` with a private `TMPDIR`, and checks that it is empty again afterwards.
    static func run(_ arguments: [String]) throws -> RemitProcess.Result {
        let temporary = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(arguments, environment: ["TMPDIR": temporary.path])
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(left.isEmpty, "left behind in TMPDIR: \(left)")
        return result
    }

    static func records(_ path: URL) throws -> [[String: Any]] {
        try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    static func sourceFiles(_ records: [[String: Any]]) -> [String: Int] {
        records.reduce(into: [:]) { counts, record in
            counts[(record["source"] as! [String: Any])["file"] as! String, default: 0] += 1
        }
    }

    @Test func convertReadsEveryMemberUnderItsArchiveName() throws {
        let out = try RemitProcess.temporaryDirectory().appendingPathComponent("records.jsonl")
        let result = try Self.run(["convert", "-o", out.path, "fixtures/zip/remittances.zip"])
        // One member holds a bad amount: exit 1, and the error names the archive and the member.
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "fixtures/zip/remittances.zip!camt054-prefixed.xml:6:0: error: '12O.00' is not an amount"),
            "\(result.stderr)")
        let files = Self.sourceFiles(try Self.records(out))
        #expect(
            Set(files.keys) == [
                "fixtures/zip/remittances.zip!in/camt054-deductions.xml",
                "fixtures/zip/remittances.zip!camt054-prefixed.xml",
            ])
        // Read alone, the member's file gives as many records as it gives from the archive.
        let alone = try RemitProcess.temporaryDirectory().appendingPathComponent("alone.jsonl")
        _ = try RemitProcess.run(["convert", "-o", alone.path, "fixtures/iso20022/remit-camt054-v08-deductions.xml"])
        #expect(files["fixtures/zip/remittances.zip!in/camt054-deductions.xml"] == (try Self.records(alone)).count)
    }

    @Test func aDamagedMemberIsAnErrorAndTheOthersAreRead() throws {
        let out = try RemitProcess.temporaryDirectory().appendingPathComponent("records.jsonl")
        let result = try Self.run(["convert", "-o", out.path, "fixtures/zip/damaged-member.zip"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("fixtures/zip/damaged-member.zip: error: entry 'damaged.xml'"), "\(result.stderr)")
        #expect(result.stderr.contains("[byte "))
        let files = Self.sourceFiles(try Self.records(out))
        #expect(
            Set(files.keys) == [
                "fixtures/zip/damaged-member.zip!first.xml", "fixtures/zip/damaged-member.zip!last.xml",
            ])
    }

    @Test func anArchiveWithANameLeavingTheFolderIsRefusedWhole() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let out = folder.appendingPathComponent("records.jsonl")
        let result = try Self.run(["convert", "-o", out.path, "fixtures/zip/escaping-name.zip"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("entry name '../outside.xml' would leave the target folder"), "\(result.stderr)")
        #expect(try Self.records(out).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("outside.xml").path))
    }

    /// A refused archive is still in the manifest with its own size and SHA-256, not as an empty file.
    @Test func reconcileFingerprintsARefusedArchive() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try Self.run([
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--run-time", "2026-12-03T12:00:00Z",
            "fixtures/zip/escaping-name.zip", "--out", out.path,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        let summary =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        let inputs = (summary["manifest"] as! [String: Any])["inputs"] as! [[String: Any]]
        let archive = try #require(inputs.first { $0["path"] as? String == "fixtures/zip/escaping-name.zip" })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: RemitProcess.fixture("zip/escaping-name.zip")))
        #expect(archive["size"] as? Int == bytes.count)
        #expect((archive["sha256"] as? String)?.count == 64)
    }

    /// The retail example reconciled from one archive matches exactly as from its three files; the manifest
    /// lists each member with its own fingerprint.
    @Test func reconcileReadsAnArchiveAsItsFiles() throws {
        let names = [
            "bigmart-2026-11-30.820", "corner-grocer-2026-12-01.820", "bigmart-mueller-camt054-2026-12-02.xml",
        ]
        let common = [
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--run-time", "2026-12-03T12:00:00Z",
        ]
        let zipped = try RemitProcess.temporaryDirectory()
        let fromZip = try Self.run(common + ["fixtures/zip/retail.zip", "--out", zipped.path])
        let plain = try RemitProcess.temporaryDirectory()
        let fromFiles = try RemitProcess.run(common + names.map { "fixtures/retail/" + $0 } + ["--out", plain.path])
        #expect(fromZip.status == 0, "\(fromZip.stderr)")
        #expect(
            fromZip.stderr.replacingOccurrences(of: zipped.path, with: "OUT")
                == fromFiles.stderr.replacingOccurrences(of: plain.path, with: "OUT"))
        let matches = try String(contentsOf: zipped.appendingPathComponent("matches.csv"), encoding: .utf8)
        #expect(
            matches.replacingOccurrences(of: "fixtures/zip/retail.zip!", with: "fixtures/retail/")
                == (try String(contentsOf: plain.appendingPathComponent("matches.csv"), encoding: .utf8)))
        let summary =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: zipped.appendingPathComponent("summary.json"))) as! [String: Any]
        let inputs = (summary["manifest"] as! [String: Any])["inputs"] as! [[String: Any]]
        #expect(
            Array(inputs.map { $0["path"] as! String }.dropFirst()) == names.map { "fixtures/zip/retail.zip!" + $0 })
        #expect(inputs.dropFirst().allSatisfy { ($0["sha256"] as? String)?.count == 64 })
    }
}
