import RemitCore

/// Decides, for every interchange of a received X12 file, what its 997 (or 999) says.
///
/// The file is read as `remit convert` reads it; each transaction set is then accepted (`A`), accepted with
/// errors (`E`: warnings about its syntax, or a count or control number that does not agree) or rejected
/// (`R`: Remit set it aside, its trailer is missing, or Remit does not read that set). Content errors name
/// the segment (AK3: ID, position from the ST, error code) and the element (AK4: position, error code, a copy
/// of the bad value). Findings about business content (an imbalance, an unmapped code) are not syntax errors
/// and are not acknowledged.
public enum X12Acknowledger {
    /// Diagnostic codes that describe a segment or element in error: (AK304 code, AK403 code or nil).
    static let segmentErrors: [String: (segment: String, element: String?)] = [
        "x12.amount": ("8", "6"), "x12.missing-element": ("8", "1"), "x12.date": ("8", "8"),
        "x12.currency": ("8", "7"), "x12.credit-debit": ("8", "7"), "x12.implied-decimal": ("8", "6"),
        "x12.rmr-reference": ("8", "1"), "x12.memo-number": ("8", "1"), "x12.overflow": ("8", "5"),
        "x12.bpr-missing": ("3", nil), "x12.bcd-missing": ("3", nil), "x12.unexpected-segment": ("2", nil),
        "x12.repeated-segment": ("5", nil), "x12.late-heading": ("7", nil),
    ]

    /// The sets whose content Remit reads; any other is answered `R` with code 1 (not supported).
    static let supportedSets: Set<String> = ["820", "812"]

    /// Reads `bytes` (one whole file) and builds the acknowledgments of its interchanges.
    ///
    /// The same as `acknowledge(file:chunks:)` with the bytes as one chunk.
    public static func acknowledge(
        _ bytes: [UInt8], file: String, options: X12Options = X12Options(),
        crosswalk: ReasonCrosswalk = ReasonCrosswalk(),
        implementationAcknowledgments: Bool = false
    ) -> (documents: [AcknowledgmentDocument], diagnostics: [Diagnostic]) {
        acknowledge(
            file: file, options: options, crosswalk: crosswalk,
            implementationAcknowledgments: implementationAcknowledgments
        ) { body in bytes.withUnsafeBytes { body($0) } }
    }

    /// Reads a file twice, streaming, and builds the acknowledgments of its interchanges: the first pass reads
    /// it as `remit convert` does and collects what is wrong, the second records its envelopes and copies the
    /// segments in error that the acknowledgment quotes. Memory does not grow with the file.
    ///
    /// - Parameters:
    ///   - file: the path, for diagnostics.
    ///   - crosswalk: as for reading; it does not change the answer.
    ///   - implementationAcknowledgments: answer groups whose GS08 starts with `005010X` with a 999.
    ///   - chunks: hands the file's bytes in order to `body`, in chunks of any size; called once per pass.
    /// - Returns: the documents in file order (a 997 and then a 999 for an interchange that needs both), and
    ///   every diagnostic the read reported.
    /// - Throws: what `chunks` throws.
    public static func acknowledge<Failure: Error>(
        file: String, options: X12Options = X12Options(), crosswalk: ReasonCrosswalk = ReasonCrosswalk(),
        implementationAcknowledgments: Bool = false,
        chunks: (_ body: (UnsafeRawBufferPointer) -> Void) throws(Failure) -> Void
    ) throws(Failure) -> (documents: [AcknowledgmentDocument], diagnostics: [Diagnostic]) {
        var sink = ReadOutcome()
        var reader = X12Reader(file: file, fileSHA256: "", idPrefix: "ack", options: options, crosswalk: crosswalk)
        try chunks { reader.feed($0, into: &sink) }
        reader.finish(into: &sink)
        let located = sink.diagnostics.filter { segmentErrors[$0.code] != nil && $0.location.segmentIndex != nil }

        var scanner = EnvelopeScanner(quote: Set(located.compactMap(\.location.segmentIndex)))
        var second = X12Reader(file: file, fileSHA256: "", idPrefix: "ack", options: options, crosswalk: crosswalk)
        second.segmentTap = { scanner.handle($0) }
        var ignored = IgnoringSink()
        try chunks { second.feed($0, into: &ignored) }
        second.finish(into: &ignored)
        let setStarts = scanner.interchanges.flatMap { $0.groups.flatMap { $0.sets.map(\.startIndex) } }.sorted()
        var errorsBySet: [Int: [Diagnostic]] = [:]
        for diagnostic in located {
            let index = diagnostic.location.segmentIndex!
            // The set a segment belongs to is the last one that started at or before it.
            var low = 0
            var high = setStarts.count
            while low < high {
                let middle = (low + high) / 2
                if setStarts[middle] <= index { low = middle + 1 } else { high = middle }
            }
            if low > 0 { errorsBySet[setStarts[low - 1], default: []].append(diagnostic) }
        }
        var documents: [AcknowledgmentDocument] = []
        for interchange in scanner.interchanges {
            var functional: [AcknowledgmentDocument.GroupAck] = []
            var implementation: [AcknowledgmentDocument.GroupAck] = []
            for group in interchange.groups {
                let answer = groupAck(group, summaries: sink.summaries, errors: errorsBySet, quoted: scanner.quoted)
                if implementationAcknowledgments && group.version.hasPrefix("005010X") {
                    implementation.append(answer)
                } else {
                    functional.append(answer)
                }
            }
            for (kind, groups) in [
                (AcknowledgmentDocument.Kind.functional, functional), (.implementation, implementation),
            ]
            where !groups.isEmpty {
                documents.append(
                    AcknowledgmentDocument(
                        kind: kind, receivedControl: interchange.control, receivedHeader: interchange.header,
                        groups: groups))
            }
        }
        return (documents, sink.diagnostics)
    }

