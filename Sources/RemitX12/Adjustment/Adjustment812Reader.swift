import RemitCore

/// Turns the segments of one 812 (credit/debit adjustment) transaction set into announced deductions.
///
/// Each CDD loop becomes one deduction; a memo without CDD becomes one deduction for its BCD04. Amounts in
/// BCD04 and CDD04 carry two implied decimals (`4400` is 44.00) and their sign comes from the credit/debit
/// flag: `D` (the payer debits us: money it will keep back) is positive, `C` (it credits us) negative.
/// Memory holds the memo heading and one open CDD loop; a deduction is emitted when its loop ends.
struct Adjustment812Reader {
    static let codeList = "X12-426"

    let context: TransactionContext
    var rejected = false
    var recordCount = 0

    // Heading.
    var memo: MemoHeader?
    var inHeading = true
    var currency: String
    var payer = Party()
    /// N1 qualifier ranks: PR (payer) beats BY (buyer) beats a bill-to party.
    var payerRank = Int.max
    var headingTexts: [String] = []
    /// BCD07: the invoice the memo concerns.
    var invoiceReference: String?

    // Detail.
    var line: OpenLine?
    var cddCount = 0
    /// Sum of the signed CDD04 amounts.
    var linesTotal = FixedDecimal.zero

    /// BCD as read.
    struct MemoHeader {
        var segmentIndex: Int
        var number: String?
        var total: FixedDecimal
        var totalLocation: SourceLocation
        var flag: String?
        var fields: AdjustmentMemo
    }

    /// The CDD loop being read.
    struct OpenLine {
        var segmentIndex: Int
        var reasonCode: String?
        var amount: FixedDecimal
        var flag: String?
        var lineReference: String?
        var quantity: String?
        var unit: String?
        var context: [String] = []
        var texts: [String] = []
        var location: SourceLocation
    }

    /// Segments an 812 may hold that carry nothing the canonical record keeps (heading references, terms,
    /// shipment and accounting detail, the N11 store loop, allowance detail).
    static let otherSegments: Set<UInt32> = Set(
        ([
            "PER", "ITD", "DTM", "FOB", "SHD", "SAC", "N2", "N3", "N4", "LM", "LQ", "FA1", "FA2", "N11", "AMT",
            "PCT", "REF", "MSG", "TXI", "LX",
        ] as [StaticString]).map(SegmentTag.of))

    static let bcd = SegmentTag.of("BCD")
    static let cdd = SegmentTag.of("CDD")
    static let lin = SegmentTag.of("LIN")
    static let qty = SegmentTag.of("QTY")
    static let po4 = SegmentTag.of("PO4")
    static let pid = SegmentTag.of("PID")
    static let n9 = SegmentTag.of("N9")

    init(context: TransactionContext) {
        self.context = context
        currency = context.defaultCurrency
    }

    /// Reads one segment between ST and SE (both excluded).
    mutating func handle<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        if rejected { return }
        switch segment.tag {
        case Self.bcd: readMemoHeader(segment, into: &sink)
        case Self.cdd:
            guard requireMemo(before: segment, into: &sink) else { return }
            inHeading = false
            closeLine(into: &sink)
            if !rejected { openLine(segment, into: &sink) }
        case Self.lin, Self.qty, Self.po4, Self.pid:
            if line != nil { line?.context.append(Self.contextEntry(segment)) }
        case SegmentTag.n1:
            if inHeading { readParty(segment) }
        case SegmentTag.cur:
            if inHeading { readCurrency(segment, into: &sink) }
        case Self.n9, SegmentTag.nte:
            readText(segment)
        default:
            if !Self.otherSegments.contains(segment.tag) {
                sink.report(
                    X12Diagnostics.unexpectedSegment(
                        segment.id, reason: "is not part of an 812", at: segment.location(file: context.file)))
            }
        }
    }

    /// Closes the transaction at its SE (or where it was found cut off) and reports the tie-out.
    ///
    /// - Parameter rejecting: the caller has reported an error that rejects the transaction; records not yet
    ///   emitted are dropped.
    mutating func close<Sink: RecordSink>(at location: SourceLocation, rejecting: Bool, into sink: inout Sink) {
        if rejecting {
            rejected = true
            line = nil
        }
        if !rejected && memo == nil {
            reject(X12Diagnostics.missingMemoHeader(found: "SE", at: location), into: &sink)
        }
        if !rejected {
            closeLine(into: &sink)
            if cddCount == 0, let memo { emitMemoOnly(memo, into: &sink) }
        }
        var summary = TransactionSummary(
            kind: "812", location: context.location, envelope: context.envelope,
            status: rejected ? .rejected : .accepted, paymentID: nil,
            statedTotal: memo.map { Money(signedTotal($0), currency) }, linesTotal: nil, adjustmentsTotal: nil,
            imbalance: nil, recordCount: recordCount, transactionID: context.transactionID)
        summary.linesRead = cddCount
        if !rejected, let memo, cddCount > 0 {
            summary.linesTotal = Money(linesTotal, currency)
            let stated = signedTotal(memo)
            if let difference = try? stated.subtracting(linesTotal) {
                summary.imbalance = Money(difference, currency)
                if !difference.isZero {
                    sink.report(
                        X12Diagnostics.memoImbalance(
                            stated: Money(stated, currency), lines: Money(linesTotal, currency),
                            at: memo.totalLocation))
                }
            }
        }
        sink.transactionEnded(summary)
    }

    /// Reports `problem` and drops whatever of the transaction has not been emitted yet.
    mutating func reject<Sink: RecordSink>(_ problem: Diagnostic, into sink: inout Sink) {
        sink.report(problem)
        rejected = true
        line = nil
    }

    mutating func emit<Sink: RecordSink>(_ record: CanonicalRecord, into sink: inout Sink) {
        recordCount += 1
        sink.emit(record)
    }

    /// BCD04 with the sign of BCD05.
    func signedTotal(_ memo: MemoHeader) -> FixedDecimal {
        memo.flag == "C" ? memo.total.negated() : memo.total
    }

    /// `ID: element element ...` with empty elements left out.
    static func contextEntry(_ segment: X12Segment) -> String {
        let values = (0..<segment.elementCount).compactMap { segment.string($0 + 1) }
        return segment.id + ":" + values.map { " " + $0 }.joined()
    }
}
