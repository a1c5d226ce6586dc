import Foundation
import RemitCore
import RemitReport
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ReportWriterFailureTests {
    typealias F = ReportFixture

    /// The live calls, except that `fsync` fails with EIO on files whose path ends with `suffix`.
    private func failingSync(on suffix: String, probe: Probe) -> SystemCalls {
        let live = SystemCalls.live
        return SystemCalls(
            open: { path, flags, mode in
                let fd = live.open(path, flags, mode)
                if path.hasSuffix(suffix) { probe.failingFD.withLock { $0 = fd } }
                return fd
            },
            read: live.read, write: live.write, close: live.close,
            fsync: { fd in
                if probe.failingFD.withLock({ $0 }) == fd {
                    errno = EIO
                    return -1
                }
                return live.fsync(fd)
            },
            rename: { from, to in
                probe.renames.withLock { $0 += 1 }
                return live.rename(from, to)
            })
    }

    final class Probe: Sendable {
        let renames = Mutex(0)
        let failingFD = Mutex<Int32>(-1)
    }

    @Test func aFailedWriteLeavesThePreviousOutputsWhole() throws {
        let directory = try F.temporaryDirectory()
        defer { F.removeDirectory(directory) }
        try ReportWriter.writeAll(F.input(), to: directory)
        let before = try ReportWriter.fileNames.map { try F.readBytes(directory, $0) }

        var changed = F.input()
        changed.manifest.runTime = "2026-03-02T00:00:00Z"
        let probe = Probe()
        let calls = failingSync(on: ".report.html.tmp", probe: probe)
        #expect {
            try ReportWriter.writeAll(changed, to: directory, calls: calls)
        } throws: { error in
            let failure = error as? SystemCallError
            return failure?.call == "fsync" && failure?.errno == EIO
                && failure?.path.hasSuffix(".report.html.tmp") == true
        }
        #expect(probe.renames.withLock { $0 } == 0)
        let after = try ReportWriter.fileNames.map { try F.readBytes(directory, $0) }
        #expect(after == before)
    }

    @Test func aMissingDirectoryIsReportedWithItsPath() throws {
        let parent = try F.temporaryDirectory()
        defer { F.removeDirectory(parent) }
        let directory = parent + "/missing"
        #expect {
            try ReportWriter.writeAll(F.input(), to: directory)
        } throws: { error in
            let failure = error as? SystemCallError
            return failure?.call == "open" && failure?.errno == ENOENT
                && failure?.path == directory + "/.deductions.jsonl.tmp"
        }
    }
}
