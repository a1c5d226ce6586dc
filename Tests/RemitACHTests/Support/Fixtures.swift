import Foundation
import RemitCore

@testable import RemitACH

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

    /// Every ACH file bundled: the samples and Remit's own in `fixtures/ach`, and the cash set's.
    static let paths = [
        "fixtures/ach/moov-ctx-debit-two-text-addenda.ach",
        "fixtures/ach/remit-ctx-amount-mismatch-crlf.ach",
        "fixtures/ach/remit-ctx-bad-controls-unordered-addenda.ach",
        "fixtures/ach/remit-ppd-trimmed-lines.ach",
        "fixtures/cash/acme-ach-2026-12-04.ach",
    ]

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: packageRoot.appendingPathComponent(path)))
    }

    /// Reads `bytes` as file `name`, fed in chunks of `chunkSize` bytes (nil: all at once).
    static func read(_ bytes: [UInt8], name: String = "test.ach", chunkSize: Int? = nil) -> CollectingSink {
        var reader = ACHReader(file: name, fileSHA256: String(repeating: "0", count: 64), idPrefix: "000000000000")
        var sink = CollectingSink()
        let size = max(1, chunkSize ?? bytes.count)
        bytes.withUnsafeBytes { buffer in
            var start = 0
            while start < buffer.count {
                let end = min(start + size, buffer.count)
                reader.feed(UnsafeRawBufferPointer(rebasing: buffer[start..<end]), into: &sink)
                start = end
            }
        }
        reader.finish(into: &sink)
        return sink
    }

    static func read(path: String, chunkSize: Int? = nil) throws -> CollectingSink {
        read(try bytes(path), name: path, chunkSize: chunkSize)
    }
}

/// Builds 94-character records for inline tests; fields are given as (column, text) pairs on a blank record.
enum Record {
    static func make(_ type: Character, _ fields: [(Int, String)]) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: " "), count: 94)
        bytes[0] = UInt8(ascii: Unicode.Scalar(String(type))!)
        for (column, text) in fields {
            for (offset, byte) in text.utf8.enumerated() { bytes[column - 1 + offset] = byte }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func fileHeader() -> String {
        make("1", [(2, "01"), (4, " 091000019"), (14, "1021000021"), (24, "2612040700A094101")])
    }

    static func batchHeader(sec: String, company: String = "PAYER CO", effective: String = "261204") -> String {
        make(
            "5",
            [
                (2, "220"), (5, company), (41, "1234567890"), (51, sec), (54, "PAYMENT"), (70, effective),
                (79, "1"), (80, "02100002"), (88, "0000001"),
            ])
    }

    static func entry(code: String = "22", cents: String = "0000012345", trace: String = "021000020000001") -> String {
        make(
            "6",
            [
                (2, code), (4, "091000019"), (13, "7700112233"), (30, cents), (40, "C100"), (55, "RECEIVER"),
                (79, "1"), (80, trace),
            ])
    }

    static func addenda(_ text: String, sequence: String = "0001", entry: String = "0000001") -> String {
        make("7", [(2, "05"), (4, text), (84, sequence), (88, entry)])
    }
}
