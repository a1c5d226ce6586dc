import RemitCore

/// Turns the segments of one 820 transaction set into payments, remittance lines and deductions.
///
/// Records are emitted as soon as they are complete, so memory holds one payment header, one open RMR and
/// one open ADX whatever the size of the transaction. A payment is complete at the first detail segment (its
/// parties and currency come after BPR); a line at its first ADX or at the next RMR/ENT/SE (its REF\*PO and
/// DTM\*003 follow it); a deduction at the next segment that is not one of its REF/NTE/DTM/PER children.
struct Remittance820Reader {
    let context: TransactionContext
    var rejected = false
    var recordCount = 0
    /// RMR segments seen, rejected or not.
    var linesRead = 0

    // Heading.
    var inHeading = true
    var payment: PaymentHeader?
    var payer = Party()
    var payee = Party()
    var remitter = Party()
    var currency: String
    var trace: String?
    var traceOriginator: String?
    var headingDate: (rank: Int, date: CalendarDate)?
    var paymentID = ""
    /// Heading REF segments, until the payment is emitted.
    var references: [PaymentReference] = []
    var droppedReferences = false

    // Detail.
    var line: OpenLine?
    var adjustment: OpenAdjustment?
    /// The adjustment RMR07/RMR08 state on the open line, emitted right after the line.
    var lineAdjustment: OpenAdjustment?
    /// Sum of RMR04.
    var linesTotal = FixedDecimal.zero
    /// Sum of the ADX01 not under an RMR, with the 003050+ sign (negative reduces the payment).
    var adjustmentsTotal = FixedDecimal.zero

    /// BPR as read, until the heading is complete.
    struct PaymentHeader {
        var segmentIndex: Int
        var handlingCode: String?
        var amount: FixedDecimal
        var amountLocation: SourceLocation
        var direction: Payment.Direction
        var method: String?
        var format: String?
        var originatorID: String?
        var date: CalendarDate?
    }

    /// The RMR being read.
    struct OpenLine {
        var id: String
        var segmentIndex: Int
        var qualifier: String?
        var reference: String
        var paid: FixedDecimal
        var invoiceTotal: FixedDecimal?
        var discount: FixedDecimal?
        var purchaseOrder: String?
        var invoiceDate: CalendarDate?
        /// Where RMR04 is, and RMR05 when given.
        var place: ElementPlace
        var invoiceTotalPlace: ElementPlace?
        var emitted = false
        /// Sum of the deduction amounts (positive = withheld) of the ADX under this RMR.
        var deducted = FixedDecimal.zero
    }

    /// The ADX being read.
    struct OpenAdjustment {
        var segmentIndex: Int
        /// Positive: money the payer withheld.
        var withheld: FixedDecimal
        var reasonCode: String?
        var memoQualifier: String?
        var memoNumber: String?
        /// The REF/NTE texts under it so far, joined with ` | `.
        var reasonText: String?
        var lineID: String?
        var invoiceReference: String?
        /// Where ADX01 is.
        var place: ElementPlace
    }

    /// The other segments an 820 may hold (the 004010 loop structure: name details, line item detail, and
    /// the tax, payroll and royalty loops). Any segment outside these and those read above is reported.
    static let otherSegments: Set<UInt32> = Set(
        ([
            "N2", "N3", "N4", "PER", "RDM", "IT1", "SAC", "TXI", "SLN", "TXP", "DED", "LX", "G53", "AIN", "QTY",
            "DTP", "PEN", "AMT", "INV", "N9", "EMS", "ATN", "PYD", "RYL", "LOC", "PID", "PCT", "ASM",
        ] as [StaticString]).map(SegmentTag.of))

    static let bps = SegmentTag.of("BPS")
    /// Heading REF segments kept per payment; real 820s carry a handful.
    static let maximumReferences = 100

    init(context: TransactionContext) {
        self.context = context
        currency = context.defaultCurrency
    }

