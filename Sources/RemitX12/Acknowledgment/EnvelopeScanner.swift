/// Walks a whole X12 file's segments and records its envelopes (ISA, GS, ST and their trailers), plus the
/// elements of the segments an acknowledgment will quote.
struct EnvelopeScanner {
    var interchanges: [ReceivedInterchange] = []
    /// Elements (ID first) of the segments asked for, by file segment index.
    var quoted: [Int: [String]] = [:]

    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - quote: file segment indexes whose elements to keep.
    init(_ bytes: [UInt8], file: String, quote: Set<Int>) {
        var tokenizer = X12Tokenizer(file: file)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: X12Tokenizer.separatorCapacity) { room in
                var position = 0
                while true {
                    let step = tokenizer.next(
                        base, end: buffer.count, position: &position, offset: 0, final: true,
                        separators: room.baseAddress!)
                    tokenizer.diagnostics.removeAll()
                    switch step {
                    case .segment(let segment): handle(segment, quote: quote)
                    case .unreadable, .reported: continue
                    case .needMore, .exhausted: return
                    }
                }
            }
        }
    }

    private static func elements(_ segment: X12Segment) -> [String] {
        [segment.id] + (0..<segment.elementCount).map { String(decoding: segment.element($0 + 1)!, as: UTF8.self) }
    }

    private mutating func handle(_ segment: X12Segment, quote: Set<Int>) {
        if quote.contains(segment.index) { quoted[segment.index] = Self.elements(segment) }
        switch segment.tag {
        case SegmentTag.isa:
            interchanges.append(ReceivedInterchange(header: Array(Self.elements(segment).dropFirst())))
        case SegmentTag.gs:
            guard !interchanges.isEmpty else { return }
            interchanges[interchanges.count - 1].groups.append(
                ReceivedInterchange.ReceivedGroup(
                    functionalID: segment.string(1) ?? "", applicationSender: segment.string(2) ?? "",
                    applicationReceiver: segment.string(3) ?? "", control: segment.string(6) ?? "",
                    version: segment.string(8) ?? ""))
        case SegmentTag.ge:
            guard let last = interchanges.indices.last, let group = interchanges[last].groups.indices.last else {
                return
            }
            interchanges[last].groups[group].trailer = (segment.string(1) ?? "", segment.string(2) ?? "")
        case SegmentTag.st:
            guard let last = interchanges.indices.last, let group = interchanges[last].groups.indices.last else {
                return
            }
            interchanges[last].groups[group].sets.append(
                ReceivedInterchange.ReceivedSet(
                    setID: segment.string(1) ?? "", control: segment.string(2) ?? "",
                    implementation: segment.string(3), startIndex: segment.index))
        case SegmentTag.se:
            guard let last = interchanges.indices.last, let group = interchanges[last].groups.indices.last,
                let set = interchanges[last].groups[group].sets.indices.last,
                interchanges[last].groups[group].sets[set].endIndex == nil
            else { return }
            interchanges[last].groups[group].sets[set].endIndex = segment.index
            interchanges[last].groups[group].sets[set].trailer = (segment.string(1) ?? "", segment.string(2) ?? "")
        default:
            break
        }
    }
}
