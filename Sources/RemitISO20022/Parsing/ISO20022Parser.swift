import RemitCore

/// The state machine behind `ISO20022Reader`: element starts and ends in, canonical records out.
///
/// It keeps the open report block (`Stmt`/`Ntfctn`), the open entry with its transaction details, and the
/// open remittance block; an entry's records are emitted when the entry closes, so memory holds one entry.
struct ISO20022Parser {
    static let maxDepth = 64

    let file: String
    let fileSHA256: String
    let crosswalk: ReasonCrosswalk
    let paymentIDPrefix: String
    let lineIDPrefix: String
    let deductionIDPrefix: String
    let bankIDPrefix: String

    var path = ElementPath()
    /// 1-based count of elements started so far: the ordinal that record ids are made of.
    var ordinal = 0
    var text: [UInt8] = []
    /// True from a known element's start until a child starts or it ends: its text is the leaf's value.
    var leafOpen = false
    var pendingCurrency: String?
    /// The last `Ccy` read: most amounts of a file repeat it, and reusing it spares building a string.
    var lastCurrency: String?
    var stopped = false

    // Detection.
    var kind: MessageKind?
    var namespace: String?
    var namespaceVersion: (message: String, version: Int)?
    var documentDepth: Int?
    var root: (name: String, namespace: String?, location: SourceLocation)?
    var messageID: String?
    var reports = 0

    // Open scopes and the depth each opened at.
    var report: ReportState?
    var reportDepth = 0
    var entry: EntryState?
    var entryDepth = 0
    var detail: DetailState?
    var detailDepth = 0
    var block: StructuredBlock?
    var blockDepth = 0
    var adjustment: StructuredBlock.Adjustment?
    var adjustmentDepth = 0
    var typedDepth = 0
    var balanceDepth = 0
    var transactionFailed = false

    init(file: String, fileSHA256: String, idPrefix: String, crosswalk: ReasonCrosswalk) {
        self.file = file
        self.fileSHA256 = fileSHA256
        self.crosswalk = crosswalk
        paymentIDPrefix = idPrefix + ":pay:"
        lineIDPrefix = idPrefix + ":line:"
        deductionIDPrefix = idPrefix + ":ded:"
        bankIDPrefix = idPrefix + ":btx:"
    }

    // MARK: Locations

    /// The innermost open element's line and path.
    mutating func mark() -> Mark { Mark(line: path.line, path: path.text()) }

