import Foundation
import RemitCore

@testable import RemitBAI2

/// Finds the package's files from this source file's location, so tests run from any directory.
enum Fixtures {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static let directory = packageRoot.appendingPathComponent("fixtures/bai2")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// Every sample in `fixtures/bai2`.
    static func allNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".bai2") }
            .sorted()
    }

    /// The shipped type-code table.
    static let typeCodes: BAI2TypeCodeTable = {
        let path = packageRoot.appendingPathComponent("mappings/bai2/type-codes.tsv")
        var table = BAI2TypeCodeTable()
        do {
            try table.load(try String(contentsOf: path, encoding: .utf8), name: "bai2/type-codes.tsv")
        } catch {
            fatalError("cannot load \(path.path): \(error)")
        }
        return table
    }()

    /// Reads `bytes` as file `name`, fed in chunks of `chunkSize` bytes (nil: all at once).
    static func read(
        _ bytes: [UInt8], name: String = "test.bai2", chunkSize: Int? = nil, strict: Bool = false
    ) -> CollectingSink {
        var sink = CollectingSink()
        var reader = BAI2Reader(
            file: name, fileSHA256: "ab12", idPrefix: "F", options: BAI2Options(strict: strict, typeCodes: typeCodes))
        bytes.withUnsafeBytes { all in
            let size = max(1, chunkSize ?? all.count)
            var start = 0
            while start < all.count {
                let end = min(all.count, start + size)
                reader.feed(UnsafeRawBufferPointer(rebasing: all[start..<end]), into: &sink)
                start = end
            }
        }
        reader.finish(into: &sink)
        return sink
    }

    static func read(fixture name: String, chunkSize: Int? = nil, strict: Bool = false) throws -> CollectingSink {
        read(try bytes(name), name: name, chunkSize: chunkSize, strict: strict)
    }

    /// Reads lines joined with LF (and a final LF).
    static func read(lines: [String], chunkSize: Int? = nil, strict: Bool = false) -> CollectingSink {
        read(Array((lines.joined(separator: "\n") + "\n").utf8), chunkSize: chunkSize, strict: strict)
    }

    /// The typed records of `text`, as the reader's decoding layer sees them, and the problems found.
    static func records(_ text: String) -> (records: [BAI2Record], codes: [String]) {
        var scanner = BAI2Scanner(file: "test.bai2")
        let decoder = BAI2RecordDecoder(file: "test.bai2")
        var sink = CollectingSink()
        var records: [BAI2Record] = []
        let bytes = Array(text.utf8)
        let handle = { (event: BAI2Scanner.Event, record: BAI2LogicalRecord) in
            switch event {
            case .record: if let decoded = decoder.decode(record, into: &sink) { records.append(decoded) }
            case .problem(let diagnostic): sink.report(diagnostic)
            case .skipped(let diagnostic): if let diagnostic { sink.report(diagnostic) }
            }
        }
        bytes.withUnsafeBytes { scanner.feed($0, handle) }
        scanner.finish(handle)
        return (records, sink.codes)
    }
}
