import RemitCore

/// Follows the file → group → account structure of a BAI2 file, ties out its trailers, and turns each
/// detail into a canonical bank transaction.
///
/// Only running sums and counts of the open file, group and account are kept. Control totals are compared
/// level by level: a 49 against the amounts of its account, a 98 against the 49 totals of its group, a 99
/// against the 98 totals, so one wrong figure gives one message. A trailer that never comes is an error;
/// what was read before it is kept.
struct BAI2Ledger {
    let file: String
    let fileSHA256: String
    let idPrefix: String
    let options: BAI2Options
    private let decoder: BAI2RecordDecoder

    struct FileState {
        var location: SourceLocation
        var groups = 0
        /// Σ of the 98 totals (or of the group sums, for groups without a 98); nil once it overflowed.
        var total: Int64? = 0

        mutating func add(_ amount: Int64?) { total = BAI2Ledger.adding(amount, to: total) }
    }

    struct GroupState {
        var location: SourceLocation
        var asOfDate: CalendarDate?
        var currency: String
        /// Nil for an update.
        var status: BankStatusGroup.Status?
        var originator: String?
        var accounts = 0
        /// The accounts of a deletion, correction or test group, for the report of the group; empty for updates.
        var accountNames: [String] = []
        /// Σ of the 49 totals (or of the account sums, for accounts without a 49); nil once it overflowed.
        var total: Int64? = 0

        mutating func add(_ amount: Int64?) { total = BAI2Ledger.adding(amount, to: total) }
    }

    struct AccountState {
        var location: SourceLocation
        var account: String
        var currency: String
        var scale: UInt8
        var transactionID: String
    }

    /// What every transaction of the open account shares, kept outside the optional states so the detail
    /// path reads it without copying them.
    struct DetailContext {
        var account = ""
        var currency = Currency.defaultCode
        var scale: UInt8 = 2
        var asOfDate: CalendarDate?
        var transactionID = ""
        /// The group's status as stamped on each transaction; nil for an update.
        var groupStatus: String?
    }

    var context = DetailContext()

    /// The running figures of the open file, group and account, as plain integers for the detail path.
    struct Counters {
        var fileRecords = 0
        var groupRecords = 0
        var accountRecords = 0
        /// Σ of every amount in the account's 03, its 88s and its 16s.
        var accountSum: Int64 = 0
        var accountTransactions = 0
        var hasFile = false
        var hasGroup = false
        var hasAccount = false

        mutating func count(_ physical: Int) {
            if hasFile { fileRecords += physical }
            if hasGroup { groupRecords += physical }
            if hasAccount { accountRecords += physical }
        }
    }

    var counters = Counters()
    var fileState: FileState?
    var group: GroupState?
    var account: AccountState?
    private var envelope = EnvelopeKeys()
    var envelopeKeys: EnvelopeKeys { envelope }
    private var sawFileHeader = false
    private var sawAnything = false
    private var reportedCodes = Set<Int>()
    let idStem: String

    init(file: String, fileSHA256: String, idPrefix: String, options: BAI2Options) {
        self.file = file
        self.fileSHA256 = fileSHA256
        self.idPrefix = idPrefix
        self.options = options
        decoder = BAI2RecordDecoder(file: file)
        idStem = idPrefix + ":bank:"
    }

    mutating func handle<Sink: RecordSink>(_ record: BAI2LogicalRecord, into sink: inout Sink) {
        if !sawAnything {
            sawAnything = true
            if record.code != 1 { sink.report(BAI2Diagnostics.noFileHeader(at: record.location(file: file))) }
        }
        let physical = record.physicalRecords
        if record.code == 16 {
            // Most records are details: skip the general record enum for them.
            if let detail = decoder.detail(record, into: &sink) {
                addDetail(detail, physical: physical, into: &sink)
            } else {
                count(physical)
                if account == nil { sink.report(BAI2Diagnostics.detailOutsideAccount(at: record.location(file: file))) }
            }
            return
        }
        let decoded = decoder.decode(record, into: &sink)
        switch decoded {
        case .fileHeader(let header): openFile(header, physical: physical, into: &sink)
        case .groupHeader(let header): openGroup(header, physical: physical, into: &sink)
        case .accountIdentifier(let identifier): openAccount(identifier, physical: physical, into: &sink)
        case .detail(let detail): addDetail(detail, physical: physical, into: &sink)
        case .trailer(let trailer):
            switch trailer.kind {
            case .account: closeAccount(trailer, physical: physical, into: &sink)
            case .group: closeGroup(trailer, physical: physical, into: &sink)
            case .file: closeFile(trailer, physical: physical, into: &sink)
            }
        case nil:
            // A 16 whose amount cannot be read: counted, not reported as a transaction.
            count(physical)
            if account == nil { sink.report(BAI2Diagnostics.detailOutsideAccount(at: record.location(file: file))) }
        }
    }