    /// Reads one segment between ST and SE (both excluded).
    mutating func handle<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        if segment.tag == SegmentTag.rmr { linesRead += 1 }
        if rejected { return }
        switch segment.tag {
        case SegmentTag.rmr:
            startDetail(at: segment, into: &sink)
            closeAdjustment(into: &sink)
            closeLine(into: &sink)
            if !rejected { openLine(segment, into: &sink) }
        case SegmentTag.adx:
            startDetail(at: segment, into: &sink)
            closeAdjustment(into: &sink)
            if line != nil { emitLineIfNeeded(into: &sink) }
            if !rejected { openAdjustment(segment, into: &sink) }
        case SegmentTag.ent:
            startDetail(at: segment, into: &sink)
            closeAdjustment(into: &sink)
            closeLine(into: &sink)
        case SegmentTag.ref, SegmentTag.dtm, SegmentTag.nte:
            readChild(segment, into: &sink)
        case SegmentTag.bpr, SegmentTag.trn, SegmentTag.cur, SegmentTag.n1, SegmentTag.nm1:
            readHeading(segment, into: &sink)
        case Self.bps where inHeading:
            // 003010 wrote the payment as BPS and the lines as RMT, with other element positions.
            reject(
                X12Diagnostics.version003010(
                    version: context.envelope.version, at: segment.location(file: context.file)), into: &sink)
        default:
            // N2/N3/N4/PER, IT1/SAC/TXI and the other loops carry nothing the canonical records hold.
            if !Self.otherSegments.contains(segment.tag) {
                sink.report(
                    X12Diagnostics.unexpectedSegment(
                        segment.id, reason: "is not part of an 820", at: segment.location(file: context.file)))
            }
        }
    }

    /// Closes the transaction at its SE (or where it was found to be cut off) and reports the tie-out.
    ///
    /// - Parameter rejecting: the caller has reported an error that rejects the transaction (a missing SE, or
    ///   a count check under `strict`); records not yet emitted are dropped.
    mutating func close<Sink: RecordSink>(at location: SourceLocation, rejecting: Bool, into sink: inout Sink) {
        if rejecting {
            rejected = true
            line = nil
            adjustment = nil
            lineAdjustment = nil
        }
        if !rejected {
            if inHeading { startDetail(at: nil, location: location, into: &sink) }
            closeAdjustment(into: &sink)
            closeLine(into: &sink)
        }
        var summary = TransactionSummary(
            kind: "820", location: context.location, envelope: context.envelope,
            status: rejected ? .rejected : .accepted, paymentID: paymentID.isEmpty ? nil : paymentID,
            statedTotal: payment.map { Money($0.amount, currency) }, linesTotal: nil, adjustmentsTotal: nil,
            imbalance: nil, recordCount: recordCount, transactionID: context.transactionID)
        summary.linesRead = linesRead
        if !rejected, let payment {
            summary.linesTotal = Money(linesTotal, currency)
            summary.adjustmentsTotal = Money(adjustmentsTotal, currency)
            do {
                let difference = try payment.amount.subtracting(try linesTotal.adding(adjustmentsTotal))
                summary.imbalance = Money(difference, currency)
                if !difference.isZero {
                    sink.report(
                        X12Diagnostics.imbalance(
                            stated: Money(payment.amount, currency), lines: Money(linesTotal, currency),
                            adjustments: Money(adjustmentsTotal, currency), difference: Money(difference, currency),
                            at: payment.amountLocation))
                }
            } catch {
                sink.report(X12Diagnostics.overflow("the tie-out of BPR02 against RMR04 and ADX01", at: location))
            }
        }
        sink.transactionEnded(summary)
    }

    /// Reports `problem` and drops whatever of the transaction has not been emitted yet.
    mutating func reject<Sink: RecordSink>(_ problem: Diagnostic, into sink: inout Sink) {
        sink.report(problem)
        rejected = true
        line = nil
        adjustment = nil
        lineAdjustment = nil
    }

    @inline(__always)
    mutating func emit<Sink: RecordSink>(_ record: CanonicalRecord, into sink: inout Sink) {
        recordCount += 1
        sink.emit(record)
    }

    /// `total + amount`, or nil (and the transaction rejected) on overflow.
    mutating func sum<Sink: RecordSink>(
        _ total: FixedDecimal, _ amount: FixedDecimal, at place: ElementPlace, into sink: inout Sink
    ) -> FixedDecimal? {
        do {
            return try total.adding(amount)
        } catch {
            reject(X12Diagnostics.overflow("the running total", at: place.location(file: context.file)), into: &sink)
            return nil
        }
    }

    /// Reads an amount element, rejecting the transaction when it is not a number.
    ///
    /// - Returns: nil when the element is absent or blank (with `rejected` unchanged) or malformed (with
    ///   `rejected` set).
    mutating func amount<Sink: RecordSink>(
        _ segment: X12Segment, _ position: Int, name: String, into sink: inout Sink
    ) -> FixedDecimal? {
        guard let bytes = segment.value(position) else { return nil }
        let reason: String
        if let value = X12Text.decimal(bytes) {
            // Digits alone are not enough: 17 of them, or 9 decimals, are no money amount (and would overflow
            // the sums that matching and the report form).
            do {
                return try value.plausibleAmount()
            } catch {
                reason = error.description
            }
        } else {
            reason = X12Text.decimalFailure(bytes)
        }
        reject(
            X12Diagnostics.badAmount(
                name, value: String(decoding: bytes, as: UTF8.self), reason: reason,
                at: segment.location(file: context.file, element: position, name: name)),
            into: &sink)
        return nil
    }
}
