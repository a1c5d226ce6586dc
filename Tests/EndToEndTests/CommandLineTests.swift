import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func helpListsCommandsAndExitCodes() throws {
        let result = try RemitProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("remit reconcile --invoices FILE"))
        #expect(result.stdout.contains("64  usage error"))
        for command in ["reconcile", "convert"] {
            let help = try RemitProcess.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("remit \(command)"))
            #expect(help.stdout.contains("EXIT CODES"))
        }
    }

    @Test(arguments: [
        ["frobnicate"], ["reconcile", "fixtures/retail/bigmart-2026-11-30.820"],
        ["reconcile", "--invoices", "fixtures/retail/open-items.csv"], ["convert"], ["convert", "--to", "xml", "x"],
        ["convert", "--bogus", "x"], ["reconcile", "--invoices"], ["help", "bogus"],
        [
            "reconcile", "--currency", "EURO", "--invoices", "fixtures/retail/open-items.csv", "--out",
            "/nonexistent/remit-out", "fixtures/retail/bigmart-2026-11-30.820",
        ],
        [
            "reconcile", "--invoice-layout", "sap", "--invoices", "fixtures/retail/open-items.csv", "--out",
            "/nonexistent/remit-out", "fixtures/retail/bigmart-2026-11-30.820",
        ],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let result = try RemitProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("remit: "))
    }

    @Test func findsItsMappingsThroughASymlinkOnPath() throws {
        // An installation links `remit` into a PATH folder and runs it from anywhere.
        let bin = try RemitProcess.temporaryDirectory()
        let link = bin.appendingPathComponent("remit")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: RemitProcess.executable)
        let out = try RemitProcess.temporaryDirectory()
        // Through env, as a shell does: the program sees the bare name `remit` as its first argument.
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try RemitProcess.run(
            [
                "remit", "reconcile", "--invoices", RemitProcess.fixture("retail/open-items.csv"), "--out",
                out.path, RemitProcess.fixture("retail/bigmart-2026-11-30.820"),
            ],
            environment: ["REMIT_MAPPINGS": "", "PATH": path], executable: URL(fileURLWithPath: "/usr/bin/env"),
            directory: bin)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("no mappings folder"))
        let deductions = try String(contentsOf: out.appendingPathComponent("deductions.csv"), encoding: .utf8)
        #expect(deductions.contains("compliance"))
    }

    @Test func refusesToRunWithoutItsMappings() throws {
        // A copy of the executable far from any mappings folder, run from a folder without one.
        let bin = try RemitProcess.temporaryDirectory()
        let copy = bin.appendingPathComponent("remit")
        // A hard link, not a copy: a copy's write descriptor can leak into a process another test forks at the
        // same moment, and executing the copy then fails with ETXTBSY.
        try FileManager.default.linkItem(at: RemitProcess.executable, to: copy)
        let input = RemitProcess.fixture("retail/bigmart-2026-11-30.820")
        let result = try RemitProcess.run(
            ["convert", input], environment: ["REMIT_MAPPINGS": ""], executable: copy, directory: bin)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no mappings folder found"))
        let wrong = try RemitProcess.run(["convert", "--mappings", bin.path, input])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("\(bin.path) is not a mappings folder"))
    }

    @Test func versionPrints() throws {
        let result = try RemitProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("remit 0."))
    }
}
