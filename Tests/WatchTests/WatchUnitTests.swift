import Foundation
import RemitArchive
import RemitCore
import RemitPipeline
import Testing

@testable import RemitWatch

@Suite struct WatchUnitTests {
    @Test(arguments: [1, 2, 7, 64, 100_000])
    func gzipStreamsInAnyChunkSize(chunk: Int) throws {
        let original = Array(String(repeating: "ISA*00*remittance~", count: 500).utf8)
        let packed =
            try ZlibStream.compress(original, mode: .gzip) + ZlibStream.compress(Array("tail".utf8), mode: .gzip)
        let stream = try ZlibStream(.gunzip)
        var out: [UInt8] = []
        for start in stride(from: 0, to: packed.count, by: chunk) {
            let piece = Array(packed[start..<min(start + chunk, packed.count)])
            try piece.withUnsafeBytes { try stream.process($0, last: false) { out += $0 } }
        }
        #expect(stream.finished)
        #expect(out == original + Array("tail".utf8))
    }

    @Test func damagedGzipIsAnErrorWithItsOffset() throws {
        var packed = try ZlibStream.compress(Array(String(repeating: "abc", count: 100).utf8), mode: .gzip)
        packed[12] ^= 0xFF
        packed[13] ^= 0xFF
        let stream = try ZlibStream(.gunzip)
        #expect(throws: ZlibError.self) {
            try packed.withUnsafeBytes { try stream.process($0, last: true) { _ in } }
        }
    }

    @Test(arguments: ["/etc/passwd", "a/../../b", "a\\b", "a//b"])
    func zipEntryNamesThatLeaveTheFolderAreRefused(name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("remit-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.zip").path
        try Data(ZipBuilder.build([.init(name: name, bytes: [1, 2, 3])])).write(to: URL(fileURLWithPath: path))
        #expect(throws: Diagnostic.self) { _ = try ZipArchive(path: path, limits: ArchiveLimits()) }
    }

    @Test func zipLimitsBoundCountAndSize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("remit-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.zip").path
        let items = (0..<5).map { ZipBuilder.Item(name: "f\($0).txt", bytes: Array(repeating: 65, count: 2000)) }
        try Data(ZipBuilder.build(items)).write(to: URL(fileURLWithPath: path))
        #expect(throws: Diagnostic.self) { _ = try ZipArchive(path: path, limits: ArchiveLimits(maxEntries: 4)) }
        #expect(throws: Diagnostic.self) { _ = try ZipArchive(path: path, limits: ArchiveLimits(maxEntryBytes: 1000)) }
        #expect(throws: Diagnostic.self) { _ = try ZipArchive(path: path, limits: ArchiveLimits(maxTotalBytes: 9000)) }
        let archive = try ZipArchive(path: path, limits: ArchiveLimits())
        let written = try archive.expand(into: folder.path + "/out")
        #expect(written.count == 5)
        #expect(try Data(contentsOf: URL(fileURLWithPath: written[4])) == Data(repeating: 65, count: 2000))
    }

    @Test func aZipEntryWhoseDataDisagreesWithItsCRCIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("remit-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.zip").path
        var bytes = try ZipBuilder.build([.init(name: "a.txt", bytes: Array("hello".utf8), deflate: false)])
        bytes[30 + 5] = UInt8(ascii: "j")  // first data byte, after the 30-byte header and the name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let archive = try ZipArchive(path: path, limits: ArchiveLimits())
        #expect(throws: Diagnostic.self) { _ = try archive.expand(into: folder.path + "/out") }
    }

    @Test(arguments: [
        (".hidden", true), ("a.part", true), ("a.PART", true), ("a.tmp", true), ("a~", true), ("a.820", false),
        ("partner.820", false),
    ])
    func temporaryNamesAreIgnored(name: String, ignored: Bool) {
        #expect(InboxNames.isIgnored(name) == ignored)
    }

    @Test func theLedgerKeepsOneRowPerContentAndSurvivesReopening() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("remit-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite3").path
        do {
            let ledger = try Ledger(path: path)
            let entry = try ledger.claim(sha256: "ab", name: "a.820", size: 3, firstSeen: "t", outputFolder: "a.820")
            #expect(throws: SQLiteError.self) {
                _ = try ledger.claim(sha256: "ab", name: "b.820", size: 3, firstSeen: "t", outputFolder: "b.820")
            }
            try ledger.markWritten(
                id: entry.id, outcome: .processed, format: "x12", outputs: ["a.820/report.html"],
                destination: "processed/a.820", records: 2, errors: nil)
            try ledger.recordDuplicate(sha256: "ab", name: "c.820", seen: "t", destination: "duplicates/c.820")
            try ledger.recordDuplicate(sha256: "ab", name: "c.820", seen: "t", destination: "duplicates/c.820")
        }
        do {
            let ledger = try Ledger(path: path)
            for _ in 0..<2 {
                try ledger.recordQuarantine(
                    name: "l.820", size: 0, seen: "t", destination: "quarantine/l.820", reason: "link",
                    identity: "12:34")
            }
        }
        let reopened = try Ledger(path: path)
        #expect(try reopened.entries().filter { $0.outcome == .quarantined }.count == 1)
        let entry = try #require(try reopened.entry(sha256: "ab"))
        #expect(entry.state == .written && entry.outputs == ["a.820/report.html"])
        #expect(try reopened.unfinished().count == 1)
        #expect(try reopened.duplicates().count == 1)
        #expect(try reopened.outputFolderTaken("a.820"))
    }

    @Test func anExportDatedInTheFutureIsNotSettlingForEver() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("remit-exports-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("open-items.csv")
        try Data("invoice,amount\n".utf8).write(to: export)
        let source = InvoiceExportSource(path: folder.path, settleNanos: 1_000_000_000)
        #expect(source.hasSettlingExport(now: FileJob.nowNanos()), "written just now: settling")
        // An export stamped a day ahead (the exporting host's clock is wrong) would be 'settling' until that
        // day, and `watch --once` waited for it that long; it is no export that will do shortly.
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(86_400)], ofItemAtPath: export.path)
        #expect(!source.hasSettlingExport(now: FileJob.nowNanos()))
    }

    @Test func anExportNamedThroughASymbolicLinkIsUsed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("remit-exports-\(UUID())")
        let real = root.appendingPathComponent("erp")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let export = real.appendingPathComponent("open-items.csv")
        try Data("invoice,amount\n".utf8).write(to: export)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: export.path)
        // `--invoices /srv/remit/exports`, a link to where the ERP writes: the operator named it, so it is
        // followed (links inside the folder are still passed over), as `remit reconcile --invoices` does.
        let folderLink = root.appendingPathComponent("exports")
        try FileManager.default.createSymbolicLink(at: folderLink, withDestinationURL: real)
        #expect(
            try InvoiceExportSource(path: folderLink.path).current(now: FileJob.nowNanos())
                == folderLink.path + "/open-items.csv")
        let fileLink = root.appendingPathComponent("current.csv")
        try FileManager.default.createSymbolicLink(at: fileLink, withDestinationURL: export)
        #expect(try InvoiceExportSource(path: fileLink.path).current(now: FileJob.nowNanos()) == fileLink.path)
    }

    @Test func logLinesQuoteValuesWithSpaces() {
        let logger = WatchLogger(sink: { _ in })
        let line = logger.line(
            .info, "file processed", [("file", "a b.820"), ("records", "3")], time: Date(timeIntervalSince1970: 0))
        #expect(line == #"1970-01-01T00:00:00.000Z info remit.watch: file processed file="a b.820" records=3"#)
    }

    @Test func inotifyEventsAreDecoded() {
        // Header (wd, mask, cookie, len) then the NUL-padded name, twice.
        func event(_ mask: UInt32, _ name: String) -> [UInt8] {
            var name = Array(name.utf8)
            while name.count % 16 != 0 || name.isEmpty { name.append(0) }
            return withUnsafeBytes(of: Int32(1)) { Array($0) } + withUnsafeBytes(of: mask) { Array($0) }
                + withUnsafeBytes(of: UInt32(0)) { Array($0) } + withUnsafeBytes(of: UInt32(name.count)) { Array($0) }
                + name
        }
        let bytes =
            event(UInt32(IN_CLOSE_WRITE), "a.820") + event(UInt32(IN_MOVED_TO), "b.820")
            + event(UInt32(IN_Q_OVERFLOW), "")
        let events = bytes.withUnsafeBytes { InboxWatcher.decode($0) }
        #expect(events == [.complete("a.820"), .complete("b.820"), .overflow])
    }
}
