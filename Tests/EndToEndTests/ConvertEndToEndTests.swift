import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ConvertEndToEndTests {
    @Test func streamsCanonicalRecordsAsJSONLines() throws {
        let result = try RemitProcess.run(["convert", "fixtures/retail/bigmart-2026-11-30.820"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let records = try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let kinds = records.map { $0["record_type"] as! String }
        #expect(kinds.filter { $0 == "payment" }.count == 1)
        #expect(kinds.filter { $0 == "remittance_line" }.count == 13)
        // Six stated ADX, and the two short pays the remittance's own figures show (100104 and 100105).
        #expect(kinds.filter { $0 == "deduction" }.count == 8)
        let payment = try #require(records.first { $0["record_type"] as? String == "payment" })
        #expect((payment["amount"] as! [String: Any])["amount"] as? String == "16909.50")
        #expect(payment["trace_number"] as? String == "ACH88812345")
        let source = payment["source"] as! [String: Any]
        #expect(source["segment_index"] as? Int == 4)
        #expect(source["line"] as? Int == 4)
        #expect(source["interchange_control"] as? String == "000004711")
        #expect((source["sha256"] as? String)?.count == 64)
    }

    @Test func anEmptyOrBlankFileIsCalledSoAndTheOthersAreStillRead() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let empty = folder.appendingPathComponent("empty.820")
        let blank = folder.appendingPathComponent("blank.820")
        let junk = folder.appendingPathComponent("junk.820")
        try Data().write(to: empty)
        try Data([0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x20, 0x0A]).write(to: blank)
        try Data("\n\nPAYMENT\n".utf8).write(to: junk)
        let halfMark = folder.appendingPathComponent("half-mark.820")
        try Data([0xEF, 0xBB, 0x0A]).write(to: halfMark)
        let result = try RemitProcess.run([
            "convert", empty.path, blank.path, junk.path, halfMark.path, "fixtures/retail/corner-grocer-2026-12-01.820",
        ])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(empty.path):1:1: error: the file is empty (0 bytes) [byte 0]"))
        #expect(
            lines.contains(
                "\(blank.path):1:1: error: the file holds only white space and line breaks (7 bytes) [byte 0]"))
        #expect(lines.contains { $0.hasPrefix("\(junk.path):1:1: error: not a recognised remittance or bank file") })
        #expect(
            lines.contains { $0.hasPrefix("\(halfMark.path):1:1: error: not a recognised") },
            "two bytes of a byte order mark are no blank: \(lines)")
        #expect(result.stdout.contains("\"record_type\":\"payment\""), "the good file is still converted")
    }

    /// libxml2 prints a failed encoding conversion on stderr itself unless told not to; every line on stderr
    /// must be a located diagnostic or the closing line.
    @Test func anEncodingLibxml2CannotConvertPrintsOnlyDiagnostics() throws {
        let file = try RemitProcess.temporaryDirectory().appendingPathComponent("ebcdic.xml")
        try Data(
            "<?xml version=\"1.0\" encoding=\"EBCDIC-US\"?>\n<Document><BkToCstmrStmt/></Document>\n".utf8
        ).write(to: file)
        let result = try RemitProcess.run(["convert", file.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix(file.path + ":1:") == true, "\(result.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix(file.path + ":") || $0.hasPrefix("remit: ") }, "\(result.stderr)")
    }

    @Test func writesOneCSVTableWithARecordTypeColumn() throws {
        let out = try RemitProcess.temporaryDirectory().appendingPathComponent("records.csv")
        let result = try RemitProcess.run([
            "convert", "--to", "csv", "-o", out.path, "fixtures/retail/corner-grocer-2026-12-01.820",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = try String(contentsOf: out, encoding: .utf8).split(separator: "\r\n")
        #expect(rows.first?.hasPrefix("record_type,id,") == true)
        #expect(rows.dropFirst().map { $0.split(separator: ",").first! } == ["payment", "remittance_line"])
    }

    @Test func writesToDevNullAndPipes() throws {
        // A character device cannot be fsynced (EINVAL); an integrator discarding the records must still get 0.
        let result = try RemitProcess.run(["convert", "-o", "/dev/null", "fixtures/retail/bigmart-2026-11-30.820"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("error"))
    }

    @Test func strictLeavesOutATransactionThatDoesNotTieOut() throws {
        let file = "fixtures/x12/remit-820-short-pay.edi"
        let lenient = try RemitProcess.run(["convert", file])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.split(separator: "\n").count == 7)
        #expect(lenient.stderr.contains("warning: BPR02 1725.00 CAD differs"))
        let strict = try RemitProcess.run(["convert", "--strict", file])
        #expect(strict.status == 1)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.contains("error: BPR02 1725.00 CAD differs"))
        #expect(strict.stderr.contains("\(file):3:1: error: transaction ST@3 rejected under --strict"))
    }

    @Test func refusesToWriteOverItsInput() throws {
        let dir = try RemitProcess.temporaryDirectory()
        let file = dir.appendingPathComponent("victim.820")
        try FileManager.default.copyItem(
            atPath: RemitProcess.fixture("retail/bigmart-2026-11-30.820"), toPath: file.path)
        let before = try Data(contentsOf: file)
        let result = try RemitProcess.run(["convert", "-o", file.path, file.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("\(file.path): error: the output file is the input \(file.path)"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func refusesPipesAndDevicesWithAClearError() throws {
        let dir = try RemitProcess.temporaryDirectory()
        let fifo = dir.appendingPathComponent("drop.820")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // Nobody writes to the FIFO: opening it for reading would block, so the check must come before any read.
        // Open it here read-write first, so the child's open does not block either.
        let holder = open(fifo.path, O_RDWR)
        defer { close(holder) }
        for path in [fifo.path, "/dev/zero"] {
            let result = try RemitProcess.run(["convert", path])
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("not a regular file"), "\(path): \(result.stderr)")
        }
    }

    @Test func aFIFONobodyWritesToIsRefusedWithoutWaitingForAWriter() throws {
        let dir = try RemitProcess.temporaryDirectory()
        let fifo = dir.appendingPathComponent("drop.820")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let invoices = RemitProcess.fixture("retail/open-items.csv")
        let good = RemitProcess.fixture("retail/bigmart-2026-11-30.820")
        let runs: [(arguments: [String], status: Int32)] = [
            (["convert", fifo.path], 1),
            (["reconcile", "--invoices", invoices, "--out", dir.appendingPathComponent("a").path, fifo.path], 1),
            (["reconcile", "--invoices", fifo.path, "--out", dir.appendingPathComponent("b").path, good], 2),
        ]
        for run in runs {
            // A child blocked in open(2) on the FIFO is released after 10 s by a writer opening it (again at
            // each later open), so the test ends either way; `rescued` says it had to be.
            let finished = DispatchSemaphore(value: 0)
            let rescued = Rescue()
            let path = fifo.path
            DispatchQueue.global().async {
                var wait = 10.0
                while finished.wait(timeout: .now() + wait) == .timedOut {
                    wait = 0.05
                    let writer = open(path, O_WRONLY | O_NONBLOCK)
                    if writer >= 0 {
                        rescued.set()
                        close(writer)
                    }
                }
            }
            let result = try RemitProcess.run(run.arguments)
            finished.signal()
            #expect(!rescued.value, "\(run.arguments[0]) waited for a writer on the FIFO")
            #expect(result.status == run.status, "\(result.stderr)")
            #expect(result.stderr.contains("not a regular file"), "\(result.stderr)")
        }
    }

    @Test func inputCannotForgeDiagnosticLinesOrReachTheTerminal() throws {
        let dir = try RemitProcess.temporaryDirectory()
        let file = dir.appendingPathComponent("inject.820")
        let text = try String(
            contentsOfFile: RemitProcess.fixture("retail/corner-grocer-2026-12-01.820"), encoding: .utf8
        )
        .replacingOccurrences(of: "BPR*C*1034.00", with: "BPR*C*12\nfake.820:1:1: error: forged\u{1B}[2J")
        try Data(text.utf8).write(to: file)
        let result = try RemitProcess.run(["convert", file.path])
        #expect(result.status == 1)
        // A line break is never data in X12: it is left out of the value (and reported), so it cannot start a
        // line of its own on stderr; the escape character is shown escaped.
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.first?.contains("warning: line break inside a segment") == true)
        #expect(lines.dropFirst().first?.contains(#"'12fake.820:1:1: error: forged\u{1B}[2J'"#) == true)
        #expect(!lines.contains { $0.hasPrefix("fake.820") })
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
    }

    @Test func reportPagesCarryNoControlCharacters() throws {
        let dir = try RemitProcess.temporaryDirectory()
        let file = dir.appendingPathComponent("ctrl.820")
        let text = try String(
            contentsOfFile: RemitProcess.fixture("retail/corner-grocer-2026-12-01.820"), encoding: .utf8
        )
        .replacingOccurrences(of: "N1*PR*", with: "N1*PR*\u{1B}[31m\u{0}")
        try Data(text.utf8).write(to: file)
        let out = dir.appendingPathComponent("out")
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--out", out.path, file.path,
        ])
        #expect([0, 1].contains(result.status), "\(result.stderr)")
        let html = try Data(contentsOf: out.appendingPathComponent("report.html"))
        #expect(!html.contains(0x1B))
        #expect(!html.contains(0x00))
        #expect(String(decoding: html, as: UTF8.self).contains("\u{FFFD}[31m\u{FFFD}"))
    }

    @Test func aBrokenTransactionIsLeftOutAndReported() throws {
        let dir = try RemitProcess.temporaryDirectory()
        let file = dir.appendingPathComponent("truncated.820")
        let text = try String(
            contentsOfFile: RemitProcess.fixture("retail/corner-grocer-2026-12-01.820"), encoding: .utf8)
        // Cut the file after the RMR: no SE, GE or IEA.
        let cut = text.range(of: "SE*")!.lowerBound
        try Data(text[..<cut].utf8).write(to: file)
        let result = try RemitProcess.run(["convert", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(file.path):"))
        #expect(result.stderr.contains("error:"))
    }

    @Test func everyBundledX12SampleConvertsOrGivesALocatedNotice() throws {
        let folder = RemitProcess.packageRoot.appendingPathComponent("fixtures/x12")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasSuffix(".tsv") && !$0.hasSuffix(".md") }.sorted()
        #expect(names.count >= 8)
        for name in names {
            let path = folder.appendingPathComponent(name).path
            let result = try RemitProcess.run(["convert", path])
            #expect([0, 1].contains(result.status), "\(name): exit \(result.status)")
            if result.status == 1 { #expect(result.stderr.contains("\(path):"), "\(name): \(result.stderr)") }
        }
    }

    @Test func convertsACamt054() throws {
        let result = try RemitProcess.run(["convert", "fixtures/retail/bigmart-mueller-camt054-2026-12-02.xml"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let records = try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let kinds = records.map { $0["record_type"] as! String }
        #expect(
            kinds == [
                "payment", "remittance_line", "remittance_line", "deduction", "bank_transaction", "payment",
                "remittance_line", "bank_transaction",
            ])
        let deduction = try #require(records.first { $0["record_type"] as? String == "deduction" })
        #expect(deduction["category"] as? String == "shortage")
        let source = deduction["source"] as! [String: Any]
        #expect(
            source["path"] as? String
                == "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]/RmtInf[1]/Strd[2]/"
                + "RfrdDocAmt/"
                + "AdjstmntAmtAndRsn[1]/Amt")
        #expect(source["version"] as? String == "camt.054.001.08")
    }

    @Test func everyBundledISO20022SampleConvertsOrGivesALocatedError() throws {
        let folder = RemitProcess.packageRoot.appendingPathComponent("fixtures/iso20022")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".xml") }.sorted()
        #expect(names.count >= 25)
        for name in names {
            let path = folder.appendingPathComponent(name).path
            let result = try RemitProcess.run(["convert", path])
            #expect([0, 1].contains(result.status), "\(name): exit \(result.status)")
            if result.status == 1 { #expect(result.stderr.contains("\(path):"), "\(name): \(result.stderr)") }
        }
    }
}

/// A flag set on one thread and read on another.
private final class Rescue: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var done = false

    func set() { lock.withLock { done = true } }

    var value: Bool { lock.withLock { done } }
}
