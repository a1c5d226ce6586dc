@testable import RemitX12

/// What the tokenizer alone makes of a whole file: each segment's elements and place, and the delimiters it
/// switched to at each ISA.
struct Tokenized {
    struct Segment: Equatable {
        /// The segment ID first, then each element as written (no trimming, no splitting of components).
        var elements: [String]
        var line: Int
        var column: Int
        var byteOffset: Int64
    }

    var segments: [Segment] = []
    var delimiters: [X12Delimiters] = []
    /// The most problems the tokenizer held between two steps.
    var mostPendingDiagnostics = 0

    init(_ bytes: [UInt8]) {
        var tokenizer = X12Tokenizer(file: "tokenized.edi")
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: X12Tokenizer.separatorCapacity) { room in
                var position = 0
                while true {
                    let step = tokenizer.next(
                        base, end: buffer.count, position: &position, offset: 0, final: true,
                        separators: room.baseAddress!)
                    mostPendingDiagnostics = max(mostPendingDiagnostics, tokenizer.diagnostics.count)
                    tokenizer.diagnostics.removeAll()
                    guard case .segment(let segment) = step else {
                        if case .unreadable = step { continue }
                        if case .reported = step { continue }
                        break
                    }
                    let elements =
                        [segment.id]
                        + (0..<segment.elementCount).map { String(decoding: segment.element($0 + 1)!, as: UTF8.self) }
                    segments.append(
                        Segment(
                            elements: elements, line: segment.line, column: segment.column,
                            byteOffset: segment.byteOffset))
                    if segment.tag == SegmentTag.isa, let current = tokenizer.delimiters { delimiters.append(current) }
                }
            }
        }
    }

    init(fixture name: String) throws { self.init(try Fixtures.bytes(name)) }

    init(_ text: String) { self.init(Array(text.utf8)) }

    /// `line:column@byte` of every segment, for compact comparisons.
    var places: [String] { segments.map { "\($0.line):\($0.column)@\($0.byteOffset)" } }
}
