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
        ["convert", "--bogus", "x"], ["reconcile", "--invoices"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let result = try RemitProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("remit: "))
    }

    @Test func versionPrints() throws {
        let result = try RemitProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("remit 0."))
    }
}
