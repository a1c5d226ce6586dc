import Foundation
import RemitCore
import Testing

@testable import RemitPipeline

/// `remit ack` beside another run writing into the same folder.
@Suite struct AckRaceTests {
    @Test func anAcknowledgmentAnotherRunWroteMeanwhileIsNotReplaced() throws {
        let out = try RemitProcess.temporaryDirectory()
        let name = "remit-820-bad-amount.edi.000000909.997"
        let theirs = out.appendingPathComponent(name).path
        // Another run picks the same free name a moment after this one did: it writes the file while this
        // run is writing its own under a temporary name.
        let live = SystemCalls.live
        let calls = SystemCalls(
            open: { path, flags, mode in
                if flags & O_CREAT != 0, path.hasSuffix(".tmp"), !FileManager.default.fileExists(atPath: theirs) {
                    FileManager.default.createFile(atPath: theirs, contents: Data("the other run's\n".utf8))
                }
                return live.open(path, flags, mode)
            },
            read: live.read, write: live.write, close: live.close, fsync: live.fsync, rename: live.rename)
        let options = AckJob.Options(
            inputs: [RemitProcess.fixture("x12/remit-820-bad-amount.edi")], outputDirectory: out.path,
            implementationAcknowledgments: false, counterPath: out.appendingPathComponent("counter").path,
            runTime: "2026-12-03T12:00:00Z")
        let (_, written) = try AckJob.run(options, printer: DiagnosticPrinter(muted: true), calls: calls)
        #expect(try String(contentsOfFile: theirs, encoding: .utf8) == "the other run's\n")
        #expect(written == ["remit-820-bad-amount.edi.000000909-2.997"])
        let ours = try String(contentsOf: out.appendingPathComponent("remit-820-bad-amount.edi.000000909-2.997"))
        #expect(ours.hasPrefix("ISA*"))
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }
}
