import Foundation
import RemitArchive
import Testing

@testable import RemitWatch

/// Runs the built `remit watch` against a temporary inbox and checks what lands where.
@Suite(.serialized) struct WatchInboxTests {
    static let outputs = [
        "deduction-register.csv", "deductions.csv", "deductions.jsonl", "invoice-tie-outs.jsonl", "matches.csv",
        "matches.jsonl", "open-invoices.csv",
        "reassociation.csv", "reassociation.jsonl", "report.html", "summary.json",
    ]

    func outputsComplete(_ harness: WatchHarness, _ folder: String) -> Bool {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: harness.out.appendingPathComponent(folder).path))
        return names?.sorted() == Self.outputs
    }

    @Test func aDroppedFileIsReconciledAndMovedToProcessed() throws {
        let harness = try WatchHarness()
        try harness.start()
        try harness.drop("a.820", Sample820.bytes(1))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["a.820"] }, "log: \(harness.log)")
        #expect(outputsComplete(harness, "a.820"))
        #expect(harness.stop() == 0)
        let entry = try #require(try harness.ledger().entries().first)
        #expect(entry.state == .done && entry.outcome == .processed && entry.format == "x12")
        #expect(entry.outputs.count == Self.outputs.count && entry.destination == "processed/a.820")
        #expect(harness.log.contains("info remit.watch: file processed file=a.820 sha256=\(entry.sha256 ?? "-")"))
        #expect(harness.log.contains("format=x12 records=2 outcome=processed"))
        let summary = try String(contentsOf: harness.out.appendingPathComponent("a.820/summary.json"), encoding: .utf8)
        #expect(summary.contains(#""path":"inbox/a.820""#) && summary.contains(#""path":"invoices.csv""#))
    }

    @Test func aFileMovedInIsProcessed() throws {
        let harness = try WatchHarness()
        try harness.start()
        try harness.moveIn("moved.820", Sample820.bytes(2))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["moved.820"] }, "log: \(harness.log)")
        #expect(harness.stop() == 0)
    }

    @Test func aFileWrittenSlowlyIsTakenOnlyWhenClosed() throws {
        let harness = try WatchHarness()
        try harness.start()
        let bytes = Sample820.bytes(3)
        #expect(harness.waitUntil { harness.log.contains("watching") })
        let path = harness.inbox.appendingPathComponent("slow.820").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        let chunks = stride(from: 0, to: bytes.count, by: 100).map { Array(bytes[$0..<min($0 + 100, bytes.count)]) }
        for chunk in chunks {
            _ = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            usleep(150_000)
            #expect(harness.names(in: "processed").isEmpty && harness.names(in: "failed").isEmpty)
        }
        close(fd)
        #expect(harness.waitUntil { harness.names(in: "processed") == ["slow.820"] }, "log: \(harness.log)")
        // Found by the start-up scan while still open for writing: left until closed.
        let second = harness.inbox.appendingPathComponent("slow-2.820").path
        #expect(harness.stop() == 0)
        let fd2 = open(second, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let bytes2 = Sample820.bytes(33)
        _ = bytes2.withUnsafeBytes { write(fd2, $0.baseAddress, 50) }
        try harness.start()
        #expect(harness.waitUntil { harness.log.contains("watching") })
        usleep(300_000)
        #expect(harness.names(in: "processed") == ["slow.820"] && harness.names(in: "failed").isEmpty)
        _ = bytes2.withUnsafeBytes { write(fd2, $0.baseAddress! + 50, $0.count - 50) }
        close(fd2)
        #expect(
            harness.waitUntil { harness.names(in: "processed") == ["slow-2.820", "slow.820"] }, "log: \(harness.log)")
        #expect(harness.stop() == 0)
        #expect(try harness.ledger().entries().map(\.size) == [Int64(bytes.count), Int64(bytes2.count)])
    }

    @Test func theSameContentTwiceIsADuplicate() throws {
        let harness = try WatchHarness()
        try harness.start()
        try harness.drop("first.820", Sample820.bytes(4))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["first.820"] })
        try harness.drop("second.820", Sample820.bytes(4))
        #expect(harness.waitUntil { harness.names(in: "duplicates") == ["second.820"] }, "log: \(harness.log)")
        #expect(harness.stop() == 0)
        let ledger = try harness.ledger()
        #expect(try ledger.entries().count == 1)
        #expect(try ledger.duplicates().map(\.name) == ["second.820"])
        #expect(!harness.exists("out/second.820"))
        #expect(harness.log.contains("duplicate file=second.820"))
    }

    @Test func withAHistoryAPaymentResentInALaterFileIsNotAppliedTwice() throws {
        let harness = try WatchHarness()
        let history = harness.out.deletingLastPathComponent().appendingPathComponent("history.sqlite3")
        try harness.start(["--history", history.path])
        try harness.drop("first.820", Sample820.bytes(8))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["first.820"] }, "log: \(harness.log)")
        // The same payment in a new interchange (another control number): other bytes, the same money.
        let resent = String(decoding: Sample820.bytes(8), as: UTF8.self).replacingOccurrences(
            of: "000000031", with: "000000032")
        try harness.drop("resent.820", Array(resent.utf8))
        #expect(
            harness.waitUntil { harness.names(in: "processed") == ["first.820", "resent.820"] }, "log: \(harness.log)")
        #expect(harness.stop() == 0)
        let first = try String(
            contentsOf: harness.out.appendingPathComponent("first.820/matches.jsonl"), encoding: .utf8)
        let again = try String(
            contentsOf: harness.out.appendingPathComponent("resent.820/matches.jsonl"), encoding: .utf8)
        #expect(first.contains(#""rule":"exact-reference""#), "\(first)")
        #expect(
            again.contains(#""rule":"duplicate-payment""#) && again.contains("inbox/first.820 (run of "), "\(again)")
    }

    @Test func filesDroppedWhileStoppedAreProcessedAtStartUp() throws {
        let harness = try WatchHarness()
        try harness.drop("early-1.820", Sample820.bytes(5))
        try harness.drop("early-2.820", Sample820.bytes(6))
        try harness.start()
        #expect(
            harness.waitUntil { harness.names(in: "processed") == ["early-1.820", "early-2.820"] },
            "log: \(harness.log)")
        #expect(harness.stop() == 0)
    }

    @Test func temporaryAndHiddenNamesAreLeftAlone() throws {
        let harness = try WatchHarness()
        try harness.start()
        try harness.drop("upload.820.part", Sample820.bytes(7))
        try harness.drop(".hidden.820", Sample820.bytes(8))
        try harness.drop("edit.820~", Sample820.bytes(9))
        try harness.drop("x.tmp", Sample820.bytes(10))
        try harness.drop("marker.820", Sample820.bytes(11))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["marker.820"] })
        #expect(harness.names(in: "") == [".hidden.820", "edit.820~", "upload.820.part", "x.tmp"])
        // The producer's rename to the final name is the signal.
        try FileManager.default.moveItem(
            at: harness.inbox.appendingPathComponent("upload.820.part"),
            to: harness.inbox.appendingPathComponent("upload.820"))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["marker.820", "upload.820"] })
        #expect(harness.stop() == 0)
    }

    @Test func aGzippedFileIsExpandedAndRead() throws {
        let harness = try WatchHarness()
        try harness.start()
        try harness.drop("pay.820.gz", ZlibStream.compress(Sample820.bytes(12), mode: .gzip))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["pay.820.gz"] }, "log: \(harness.log)")
        #expect(harness.stop() == 0)
        let entry = try #require(try harness.ledger().entries().first)
        #expect(entry.format == "gzip+x12" && entry.records == 2)
        #expect(outputsComplete(harness, "pay.820.gz"))
    }

    @Test func aZipOfSeveralRemittancesIsExpandedAndReadTogether() throws {
        let harness = try WatchHarness()
        try harness.start()
        let archive = try ZipBuilder.build([
            .init(name: "one.820", bytes: Sample820.bytes(13)),
            .init(name: "sub/two.820", bytes: Sample820.bytes(14), deflate: false),
            .init(name: "__MACOSX/._one.820", bytes: [0, 1, 2]),
        ])
        try harness.drop("batch.zip", archive)
        #expect(harness.waitUntil { harness.names(in: "processed") == ["batch.zip"] }, "log: \(harness.log)")
        #expect(harness.stop() == 0)
        let entry = try #require(try harness.ledger().entries().first)
        #expect(entry.format == "zip+x12,x12" && entry.records == 4)
    }

    @Test func aZipThatEscapesItsFolderFailsWithTheEntryNamed() throws {
        let harness = try WatchHarness()
        try harness.start()
        try harness.drop("evil.zip", ZipBuilder.build([.init(name: "../../escaped.820", bytes: Sample820.bytes(15))]))
        try harness.drop(
            "link.zip", ZipBuilder.build([.init(name: "l.820", bytes: Array("/etc/passwd".utf8), unixMode: 0o120777)]))
        #expect(harness.waitUntil { harness.names(in: "failed").count == 4 }, "log: \(harness.log)")
        #expect(harness.stop() == 0)
        #expect(!harness.exists("escaped.820") && !harness.exists("out/escaped.820"))
        let evil = try String(
            contentsOf: harness.inbox.appendingPathComponent("failed/evil.zip.error.txt"), encoding: .utf8)
        #expect(evil.contains("inbox/evil.zip: error: entry name '../../escaped.820' would leave the target folder"))
        let link = try String(
            contentsOf: harness.inbox.appendingPathComponent("failed/link.zip.error.txt"), encoding: .utf8)
        #expect(link.contains("entry 'l.820' is a symbolic link"))
    }

    @Test func aSymlinkIsQuarantinedAndNeverFollowed() throws {
        let harness = try WatchHarness()
        let secret = harness.root.appendingPathComponent("secret.820")
        try Data(Sample820.bytes(16)).write(to: secret)
        try harness.start()
        try FileManager.default.createSymbolicLink(
            at: harness.inbox.appendingPathComponent("link.820"), withDestinationURL: secret)
        #expect(mkfifo(harness.inbox.appendingPathComponent("pipe.820").path, 0o600) == 0)
        #expect(
            harness.waitUntil { harness.names(in: "quarantine") == ["link.820", "pipe.820"] }, "log: \(harness.log)")
        #expect(harness.stop() == 0)
        let entries = try harness.ledger().entries()
        #expect(entries.map(\.outcome) == [.quarantined, .quarantined] && entries.allSatisfy { $0.sha256 == nil })
        #expect(!harness.exists("out/link.820"))
        #expect(harness.log.contains("error remit.watch: refused file=link.820 kind=\"symbolic link\""))
    }

    @Test func aMalformedFileFailsWithEveryLocatedError() throws {
        let harness = try WatchHarness()
        try harness.start()
        var bad = Sample820.bytes(17)
        let text = String(decoding: bad, as: UTF8.self).replacingOccurrences(of: "BPR*C*1034.00", with: "BPR*C*1O34.00")
        bad = Array(text.utf8)
        try harness.drop("bad.820", bad)
        try harness.drop("junk.txt", Array("hello\n".utf8))
        #expect(harness.waitUntil { harness.names(in: "failed").count == 4 }, "log: \(harness.log)")
        #expect(harness.stop() == 0)
        let badErrors = try String(
            contentsOf: harness.inbox.appendingPathComponent("failed/bad.820.error.txt"), encoding: .utf8)
        #expect(badErrors.contains("inbox/bad.820:4:7: error: BPR02 '1O34.00' is not an amount"))
        let junk = try String(
            contentsOf: harness.inbox.appendingPathComponent("failed/junk.txt.error.txt"), encoding: .utf8)
        #expect(junk.contains("inbox/junk.txt:1:1: error: not a recognised remittance or bank file"))
        #expect(harness.log.contains("error remit.watch: file failed file=junk.txt"))
    }

    @Test func jsonLogsAreOneObjectPerLine() throws {
        let harness = try WatchHarness()
        try harness.start(["--log-format", "json"])
        try harness.drop("j.820", Sample820.bytes(18))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["j.820"] })
        #expect(harness.stop() == 0)
        let lines = harness.log.split(separator: "\n")
        #expect(lines.count >= 4)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] != nil && object?["message"] != nil, "\(line)")
        }
        #expect(harness.log.contains(#""message":"file processed","file":"j.820""#))
        // Counts and durations are JSON numbers, so a log shipper can add them up.
        let processed = try lines.compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.first { $0["message"] as? String == "file processed" }
        #expect(processed?["records"] is Int, "\(String(describing: processed))")
        #expect(processed?["duration_ms"] is Int)
        #expect(processed?["file"] is String)
    }

    @Test func aFolderOfExportsUsesTheNewestCompleteOne() throws {
        let harness = try WatchHarness()
        let exports = harness.root.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        let csv = try Data(contentsOf: harness.root.appendingPathComponent("invoices.csv"))
        try csv.write(to: exports.appendingPathComponent("open-items-1.csv"))
        try csv.write(to: exports.appendingPathComponent("open-items-2.csv"))
        try csv.write(to: exports.appendingPathComponent("open-items-3.csv.part"))
        let old = Date().addingTimeInterval(-60)
        try FileManager.default.setAttributes(
            [.modificationDate: old], ofItemAtPath: exports.appendingPathComponent("open-items-1.csv").path)
        try FileManager.default.setAttributes(
            [.modificationDate: old.addingTimeInterval(10)],
            ofItemAtPath: exports.appendingPathComponent("open-items-2.csv").path)
        try harness.start(invoices: "exports")
        try harness.drop("e.820", Sample820.bytes(19))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["e.820"] }, "log: \(harness.log)")
        #expect(harness.stop() == 0)
        let summary = try String(contentsOf: harness.out.appendingPathComponent("e.820/summary.json"), encoding: .utf8)
        #expect(summary.contains(#""path":"exports/open-items-2.csv""#))
    }

    @Test func onceWaitsForAnExportThatIsStillSettling() throws {
        let harness = try WatchHarness()
        let exports = harness.root.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        try harness.drop("w.820", Sample820.bytes(23))
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-60)],
            ofItemAtPath: harness.root.appendingPathComponent("inbox/w.820").path)
        // The remittance is settled; the export, written just now, is not yet, and is waited for.
        try Data(contentsOf: harness.root.appendingPathComponent("invoices.csv"))
            .write(to: exports.appendingPathComponent("open-items.csv"))
        try harness.start(["--once", "--settle-ms", "800"], invoices: "exports")
        #expect(harness.waitForExit() == 0, "log: \(harness.log)")
        #expect(harness.names(in: "processed") == ["w.820"])
        #expect(harness.log.contains("waiting for the invoice export to settle"), "log: \(harness.log)")
        #expect(!harness.log.contains(" error remit.watch"), "a settling export is no error; log: \(harness.log)")
    }

    @Test func onceStillEndsWhenTheExportFolderIsEmpty() throws {
        let harness = try WatchHarness()
        try FileManager.default.createDirectory(
            at: harness.root.appendingPathComponent("exports"), withIntermediateDirectories: true)
        try harness.drop("w.820", Sample820.bytes(24))
        try harness.start(["--once"], invoices: "exports")
        #expect(harness.waitForExit() == 2, "log: \(harness.log)")
        #expect(harness.log.contains("no usable invoice export"))
        #expect(harness.names(in: "") == ["w.820"], "the file waits in the inbox")
    }

    @Test func statusShowsWhatTheLedgerHolds() throws {
        let harness = try WatchHarness()
        try harness.start()
        try harness.drop("s.820", Sample820.bytes(20))
        try harness.drop("junk.txt", Array("nope\n".utf8))
        #expect(
            harness.waitUntil { harness.names(in: "failed").count == 2 && harness.names(in: "processed").count == 1 })
        try harness.drop("s-again.820", Sample820.bytes(20))
        #expect(harness.waitUntil { harness.names(in: "duplicates").count == 1 })
        #expect(harness.stop() == 0)
        let status = try harness.run(["status", "--out", "out"])
        #expect(status.status == 0)
        #expect(status.output.contains("processed  s.820  sha256="))
        #expect(status.output.contains("outputs=s.820/ (11 files)  moved_to=processed/s.820"))
        #expect(status.output.contains("    inbox/junk.txt:1:1: error: not a recognised"))
        #expect(status.output.contains("3 files seen: 1 processed, 1 failed, 1 duplicate; ledger out/ledger.sqlite3"))
        let json = try harness.run(["status", "--out", "out", "--json"])
        #expect(json.output.split(separator: "\n").count == 3)
    }

    @Test func outputsAreNoWiderThanTheInbox() throws {
        let harness = try WatchHarness()
        #expect(chmod(harness.inbox.path, 0o750) == 0)
        try harness.start()
        try harness.drop("p.820", Sample820.bytes(21))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["p.820"] })
        #expect(harness.stop() == 0)
        for relative in ["out/p.820", "out/p.820/report.html", "out/ledger.sqlite3", "inbox/processed"] {
            var info = stat()
            #expect(lstat(harness.root.appendingPathComponent(relative).path, &info) == 0)
            #expect(info.st_mode & 0o027 == 0, "\(relative) has mode \(String(info.st_mode & 0o777, radix: 8))")
        }
    }

    @Test func sigtermStopsCleanlyAndOnceDrainsTheInbox() throws {
        let harness = try WatchHarness()
        try harness.start()
        #expect(harness.waitUntil { harness.log.contains("watching") })
        #expect(harness.stop(SIGINT) == 0)
        #expect(harness.log.contains("notice remit.watch: stop requested signal=SIGINT"))
        try harness.drop("o.820", Sample820.bytes(22))
        try harness.start(["--once"])
        #expect(harness.waitForExit() == 0)
        #expect(harness.names(in: "processed") == ["o.820"])
    }

    @Test func sigtermFinishesTheFileInHandAndLeavesTheRestForTheNextStart() throws {
        let harness = try WatchHarness()
        for index in 0..<40 { try harness.drop("q-\(index + 100).820", Sample820.bytes(300 + index)) }
        try harness.start()
        #expect(harness.waitUntil { !harness.names(in: "processed").isEmpty })
        #expect(harness.stop(SIGTERM) == 0)
        // Nothing half done: every entry is finished and every file is either moved or still waiting.
        #expect(try harness.ledger().unfinished().isEmpty)
        let done = harness.names(in: "processed")
        #expect(done.count + harness.names(in: "").count == 40)
        try harness.start(["--once"])
        #expect(harness.waitForExit() == 0)
        #expect(harness.names(in: "processed").count == 40 && harness.names(in: "").isEmpty)
    }

    @Test(arguments: [false, true])
    func anImpatientStopIsStillConsistentOnRestart(secondSignal: Bool) throws {
        let harness = try WatchHarness()
        for index in 0..<30 { try harness.drop("i-\(index + 100).820", Sample820.bytes(400 + index)) }
        // A timeout far shorter than one file: the stop gives up on the file in hand.
        try harness.start(secondSignal ? [] : ["--shutdown-timeout", "0.001"])
        #expect(harness.waitUntil { !harness.names(in: "processed").isEmpty })
        let status: Int32
        if secondSignal {
            let pid = try #require(harness.process?.processIdentifier)
            kill(pid, SIGTERM)
            status = harness.stop(SIGTERM)
            #expect(status == 0 || status == 128 + SIGTERM)
        } else {
            status = harness.stop(SIGTERM)
            #expect(status == 0 || status == 1)
        }
        try harness.start(["--once"])
        #expect(harness.waitForExit() == 0)
        #expect(harness.names(in: "processed").count == 30 && harness.names(in: "").isEmpty)
        #expect(try harness.ledger().entries().allSatisfy { $0.state == .done && $0.outcome == .processed })
        if status != 0 { #expect(harness.log.contains("exiting")) }
    }

    @Test func repeatedEventsForOneFileAreFolded() throws {
        let harness = try WatchHarness()
        try harness.start(["--log-level", "debug"])
        #expect(harness.waitUntil { harness.log.contains("watching") })
        // Writes a temporary file and renames it: MOVED_TO, then CLOSE_WRITE, for one name.
        #expect(
            FileManager.default.createFile(
                atPath: harness.inbox.appendingPathComponent("twice.820").path, contents: Data(Sample820.bytes(23))))
        #expect(harness.waitUntil { harness.names(in: "processed") == ["twice.820"] })
        usleep(200_000)
        #expect(harness.stop() == 0)
        let lines = harness.log.split(separator: "\n").filter { $0.contains("file=twice.820") && $0.contains(" info ") }
        #expect(lines.count == 1, "\(harness.log)")
        #expect(try harness.ledger().duplicates().isEmpty && harness.names(in: "duplicates").isEmpty)
    }

    @Test func badCommandLinesAndAMissingInbox() throws {
        let harness = try WatchHarness()
        #expect(try harness.run(["watch"]).status == 64)
        #expect(try harness.run(["watch", "inbox", "--out", "out"]).status == 64)
        #expect(
            try harness.run(["watch", "inbox", "--invoices", "invoices.csv", "--out", "o", "--log-format", "xml"])
                .status == 64)
        let missing = try harness.run(["watch", "nowhere", "--invoices", "invoices.csv", "--out", "out", "--once"])
        #expect(missing.status == 2)
        #expect(missing.output.contains("nowhere: error: the inbox is not a folder"))
        let noExport = try harness.run(["watch", "inbox", "--invoices", "none.csv", "--out", "out", "--once"])
        try harness.drop("w.820", Sample820.bytes(24))
        let waiting = try harness.run(["watch", "inbox", "--invoices", "none.csv", "--out", "out", "--once"])
        #expect(noExport.status == 0 && waiting.status == 2)
        #expect(waiting.output.contains("none.csv: error: the invoice export does not exist"))
        #expect(harness.names(in: "") == ["w.820"])
        #expect(try harness.run(["help", "watch"]).output.contains("remit watch INBOX --invoices PATH --out DIR"))
        #expect(try harness.run(["status"]).status == 64)
    }

    @Test func workersNeverHandleOneContentTwice() throws {
        let harness = try WatchHarness()
        try harness.drop("a-1.820", Sample820.bytes(25))
        try harness.drop("a-2.820", Sample820.bytes(25))
        try harness.drop("a-3.820", Sample820.bytes(25))
        try harness.drop("b.820", Sample820.bytes(26))
        try harness.start(["--workers", "4", "--once"])
        #expect(harness.waitForExit() == 0, "\(harness.log)")
        #expect(harness.names(in: "processed").count == 2 && harness.names(in: "duplicates").count == 2)
        #expect(try harness.ledger().entries().count == 2)
        #expect(harness.names(in: "processed").contains("b.820"))
    }

    @Test func anInterruptedEntryWhoseNameNowHoldsOtherContentIsLetGo() throws {
        let harness = try WatchHarness()
        try FileManager.default.createDirectory(
            at: harness.out.appendingPathComponent("r.820"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: harness.out.appendingPathComponent("r.820/report.html"))
        do {
            let ledger = try harness.ledger()
            _ = try ledger.claim(sha256: "0000", name: "r.820", size: 4, firstSeen: "t", outputFolder: "r.820")
        }
        try harness.drop("r.820", Sample820.bytes(27))
        try harness.start(["--once"])
        #expect(harness.waitForExit() == 0, "\(harness.log)")
        let entries = try harness.ledger().entries()
        #expect(entries.map(\.outcome) == [.vanished, .processed])
        #expect(entries.last?.outputFolder == "r.820" && outputsComplete(harness, "r.820"))
        let report = try String(contentsOf: harness.out.appendingPathComponent("r.820/report.html"), encoding: .utf8)
        #expect(report != "half")
    }
}
