import RemitCore

/// Checks the ISA/IEA, GS/GE and ST/SE envelopes and hands each 820's segments to a `Remittance820Reader`,
/// each 812's to an `Adjustment812Reader`.
///
/// Control numbers and counts are compared at each trailer; a mismatch is a warning, or an error under
/// `X12Options.strict` (which also rejects the transaction set whose SE does not check out). A header whose
/// trailer never comes (the next header, or the end of the file, arrives first) is an error, and an 820 cut
/// off that way is rejected.
struct X12Envelope {
    let file: String
    let fileSHA256: String
    let idPrefix: String
    let options: X12Options
    let crosswalk: ReasonCrosswalk

    private var interchange: Interchange?
    private var group: Group?
    private var transaction: Transaction?
    private var remittance: Remittance820Reader?
    private var adjustment: Adjustment812Reader?

    private struct Interchange {
        var control: String
        var sender: String?
        var receiver: String?
        var location: SourceLocation
        var groups = 0
    }

    private struct Group {
        var functionalID: String?
        var control: String
        var version: String?
        var location: SourceLocation
        var transactions = 0
    }

    private struct Transaction {
        var setID: String
        var control: String
        var startIndex: Int
        var location: SourceLocation
    }

    init(file: String, fileSHA256: String, idPrefix: String, options: X12Options, crosswalk: ReasonCrosswalk) {
        self.file = file
        self.fileSHA256 = fileSHA256
        self.idPrefix = idPrefix
        self.options = options
        self.crosswalk = crosswalk
    }

