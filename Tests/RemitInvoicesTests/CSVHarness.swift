import RemitCore
import Testing

@testable import RemitInvoices

/// Feeds bytes to a `CSVReader` in several chunk sizes and checks every size gives the same events.
enum CSVHarness {
    static let chunkSizes = [1, 2, 3, 7, 64, Int.max]

    /// The events for `bytes` read whole, after checking that every chunk size in `chunkSizes` agrees.
    static func events(
        _ bytes: [UInt8], options: CSVReader.Options = CSVReader.Options(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [CSVReader.Event] {
        let results = chunkSizes.map { read(bytes, chunkSize: $0, options: options) }
        for (size, result) in zip(chunkSizes, results) {
            #expect(result == results.last!, "chunk size \(size) differs from whole", sourceLocation: sourceLocation)
        }
        return results.last!
    }

    static func events(
        _ text: String, options: CSVReader.Options = CSVReader.Options(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [CSVReader.Event] {
        events(Array(text.utf8), options: options, sourceLocation: sourceLocation)
    }

    static func read(_ bytes: [UInt8], chunkSize: Int, options: CSVReader.Options) -> [CSVReader.Event] {
        var reader = CSVReader(file: "t.csv", options: options)
        var events: [CSVReader.Event] = []
        bytes.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                let end = start + min(chunkSize, all.count - start)
                reader.consume(UnsafeRawBufferPointer(rebasing: all[start..<end])) { events.append($0) }
                start = end
            }
        }
        reader.finish { events.append($0) }
        return events
    }

    static func rows(_ events: [CSVReader.Event]) -> [CSVRow] {
        events.compactMap { if case .row(let row) = $0 { return row } else { return nil } }
    }

    static func diagnostics(_ events: [CSVReader.Event]) -> [Diagnostic] {
        events.compactMap { if case .diagnostic(let diagnostic) = $0 { return diagnostic } else { return nil } }
    }
}