    /// Reports every envelope still open when the input ends.
    mutating func finish<Sink: RecordSink>(at location: SourceLocation, into sink: inout Sink) {
        if !sawAnything {
            sink.report(BAI2Diagnostics.noFileHeader(at: location))
            return
        }
        closeOpen(upTo: .file, before: "before the end of the file", at: location, into: &sink)
    }

    mutating func count(_ physical: Int) { counters.count(physical) }

    // MARK: Headers

    private mutating func openFile<Sink: RecordSink>(_ header: BAI2FileHeader, physical: Int, into sink: inout Sink) {
        closeOpen(upTo: .file, before: "before the next 01", at: header.location, into: &sink)
        sawFileHeader = true
        fileState = FileState(location: header.location)
        counters.hasFile = true
        counters.fileRecords = 0
        envelope = EnvelopeKeys(
            interchangeControl: header.fileID.isEmpty ? nil : header.fileID,
            senderID: header.sender.isEmpty ? nil : header.sender,
            receiverID: header.receiver.isEmpty ? nil : header.receiver,
            version: header.version.isEmpty ? nil : header.version)
        count(physical)
    }

    private mutating func openGroup<Sink: RecordSink>(_ header: BAI2GroupHeader, physical: Int, into sink: inout Sink) {
        closeOpen(upTo: .group, before: "before the next 02", at: header.location, into: &sink)
        if fileState == nil && sawFileHeader {
            sink.report(
                BAI2Diagnostics.unexpectedRecord(
                    "02", reason: "after the 99 file trailer; read anyway", at: header.location))
        }
        var currency = options.defaultCurrency
        if let stated = header.currency {
            if Currency.isWellFormed(stated) {
                currency = stated
            } else {
                sink.report(
                    BAI2Diagnostics.badCurrency(
                        stated, fallback: currency, at: header.location.element("02.6")))
            }
        }
        fileState?.groups += 1
        envelope.groupControl = header.originator.isEmpty ? nil : header.originator
        group = GroupState(
            location: header.location, asOfDate: header.asOfDate, currency: currency, status: header.bankStatus,
            originator: envelope.groupControl)
        counters.hasGroup = true
        counters.groupRecords = 0
        count(physical)
    }

    private mutating func openAccount<Sink: RecordSink>(
        _ identifier: BAI2AccountIdentifier, physical: Int, into sink: inout Sink
    ) {
        closeOpen(upTo: .account, before: "before the next 03", at: identifier.location, into: &sink)
        if group == nil {
            sink.report(
                BAI2Diagnostics.unexpectedRecord(
                    "03", reason: "outside any group (no 02 before it); read anyway", at: identifier.location))
        }
        var currency = group?.currency ?? options.defaultCurrency
        if let stated = identifier.currency {
            if Currency.isWellFormed(stated) {
                currency = stated
            } else {
                sink.report(
                    BAI2Diagnostics.badCurrency(stated, fallback: currency, at: identifier.location.element("03.2")))
            }
        }
        group?.accounts += 1
        if group?.status != nil { group?.accountNames.append(identifier.account) }
        account = AccountState(
            location: identifier.location, account: identifier.account, currency: currency,
            scale: Currency.minorDigits(of: currency),
            transactionID: "03@" + String(identifier.location.segmentIndex ?? 0))
        counters.hasAccount = true
        counters.accountRecords = 0
        counters.accountSum = 0
        counters.accountTransactions = 0
        context = DetailContext(
            account: identifier.account, currency: currency, scale: Currency.minorDigits(of: currency),
            asOfDate: group?.asOfDate, transactionID: account!.transactionID, groupStatus: group?.status?.rawValue)
        count(physical)
        for entry in identifier.entries {
            if let value = Int(entry.typeCode) {
                let code = options.typeCodes.classify(value, code: entry.typeCode, inDetail: false)
                if !code.isListed { reportUnlisted(code, value: value, at: entry.location, into: &sink) }
            }
            if let amount = entry.amount { addToAccount(amount, at: entry.location, field: nil, into: &sink) }
        }
    }