    static func groupAck(
        _ group: ReceivedInterchange.ReceivedGroup, summaries: [String: TransactionSummary],
        errors: [Int: [Diagnostic]],
        quoted: [Int: [String]]
    ) -> AcknowledgmentDocument.GroupAck {
        let sets = group.sets.map {
            setAck($0, summary: summaries["ST@\($0.startIndex)"], errors: errors, quoted: quoted)
        }
        let accepted = sets.filter { $0.status != "R" }.count
        var codes: [String] = []
        if let trailer = group.trailer {
            if !X12Text.sameControlNumber(trailer.control, group.control) { codes.append("4") }
            if Int(trailer.count) != group.sets.count { codes.append("5") }
        } else {
            codes.append("3")
        }
        let status: String
        if accepted == 0 {
            status = "R"
        } else if accepted < sets.count {
            status = "P"
        } else {
            status = codes.isEmpty && sets.allSatisfy { $0.status == "A" } ? "A" : "E"
        }
        return AcknowledgmentDocument.GroupAck(
            functionalID: group.functionalID, control: group.control, version: group.version,
            applicationSender: group.applicationSender, applicationReceiver: group.applicationReceiver,
            status: status, statedCount: group.trailer?.count ?? String(group.sets.count), receivedCount: sets.count,
            acceptedCount: accepted, codes: codes, sets: sets)
    }

    static func setAck(
        _ set: ReceivedInterchange.ReceivedSet, summary: TransactionSummary?, errors: [Int: [Diagnostic]],
        quoted: [Int: [String]]
    ) -> AcknowledgmentDocument.SetAck {
        var answer = AcknowledgmentDocument.SetAck(
            setID: set.setID, control: set.control, implementation: set.implementation, status: "A", codes: [],
            segments: [])
        guard supportedSets.contains(set.setID), let summary else {
            answer.status = "R"
            answer.codes = ["1"]
            return answer
        }
        answer.segments = segmentErrors(errors[set.startIndex] ?? [], setStart: set.startIndex, quoted: quoted)
        if let trailer = set.trailer, let end = set.endIndex {
            if !X12Text.sameControlNumber(trailer.control, set.control) { answer.codes.append("3") }
            if Int(trailer.count) != end - set.startIndex + 1 { answer.codes.append("4") }
        } else {
            answer.codes.append("2")
        }
        if !answer.segments.isEmpty { answer.codes.append("5") }
        if summary.status == .rejected {
            answer.status = "R"
        } else if !answer.codes.isEmpty {
            answer.status = "E"
        }
        return answer
    }

    /// One AK3 per segment in error, in file order, each with the AK4 of its elements in error.
    static func segmentErrors(_ diagnostics: [Diagnostic], setStart: Int, quoted: [Int: [String]])
        -> [AcknowledgmentDocument.SegmentError]
    {
        var result: [AcknowledgmentDocument.SegmentError] = []
        for diagnostic in diagnostics.sorted(by: { $0.location.segmentIndex! < $1.location.segmentIndex! }) {
            let index = diagnostic.location.segmentIndex!
            guard let codes = segmentErrors[diagnostic.code] else { continue }
            let elements = quoted[index] ?? []
            // A missing BPR or BCD is reported where the segment that came instead of it stands.
            let segmentID =
                switch diagnostic.code {
                case "x12.bpr-missing": "BPR"
                case "x12.bcd-missing": "BCD"
                default: elements.first ?? ""
                }
            var element: AcknowledgmentDocument.ElementError?
            if let code = codes.element, let name = diagnostic.location.element, let position = Int(name.suffix(2)) {
                let value = position < elements.count ? elements[position] : nil
                element = AcknowledgmentDocument.ElementError(
                    position: position, code: code, value: code == "1" ? nil : value)
            }
            if let last = result.last, last.position == index - setStart + 1, last.segmentID == segmentID,
                last.code == codes.segment
            {
                if let element { result[result.count - 1].elements.append(element) }
                continue
            }
            result.append(
                AcknowledgmentDocument.SegmentError(
                    segmentID: segmentID, position: index - setStart + 1, code: codes.segment,
                    elements: element.map { [$0] } ?? []))
        }
        for index in result.indices { result[index].elements.sort { $0.position < $1.position } }
        return result
    }
}

/// Keeps what an acknowledgment needs from a read: every diagnostic, and each transaction's summary.
/// The second pass reads only envelopes, through `X12Reader.segmentTap`.
private struct IgnoringSink: RecordSink {
    mutating func emit(_ record: CanonicalRecord) {}
    mutating func report(_ diagnostic: Diagnostic) {}
}

struct ReadOutcome: RecordSink {
    var diagnostics: [Diagnostic] = []
    var summaries: [String: TransactionSummary] = [:]

    mutating func emit(_ record: CanonicalRecord) {}
    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    mutating func transactionEnded(_ summary: TransactionSummary) { summaries[summary.transactionID] = summary }
}
