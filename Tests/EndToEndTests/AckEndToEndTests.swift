import Foundation
import Testing

/// `remit ack` run end to end: the files it writes, the counter that numbers them, its exit codes.
@Suite struct AckEndToEndTests {
    static let time = ["--run-time", "2026-12-03T12:00:00Z"]

    @Test func writesTheGoldenAcknowledgmentAndNumbersTheNextRunOn() throws {
        let out = try RemitProcess.temporaryDirectory()
        let input = "fixtures/x12/remit-820-bad-amount.edi"
        let first = try RemitProcess.run(["ack", "-o", out.path] + Self.time + [input])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let name = "remit-820-bad-amount.edi.000000909.997"
        let written = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        let golden = try String(
            contentsOf: RemitProcess.packageRoot.appendingPathComponent("fixtures/acks/" + name), encoding: .utf8)
        #expect(written == golden)
        #expect(first.stderr.contains("error: BPR02 '12O.00' is not an amount"))
        #expect(first.stderr.contains("\(out.path)/\(name): 997 for interchange 000000909, groups 909 P"))
        let counter = out.appendingPathComponent(".remit-ack-control-number")
        #expect(try String(contentsOf: counter, encoding: .utf8) == "2\n", "one interchange and one group")

        // A second run (a restart) goes on from the saved number, beside the first acknowledgment, which
        // may already have gone to the partner and is left as it was.
        let second = try RemitProcess.run(["ack", "-o", out.path] + Self.time + [input])
        #expect(second.status == 0)
        let secondName = "remit-820-bad-amount.edi.000000909-2.997"
        #expect(second.stderr.contains("\(out.path)/\(secondName): 997 for interchange 000000909"))
        let again = try String(contentsOf: out.appendingPathComponent(secondName), encoding: .utf8)
        #expect(again.contains("*000000003*0*P*:~\nGS*FA*ACMEFOODS*BADAMOUNT*20261203*1200*4*X*004010~"))
        #expect(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) == golden)
        #expect(try String(contentsOf: counter, encoding: .utf8) == "4\n")
    }

    @Test func anOutputFolderWithATrailingSlashNamesFilesWithOne() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(
            ["ack", "-o", out.path + "/"] + Self.time + ["fixtures/x12/remit-820-bad-amount.edi"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("remit: \(out.path)/remit-820-bad-amount.edi.000000909.997: 997"))
        #expect(!result.stderr.contains("//"), "\(result.stderr)")
    }

    @Test func aSharedCounterFileAnd999sOnRequest() throws {
        let out = try RemitProcess.temporaryDirectory()
        let counter = out.appendingPathComponent("counter")
        try Data("41\n".utf8).write(to: counter)
        let result = try RemitProcess.run(
            ["ack", "--999", "--counter", counter.path, "-o", out.path] + Self.time + [
                "fixtures/x12/820-5010-x218-list-bill-payment.edi"
            ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = try String(
            contentsOf: out.appendingPathComponent("820-5010-x218-list-bill-payment.edi.000010216.999"),
            encoding: .utf8)
        #expect(text.contains("*^*00501*000000042*0*T*:~"))
        #expect(try String(contentsOf: counter, encoding: .utf8) == "43\n")
    }

    @Test func aCounterFileThatIsNotANumberStopsBeforeWritingAnything() throws {
        let out = try RemitProcess.temporaryDirectory()
        let counter = out.appendingPathComponent(".remit-ack-control-number")
        try Data("twelve\n".utf8).write(to: counter)
        let result = try RemitProcess.run(
            ["ack", "-o", out.path] + Self.time + ["fixtures/x12/remit-820-short-pay.edi"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: control number file holds 'twelve', not a number"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.hasSuffix(".997") })
    }

    /// A folder where the counter file should be is named as such, not as a missing file (errno was stale).
    @Test func aFolderInTheCounterFilesPlaceIsReportedAsOne() throws {
        let out = try RemitProcess.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent(".remit-ack-control-number"), withIntermediateDirectories: false)
        let result = try RemitProcess.run(
            ["ack", "-o", out.path] + Self.time + ["fixtures/x12/remit-820-short-pay.edi"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("error: cannot read the control number file:")
                && result.stderr.contains("Is a directory (errno 21)"), "\(result.stderr)")
    }

    /// A counter file longer than any number is refused whole, never read cut short (as 0, say).
    @Test func aCounterFileLongerThanANumberIsRefused() throws {
        let out = try RemitProcess.temporaryDirectory()
        let counter = out.appendingPathComponent(".remit-ack-control-number")
        try Data((String(repeating: "0", count: 70) + "41\n").utf8).write(to: counter)
        let result = try RemitProcess.run(
            ["ack", "-o", out.path] + Self.time + ["fixtures/x12/remit-820-short-pay.edi"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: control number file is longer than 64 bytes"), "\(result.stderr)")
    }

    @Test func anInputThatIsNotX12IsReportedAndTheOthersAcknowledged() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(
            ["ack", "-o", out.path] + Self.time + [
                "fixtures/retail/open-items.csv", "fixtures/x12/remit-820-short-pay.edi",
            ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("fixtures/retail/open-items.csv:1:1: error: not an X12 file"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".997") }
        #expect(names.count == 1)
    }

    @Test func ackWithoutInputsIsAUsageError() throws {
        let result = try RemitProcess.run(["ack"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("ack needs at least one X12 file"))
    }
}

/// Acknowledgments whose names would collide: one per interchange, whatever the control numbers say.
@Suite struct AckNameEndToEndTests {
    /// Two interchanges with the same ISA13 (a resent one appended, or two files of the same name in two
    /// folders) get two acknowledgments; the second does not replace the first.
    @Test func interchangesWithTheSameControlNumberEachKeepTheirAcknowledgment() throws {
        let out = try RemitProcess.temporaryDirectory()
        let folder = try RemitProcess.temporaryDirectory()
        let original = try Data(
            contentsOf: RemitProcess.packageRoot.appendingPathComponent("fixtures/x12/remit-820-short-pay.edi"))
        let twice = folder.appendingPathComponent("twice.edi")
        try (original + original).write(to: twice)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("other"), withIntermediateDirectories: true)
        let sameName = folder.appendingPathComponent("other/twice.edi")
        try original.write(to: sameName)
        let result = try RemitProcess.run(
            ["ack", "-o", out.path] + AckEndToEndTests.time + [twice.path, sameName.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".997") }
        #expect(
            names.sorted() == ["twice.edi.000000202-2.997", "twice.edi.000000202-3.997", "twice.edi.000000202.997"])
        #expect(result.stderr.contains("twice.edi.000000202-2.997: 997 for interchange 000000202"), "\(result.stderr)")
        // Each holds its own control number: three interchanges, three groups, numbered 1 to 6.
        let controls = try names.sorted().map { name in
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            return String(text.split(separator: "*")[13])
        }
        #expect(Set(controls).count == 3, "\(controls)")
    }
}