    /// - Parameter field: names the field in `location` when the location is the record's.
    mutating func addToAccount<Sink: RecordSink>(
        _ amount: Int64, at location: SourceLocation, field: String?, into sink: inout Sink
    ) {
        guard counters.hasAccount else { return }
        let (sum, overflow) = counters.accountSum.addingReportingOverflow(amount)
        if overflow {
            sink.report(BAI2Diagnostics.overflow(at: field.map { location.element($0) } ?? location))
        } else {
            counters.accountSum = sum
        }
    }

    mutating func reportUnlisted<Sink: RecordSink>(
        _ code: BAI2TypeCode, value: Int, at location: SourceLocation, into sink: inout Sink
    ) {
        guard reportedCodes.insert(value).inserted else { return }
        var diagnostic = BAI2Diagnostics.unlistedTypeCode(code, at: location)
        if options.strict { diagnostic = diagnostic.promoted() }
        sink.report(diagnostic)
    }

    // MARK: Trailers

    private enum Level: Int, Comparable {
        case account, group, file
        static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Closes the envelopes from the account up to `level` that are still open, reporting each missing trailer.
    private mutating func closeOpen<Sink: RecordSink>(
        upTo level: Level, before reason: String, at location: SourceLocation, into sink: inout Sink
    ) {
        if let open = account {
            let kept =
                switch counters.accountTransactions {
                case 0: "no transaction was read from it; the account is incomplete"
                case 1: "its 1 transaction is kept but the account is incomplete"
                default: "its \(counters.accountTransactions) transactions are kept but the account is incomplete"
                }
            sink.report(
                BAI2Diagnostics.missingTrailer(
                    "49", for: "account \(open.account)", openedAt: open.location, before: reason, kept: kept,
                    at: location))
            group?.add(counters.accountSum)
            endAccount(open, statedTotal: nil, into: &sink)
        }
        guard level >= .group else { return }
        if let open = group {
            sink.report(
                BAI2Diagnostics.missingTrailer(
                    "98", for: "group", openedAt: open.location, before: reason,
                    kept: "the group is incomplete", at: location))
            fileState?.add(open.total)
            endGroup(open, into: &sink)
        }
        guard level >= .file else { return }
        if let open = fileState {
            sink.report(
                BAI2Diagnostics.missingTrailer(
                    "99", for: "file", openedAt: open.location, before: reason, kept: "the file is incomplete",
                    at: location))
            fileState = nil
            counters.hasFile = false
        }
    }

    private mutating func endAccount<Sink: RecordSink>(
        _ open: AccountState, statedTotal: Int64?, into sink: inout Sink
    ) {
        sink.transactionEnded(
            TransactionSummary(
                kind: "bai2-account", location: open.location, envelope: envelope, status: .accepted, paymentID: nil,
                statedTotal: statedTotal.map { money($0, open) }, linesTotal: nil, adjustmentsTotal: nil,
                imbalance: nil, recordCount: counters.accountTransactions, transactionID: open.transactionID))
        account = nil
        counters.hasAccount = false
    }

    private mutating func closeAccount<Sink: RecordSink>(_ trailer: BAI2Trailer, physical: Int, into sink: inout Sink) {
        guard let open = account else {
            sink.report(
                BAI2Diagnostics.unexpectedRecord("49", reason: "without an 03 before it; ignored", at: trailer.location)
            )
            count(physical)
            return
        }
        count(physical)
        let records = counters.accountRecords
        let sum = counters.accountSum
        if (trailer.controlTotal ?? 0) != sum {
            sink.report(
                BAI2Diagnostics.totalMismatch(
                    "49", stated: trailer.controlTotal.map { money($0, open).description } ?? "blank",
                    computed: money(sum, open).description, what: "the amounts of account \(open.account)",
                    at: trailer.location.element("49.1"), strict: options.strict))
        }
        if let stated = trailer.recordCount, stated != records {
            sink.report(
                BAI2Diagnostics.countMismatch(
                    code: "bai2.account-count", element: "49.2", stated: stated, actual: records,
                    what: "records from the 03 through the 49 (88 continuations included)",
                    at: trailer.location.element("49.2"), strict: options.strict))
        }
        group?.add(trailer.controlTotal ?? sum)
        endAccount(open, statedTotal: trailer.controlTotal, into: &sink)
    }