    mutating func handle<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        switch segment.tag {
        case SegmentTag.isa: openInterchange(segment, into: &sink)
        case SegmentTag.gs: openGroup(segment, into: &sink)
        case SegmentTag.st: openTransaction(segment, into: &sink)
        case SegmentTag.se: closeTransaction(segment, into: &sink)
        case SegmentTag.ge: closeGroup(segment, into: &sink)
        case SegmentTag.iea: closeInterchange(segment, into: &sink)
        default:
            if transaction != nil {
                remittance?.handle(segment, into: &sink)
                adjustment?.handle(segment, into: &sink)
            } else if interchange != nil && group == nil
                && (segment.tag == SegmentTag.isb || segment.tag == SegmentTag.ise || segment.tag == SegmentTag.ta1)
            {
                // Interchange service segments and acknowledgments carry no remittance data.
            } else {
                sink.report(
                    X12Diagnostics.unexpectedSegment(
                        segment.id, reason: "outside any transaction set", at: segment.location(file: file)))
            }
        }
    }

    /// A segment that could not be read: the transaction it sits in cannot be trusted.
    mutating func unreadable<Sink: RecordSink>(_ diagnostic: Diagnostic, into sink: inout Sink) {
        if transaction != nil, remittance != nil {
            remittance?.reject(diagnostic, into: &sink)
        } else if transaction != nil, adjustment != nil {
            adjustment?.reject(diagnostic, into: &sink)
        } else {
            sink.report(diagnostic)
        }
    }

    /// Reports every envelope still open when the file ends.
    mutating func finish<Sink: RecordSink>(at location: SourceLocation, into sink: inout Sink) {
        closeOpenEnvelopes(upTo: .interchange, before: "before the end of the file", at: location, into: &sink)
    }

    // MARK: Headers

    private mutating func openInterchange<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        let location = segment.location(file: file)
        closeOpenEnvelopes(upTo: .interchange, before: "before the next ISA", at: location, into: &sink)
        interchange = Interchange(
            control: segment.string(13) ?? "", sender: segment.string(6), receiver: segment.string(8),
            location: location)
    }

    private mutating func openGroup<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        let location = segment.location(file: file)
        closeOpenEnvelopes(upTo: .group, before: "before the next GS", at: location, into: &sink)
        if interchange == nil {
            sink.report(
                X12Diagnostics.misplacedEnvelope("GS", reason: "outside an interchange (after IEA)", at: location))
        }
        interchange?.groups += 1
        group = Group(
            functionalID: segment.string(1), control: segment.string(6) ?? "", version: segment.string(8),
            location: location)
    }

    private mutating func openTransaction<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        let location = segment.location(file: file)
        closeOpenEnvelopes(upTo: .transaction, before: "before the next ST", at: location, into: &sink)
        let setID = segment.string(1) ?? ""
        let control = segment.string(2) ?? ""
        if group == nil {
            sink.report(
                X12Diagnostics.misplacedEnvelope(
                    "ST", reason: "outside a functional group (no GS before it)", at: location))
        }
        group?.transactions += 1
        transaction = Transaction(setID: setID, control: control, startIndex: segment.index, location: location)
        switch setID {
        case "820":
            checkFunctionalGroup(setID: setID, expected: "RA", at: location, into: &sink)
            var reduces = TransactionContext.negativeAdjustmentReduces(version: group?.version)
            if reduces == nil {
                sink.report(X12Diagnostics.unknownVersion(group?.version, at: group?.location ?? location))
                reduces = true
            }
            let envelope = EnvelopeKeys(
                interchangeControl: interchange?.control, groupControl: group?.control, transactionControl: control,
                senderID: interchange?.sender, receiverID: interchange?.receiver, version: group?.version)
            let context = TransactionContext(
                file: file, fileSHA256: fileSHA256, idPrefix: idPrefix, envelope: envelope,
                transactionID: "ST@" + String(segment.index), location: location,
                negativeAdjustmentReduces: reduces!, defaultCurrency: options.defaultCurrency, crosswalk: crosswalk)
            remittance = Remittance820Reader(context: context)
        case "812":
            checkFunctionalGroup(setID: setID, expected: "CD", at: location, into: &sink)
            adjustment = Adjustment812Reader(context: adjustmentContext(segment, control: control, at: location))
        default:
            sink.report(
                X12Diagnostics.unsupportedSet(setID, at: segment.location(file: file, element: 1, name: "ST01")))
        }
    }

    private func checkFunctionalGroup<Sink: RecordSink>(
        setID: String, expected: String, at location: SourceLocation, into sink: inout Sink
    ) {
        guard let functionalID = group?.functionalID, functionalID != expected else { return }
        sink.report(
            X12Diagnostics.functionalGroupMismatch(
                setID: setID, functionalID: functionalID, expected: expected, at: location))
    }

    // MARK: Trailers

    private mutating func closeTransaction<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        guard let open = transaction else {
            sink.report(
                X12Diagnostics.unexpectedSegment(
                    "SE", reason: "without an ST before it", at: segment.location(file: file)))
            return
        }
        var problems = checkCount(
            segment, element: 1, name: "SE01", actual: segment.index - open.startIndex + 1,
            what: "segments from ST to SE")
        problems += checkControl(segment, element: 2, name: "SE02", header: "ST02", headerValue: open.control)
        for problem in problems { sink.report(problem) }
        remittance?.close(
            at: segment.location(file: file), rejecting: options.strict && !problems.isEmpty, into: &sink)
        remittance = nil
        adjustment?.close(
            at: segment.location(file: file), rejecting: options.strict && !problems.isEmpty, into: &sink)
        adjustment = nil
        transaction = nil
    }

    /// What the records of the 812 opened by `segment` share.
    private func adjustmentContext(_ segment: X12Segment, control: String, at location: SourceLocation)
        -> TransactionContext
    {
        let envelope = EnvelopeKeys(
            interchangeControl: interchange?.control, groupControl: group?.control, transactionControl: control,
            senderID: interchange?.sender, receiverID: interchange?.receiver, version: group?.version)
        return TransactionContext(
            file: file, fileSHA256: fileSHA256, idPrefix: idPrefix, envelope: envelope,
            transactionID: "ST@" + String(segment.index), location: location, negativeAdjustmentReduces: true,
            defaultCurrency: options.defaultCurrency, crosswalk: crosswalk)
    }

    private mutating func closeGroup<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        let location = segment.location(file: file)
        closeOpenEnvelopes(upTo: .transaction, before: "before GE", at: location, into: &sink)
        guard let open = group else {
            sink.report(X12Diagnostics.unexpectedSegment("GE", reason: "without a GS before it", at: location))
            return
        }
        var problems = checkCount(
            segment, element: 1, name: "GE01", actual: open.transactions, what: "transaction sets in the group")
        problems += checkControl(segment, element: 2, name: "GE02", header: "GS06", headerValue: open.control)
        for problem in problems { sink.report(problem) }
        group = nil
    }

    private mutating func closeInterchange<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        let location = segment.location(file: file)
        closeOpenEnvelopes(upTo: .group, before: "before IEA", at: location, into: &sink)
        guard let open = interchange else {
            sink.report(X12Diagnostics.unexpectedSegment("IEA", reason: "without an ISA before it", at: location))
            return
        }
        var problems = checkCount(
            segment, element: 1, name: "IEA01", actual: open.groups, what: "functional groups in the interchange")
        problems += checkControl(segment, element: 2, name: "IEA02", header: "ISA13", headerValue: open.control)
        for problem in problems { sink.report(problem) }
        interchange = nil
    }

    private enum Level: Int, Comparable {
        case transaction, group, interchange
        static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Reports the envelopes up to `level` that are still open, innermost first, and rejects a cut-off 820.
    private mutating func closeOpenEnvelopes<Sink: RecordSink>(
        upTo level: Level, before reason: String, at location: SourceLocation, into sink: inout Sink
    ) {
        if let open = transaction {
            sink.report(
                X12Diagnostics.missingTrailer(
                    "SE", opened: "transaction set \(open.setID)", control: open.control, openedAt: open.location,
                    before: reason, at: location))
            remittance?.close(at: location, rejecting: true, into: &sink)
            remittance = nil
            adjustment?.close(at: location, rejecting: true, into: &sink)
            adjustment = nil
            transaction = nil
        }
        if level >= .group, let open = group {
            sink.report(
                X12Diagnostics.missingTrailer(
                    "GE", opened: "functional group", control: open.control, openedAt: open.location,
                    before: reason, at: location))
            group = nil
        }
        if level >= .interchange, let open = interchange {
            sink.report(
                X12Diagnostics.missingTrailer(
                    "IEA", opened: "interchange", control: open.control, openedAt: open.location, before: reason,
                    at: location))
            interchange = nil
        }
    }

    private func checkCount(
        _ segment: X12Segment, element: Int, name: String, actual: Int, what: String
    ) -> [Diagnostic] {
        let stated = segment.value(element)
        if let stated, X12Text.integer(stated) == actual { return [] }
        return [
            X12Diagnostics.countMismatch(
                element: name, stated: stated.map { String(decoding: $0, as: UTF8.self) } ?? "", actual: actual,
                what: what, at: segment.location(file: file, element: element, name: name), strict: options.strict)
        ]
    }

    private func checkControl(
        _ segment: X12Segment, element: Int, name: String, header: String, headerValue: String
    ) -> [Diagnostic] {
        let trailerValue = segment.string(element) ?? ""
        if X12Text.sameControlNumber(trailerValue, headerValue) { return [] }
        return [
            X12Diagnostics.controlMismatch(
                trailer: name, header: header, headerValue: headerValue, trailerValue: trailerValue,
                at: segment.location(file: file, element: element, name: name), strict: options.strict)
        ]
    }
}