    /// The location of a mark in this file.
    func place(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: 0, byteOffset: 0, path: mark.path)
    }

    /// The innermost open element's location, for a message about it now.
    mutating func location(_ cursor: XMLCursor) -> SourceLocation { place(mark()) }

    /// The message id and version stamped on every record; set once the group header and message are known.
    var envelope = EnvelopeKeys()

    /// What every record of the transaction `transactionID` shares: made once per entry, not per record.
    func origin(transactionID: String) -> ProvenanceOrigin {
        ProvenanceOrigin(fileSHA256: fileSHA256, envelope: envelope, transactionID: transactionID)
    }

    /// Stops reading: the open entry is dropped and its transaction reported rejected.
    mutating func stop<Sink: RecordSink>(_ problem: Diagnostic, into sink: inout Sink) {
        sink.report(problem)
        stopped = true
        if let open = entry {
            rejectTransaction(open.transactionID, at: open.location, into: &sink)
        } else if let open = detail, kind?.family == .remittanceAdvice {
            rejectTransaction("RmtInf@\(open.ordinal)", at: open.location, into: &sink)
        }
        entry = nil
        detail = nil
    }

    mutating func rejectTransaction<Sink: RecordSink>(
        _ transactionID: String, at mark: Mark, into sink: inout Sink
    ) {
        sink.transactionEnded(
            TransactionSummary(
                kind: kind?.family.rawValue ?? "iso20022", location: place(mark), envelope: envelope, status: .rejected,
                paymentID: nil, statedTotal: nil, linesTotal: nil, adjustmentsTotal: nil, imbalance: nil,
                recordCount: 0, transactionID: transactionID))
    }

    /// Reports a value error that makes the open transaction unusable; the rest of the file goes on.
    mutating func failTransaction<Sink: RecordSink>(_ problem: Diagnostic, into sink: inout Sink) {
        sink.report(problem)
        if entry != nil || (detail != nil && kind?.family == .remittanceAdvice) { transactionFailed = true }
    }

    /// Forgets the previous document of a file that holds several; ids keep counting so they stay unique.
    mutating func startDocument() {
        path = ElementPath()
        kind = nil
        namespace = nil
        namespaceVersion = nil
        documentDepth = nil
        root = nil
        messageID = nil
        envelope = EnvelopeKeys()
        reports = 0
        report = nil
        entry = nil
        detail = nil
        block = nil
        adjustment = nil
    }

    // MARK: Events

    mutating func start<Sink: RecordSink>(_ name: XMLName, _ cursor: XMLCursor, into sink: inout Sink) {
        ordinal += 1
        path.push(name, line: cursor.line)
        // A leaf's text is dropped once read (see `end`), so it is mostly empty here already.
        if !text.isEmpty { text.removeAll(keepingCapacity: true) }
        // Only known elements have values Remit reads; unknown ones are not worth copying text for.
        leafOpen = name.tag != .other
        if path.depth > Self.maxDepth {
            stop(ISO20022Diagnostics.tooDeep(limit: Self.maxDepth, at: location(cursor)), into: &sink)
            return
        }
        guard kind != nil else {
            detect(name, cursor, into: &sink)
            return
        }
        let tag = name.tag
        switch tag {
        case .amt, .duePyblAmt, .dscntApldAmt, .cdtNoteAmt, .taxAmt, .rmtdAmt, .instdAmt:
            pendingCurrency = cursor.currency(reusing: lastCurrency)
            if let pendingCurrency { lastCurrency = pendingCurrency }
        default: break
        }
        openScope(tag, cursor, into: &sink)
    }

    mutating func end<Sink: RecordSink>(_ name: XMLName, _ cursor: XMLCursor, into sink: inout Sink) {
        let wasLeaf = leafOpen
        leafOpen = false
        if kind != nil {
            if wasLeaf { leaf(name.tag, cursor, into: &sink) }
            closeScope(name.tag, cursor, into: &sink)
        }
        if wasLeaf && !text.isEmpty { text.removeAll(keepingCapacity: true) }
        if let documentDepth, path.depth == documentDepth, name.tag == .document {
            finishDocument(cursor, into: &sink)
        }
        path.pop()
    }

    /// The end of the input: reports a document that never showed an ISO 20022 message.
    mutating func finish<Sink: RecordSink>(into sink: inout Sink) {
        guard !stopped, kind == nil else { return }
        let place = root?.location ?? SourceLocation(file: file, line: 1, column: 0, byteOffset: 0)
        sink.report(ISO20022Diagnostics.notISO20022(root: root?.name ?? "", namespace: root?.namespace, at: place))
    }

    // MARK: Detection

    private mutating func detect<Sink: RecordSink>(_ name: XMLName, _ cursor: XMLCursor, into sink: inout Sink) {
        if path.depth == 1 {
            root = (name.text, cursor.namespaceURI, location(cursor))
        }
        if name.tag == .document && documentDepth == nil {
            documentDepth = path.depth
            namespace = cursor.namespaceURI
            if let namespace, let parsed = MessageKind.parseNamespace(namespace) {
                namespaceVersion = parsed
            }
            return
        }
        guard let documentDepth, path.depth == documentDepth + 1 else { return }
        let here = location(cursor)
        let element = name.text
        guard let family = MessageKind.family(ofMessageElement: name.tag) else {
            let message = namespaceVersion != nil ? (namespace ?? element) : "<\(element)>"
            stop(ISO20022Diagnostics.unsupportedMessage(message, at: here), into: &sink)
            return
        }
        if let (message, version) = namespaceVersion {
            guard message == family.rawValue else {
                stop(
                    ISO20022Diagnostics.kindMismatch(namespace: namespace ?? "", element: element, at: here),
                    into: &sink)
                return
            }
            guard MessageKind.supports(family, version: version) else {
                stop(ISO20022Diagnostics.unsupportedMessage(namespace ?? "", at: here), into: &sink)
                return
            }
            kind = MessageKind(family: family, version: version)
            envelope.version = kind?.description
        } else {
            let guess = MessageKind(family: family, version: nil)
            kind = guess
            envelope.version = guess.description
            sink.report(
                ISO20022Diagnostics.namespaceMismatch(
                    namespace: namespace, element: element, reading: guess, at: here))
        }
    }

    private mutating func finishDocument<Sink: RecordSink>(_ cursor: XMLCursor, into sink: inout Sink) {
        guard let kind, !stopped, reports == 0 else { return }
        sink.report(ISO20022Diagnostics.noReports(kind, at: location(cursor)))
    }
}
