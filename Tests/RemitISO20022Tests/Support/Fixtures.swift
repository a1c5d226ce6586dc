import Foundation
import RemitCore
import RemitISO20022

/// Reads the fixtures under `fixtures/iso20022/` with the crosswalks under `mappings/reason-codes/`.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let folder = packageRoot.appendingPathComponent("fixtures/iso20022")

    static let crosswalk: ReasonCrosswalk = {
        var crosswalk = ReasonCrosswalk()
        for name in ["edifact-4465.tsv", "x12-426.tsv"] {
            let path = packageRoot.appendingPathComponent("mappings/reason-codes/" + name)
            // swiftlint-style force: a missing mapping file is a broken checkout, not a test result.
            try! crosswalk.load(try! String(contentsOf: path, encoding: .utf8), name: "mappings/reason-codes/" + name)
        }
        return crosswalk
    }()

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Every XML file in the fixtures folder, sorted.
    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }.sorted()
    }

    /// Reads fixture `name` handing libxml2 `chunkSize` bytes at a time (the whole file when nil).
    static func read(_ name: String, chunkSize: Int? = nil) throws -> CollectingSink {
        try read(bytes: bytes(name), as: "fixtures/iso20022/" + name, chunkSize: chunkSize)
    }

    static func read(bytes: [UInt8], as file: String = "test.xml", chunkSize: Int? = nil) throws -> CollectingSink {
        var sink = CollectingSink()
        ISO20022Reader(file: file, fileSHA256: "", idPrefix: "t", crosswalk: crosswalk)
            .read(bytes: bytes, chunkSize: chunkSize ?? max(1, bytes.count), into: &sink)
        return sink
    }

    static func read(text: String, chunkSize: Int? = nil) throws -> CollectingSink {
        try read(bytes: Array(text.utf8), chunkSize: chunkSize)
    }
}

extension CollectingSink {
    var bankTransactions: [BankTransaction] {
        records.compactMap { if case .bankTransaction(let transaction) = $0 { transaction } else { nil } }
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

extension Money {
    /// `Money("12.50", "EUR")` for expectations.
    init(_ text: String, _ currency: String) {
        self.init(try! FixedDecimal.parse(text), currency)
    }
}
