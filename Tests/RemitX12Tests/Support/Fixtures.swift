import Foundation
import RemitCore
import RemitX12

/// Finds files of the package from this source file's location, so tests run from any directory.
enum Fixtures {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static let directory = packageRoot.appendingPathComponent("fixtures/x12")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// Every file in `fixtures/x12` except the provenance list and the generator script.
    static func allNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".tsv") && !$0.hasSuffix(".py") && !$0.hasSuffix(".md") }
            .sorted()
    }

    /// The shipped X12 426 crosswalk.
    static let crosswalk: ReasonCrosswalk = {
        let path = packageRoot.appendingPathComponent("mappings/reason-codes/x12-426.tsv")
        var crosswalk = ReasonCrosswalk()
        do {
            try crosswalk.load(try String(contentsOf: path, encoding: .utf8), name: "reason-codes/x12-426.tsv")
        } catch {
            fatalError("cannot load \(path.path): \(error)")
        }
        return crosswalk
    }()

    /// Reads `bytes` as file `name`, fed in chunks of `chunkSize` bytes (nil: all at once).
    static func read(
        _ bytes: [UInt8], name: String = "test.edi", chunkSize: Int? = nil, options: X12Options = X12Options()
    ) -> CollectingSink {
        var sink = CollectingSink()
        var reader = X12Reader(
            file: name, fileSHA256: "ab12", idPrefix: "F", options: options, crosswalk: crosswalk)
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

    static func read(fixture name: String, chunkSize: Int? = nil, options: X12Options = X12Options()) throws
        -> CollectingSink
    {
        read(try bytes(name), name: name, chunkSize: chunkSize, options: options)
    }

    static func read(_ text: String, chunkSize: Int? = nil, options: X12Options = X12Options()) -> CollectingSink {
        read(Array(text.utf8), chunkSize: chunkSize, options: options)
    }
}