    private mutating func closeGroup<Sink: RecordSink>(_ trailer: BAI2Trailer, physical: Int, into sink: inout Sink) {
        closeOpen(upTo: .account, before: "before the 98", at: trailer.location, into: &sink)
        guard let open = group else {
            sink.report(
                BAI2Diagnostics.unexpectedRecord("98", reason: "without an 02 before it; ignored", at: trailer.location)
            )
            count(physical)
            return
        }
        count(physical)
        let records = counters.groupRecords
        if let total = open.total {
            if (trailer.controlTotal ?? 0) != total {
                sink.report(
                    BAI2Diagnostics.totalMismatch(
                        "98", stated: trailer.controlTotal.map { String($0) } ?? "blank", computed: String(total),
                        what: "the group's 49 totals", at: trailer.location.element("98.1"), strict: options.strict))
            }
        } else {
            sink.report(BAI2Diagnostics.overflow(at: trailer.location.element("98.1")))
        }
        if let stated = trailer.childCount, stated != open.accounts {
            sink.report(
                BAI2Diagnostics.countMismatch(
                    code: "bai2.group-accounts", element: "98.2", stated: stated, actual: open.accounts,
                    what: "accounts (03 records) in the group", at: trailer.location.element("98.2"),
                    strict: options.strict))
        }
        if let stated = trailer.recordCount, stated != records {
            let element = trailer.childCount == nil ? "98.2" : "98.3"
            sink.report(
                BAI2Diagnostics.countMismatch(
                    code: "bai2.group-count", element: element, stated: stated, actual: records,
                    what: "records from the 02 through the 98 (88 continuations included)",
                    at: trailer.location.element(element), strict: options.strict))
        }
        fileState?.add(trailer.controlTotal ?? open.total)
        endGroup(open, into: &sink)
    }

    /// Closes the group, reporting it to the sink when it is not an update.
    private mutating func endGroup<Sink: RecordSink>(_ open: GroupState, into sink: inout Sink) {
        if let status = open.status {
            sink.statusGroupEnded(
                BankStatusGroup(
                    status: status, originator: open.originator, asOfDate: open.asOfDate,
                    accounts: open.accountNames, location: open.location))
        }
        group = nil
        counters.hasGroup = false
    }

    private mutating func closeFile<Sink: RecordSink>(_ trailer: BAI2Trailer, physical: Int, into sink: inout Sink) {
        closeOpen(upTo: .group, before: "before the 99", at: trailer.location, into: &sink)
        guard let open = fileState else {
            sink.report(
                BAI2Diagnostics.unexpectedRecord("99", reason: "without an 01 before it; ignored", at: trailer.location)
            )
            return
        }
        count(physical)
        let records = counters.fileRecords
        if let total = open.total {
            if (trailer.controlTotal ?? 0) != total {
                sink.report(
                    BAI2Diagnostics.totalMismatch(
                        "99", stated: trailer.controlTotal.map { String($0) } ?? "blank", computed: String(total),
                        what: "the file's 98 totals", at: trailer.location.element("99.1"), strict: options.strict))
            }
        } else {
            sink.report(BAI2Diagnostics.overflow(at: trailer.location.element("99.1")))
        }
        if let stated = trailer.childCount, stated != open.groups {
            sink.report(
                BAI2Diagnostics.countMismatch(
                    code: "bai2.file-groups", element: "99.2", stated: stated, actual: open.groups,
                    what: "groups (02 records)", at: trailer.location.element("99.2"), strict: options.strict))
        }
        if let stated = trailer.recordCount, stated != records {
            sink.report(
                BAI2Diagnostics.countMismatch(
                    code: "bai2.file-count", element: "99.3", stated: stated, actual: records,
                    what: "records from the 01 through the 99 (88 continuations included)",
                    at: trailer.location.element("99.3"), strict: options.strict))
        }
        fileState = nil
        counters.hasFile = false
    }

    /// `total + amount`, or nil when `total` is already unknown or the sum does not fit: a trailer total is
    /// never compared after it wrapped around.
    static func adding(_ amount: Int64?, to total: Int64?) -> Int64? {
        guard let total, let amount else { return nil }
        let (sum, overflow) = total.addingReportingOverflow(amount)
        return overflow ? nil : sum
    }

    func money(_ units: Int64, _ account: AccountState) -> Money {
        Money(FixedDecimal(units: units, scale: account.scale), account.currency)
    }
}
