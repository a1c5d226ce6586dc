import Foundation
import RemitArchive
import RemitCore
import Testing

@testable import RemitPipeline

/// Archives whose members cannot all be unpacked side by side, and archives that lie about their size.
@Suite struct ZipArchiveTests {
    static func write(_ items: [ZipBuilder.Item]) throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("remit-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("x.zip").path
        try Data(ZipBuilder.build(items)).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    /// An empty name would be unpacked onto the folder itself: refused with the other unsafe names.
    @Test func anEntryWithAnEmptyNameIsRefused() throws {
        let (folder, path) = try Self.write([.init(name: "a.820", bytes: [1]), .init(name: "", bytes: [2])])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: Diagnostic.self) { _ = try ZipArchive(path: path, limits: ArchiveLimits()) }
        #expect(error.message == "entry name '' would leave the target folder or is not a plain path")
    }

    /// `a` and `a/b.820` cannot both be unpacked; in either order the archive is refused before anything is
    /// written, located at the file entry, instead of failing half-way on whichever comes second.
    @Test(arguments: [["a", "a/b.820"], ["a/b.820", "a"], ["x/a", "x/a/b/c.820"]])
    func aFileThatIsAlsoAFolderIsRefused(names: [String]) throws {
        let (folder, path) = try Self.write(names.map { .init(name: $0, bytes: [1]) })
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: Diagnostic.self) { _ = try ZipArchive(path: path, limits: ArchiveLimits()) }
        #expect(error.message.hasPrefix("entry '\(names.min { $0.count < $1.count }!)' is a file and the folder of"))
    }

    @Test func aFolderEntryBesideItsFilesIsNoConflict() throws {
        let (folder, path) = try Self.write([.init(name: "a/", bytes: []), .init(name: "a/b.820", bytes: [1])])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ZipArchive(path: path, limits: ArchiveLimits()).entries.count == 2)
    }

    /// A member that cannot be written out is an error of its own; the members after it are still offered.
    @Test func aMemberThatCannotBeWrittenIsItsOwnFailure() throws {
        let (folder, path) = try Self.write([.init(name: "a.820", bytes: [1]), .init(name: "b.820", bytes: [2])])
        defer { try? FileManager.default.removeItem(at: folder) }
        var calls = SystemCalls.live
        calls.write = { _, _, _ in
            errno = ENOSPC
            return -1
        }
        var files = InputFiles()
        files.fileSystem = FileSystem(calls: calls)
        var seen: [(String, String?)] = []
        try files.forEach(path) { seen.append(($0.name, $0.failure?.message)) }
        #expect(seen.map(\.0) == [path + "!a.820", path + "!b.820"])
        #expect(
            seen.allSatisfy { $0.1?.contains("could not be unpacked") == true && $0.1?.contains("errno 28") == true })
    }

    /// The central directory is read record by record: an end record that claims a gigabyte of directory
    /// costs no gigabyte of memory. Run in a child process so its peak memory is its own.
    @Test func aDirectoryClaimingMostOfTheFileIsNotReadWhole() async {
        await #expect(processExitsWith: .success) {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("remit-zip-\(UUID().uuidString)")
                .path
            defer { unlink(path) }
            let size: Int64 = 1 << 30
            let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
            guard fd >= 0, ftruncate(fd, off_t(size)) == 0 else { exit(2) }
            // An end record: one entry, a directory of `size` bytes at offset 0 (all zeros: damaged).
            var end: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0]
            end += withUnsafeBytes(of: UInt32(size).littleEndian, Array.init) + [0, 0, 0, 0, 0, 0]
            guard pwrite(fd, end, end.count, off_t(size)) == end.count, close(fd) == 0 else { exit(2) }
            do {
                _ = try ZipArchive(path: path, limits: ArchiveLimits())
                exit(3)
            } catch {
                guard "\(error)".contains("central directory entry 1 is damaged") else { exit(4) }
            }
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            exit(usage.ru_maxrss < 512 * 1024 ? 0 : 5)  // kilobytes
        }
    }
}
