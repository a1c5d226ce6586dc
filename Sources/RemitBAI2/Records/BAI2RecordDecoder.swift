import RemitCore

/// Reads the fields of a logical record into a typed record, reporting each field that cannot be read.
///
/// Decoding is lenient where banks are known to differ (defaulted fields left off or added, blank totals,
/// clock-format times) and strict about values: an amount must be digits, a type code three digits.
struct BAI2RecordDecoder {
    let file: String

    func decode<Sink: RecordSink>(_ record: BAI2LogicalRecord, into sink: inout Sink) -> BAI2Record? {
        switch record.code {
        case 1: return .fileHeader(fileHeader(record, into: &sink))
        case 2: return .groupHeader(groupHeader(record, into: &sink))
        case 3: return .accountIdentifier(accountIdentifier(record, into: &sink))
        case 16: return detail(record, into: &sink).map { .detail($0) }
        case 49: return .trailer(trailer(record, kind: .account, into: &sink))
        case 98: return .trailer(trailer(record, kind: .group, into: &sink))
        default: return .trailer(trailer(record, kind: .file, into: &sink))
        }
    }

    // MARK: Records

    private func fileHeader<Sink: RecordSink>(_ record: BAI2LogicalRecord, into sink: inout Sink) -> BAI2FileHeader {
        let version = record.string(8) ?? ""
        if version != "2" {
            sink.report(
                version.isEmpty
                    ? BAI2Diagnostics.missingField("version number", at: record.location(file: file, field: 8))
                    : BAI2Diagnostics.version(version, at: record.location(file: file, field: 8)))
        }
        for (ordinal, meaning) in [(1, "sender identification"), (2, "receiver identification")]
        where record.isEmpty(ordinal) {
            sink.report(BAI2Diagnostics.missingField(meaning, at: record.location(file: file, field: ordinal)))
        }
        return BAI2FileHeader(
            sender: record.string(1) ?? "", receiver: record.string(2) ?? "",
            creationDate: date(record, 3, required: true, into: &sink),
            creationTime: time(record, 4, into: &sink), fileID: record.string(5) ?? "",
            physicalRecordLength: count(record, 6, into: &sink), blockSize: count(record, 7, into: &sink),
            version: version, location: record.location(file: file))
    }

    private func groupHeader<Sink: RecordSink>(_ record: BAI2LogicalRecord, into sink: inout Sink) -> BAI2GroupHeader {
        let statusText = record.string(3)
        let status = statusText.flatMap { Int($0) }
        // Deletion, correction and test groups are read in full; the ledger marks their transactions and reports
        // the group, and reconciliation decides what they take out of the cash.
        if let statusText, status != 1 {
            sink.report(BAI2Diagnostics.groupStatus(statusText, at: record.location(file: file, field: 3)))
        } else if statusText == nil {
            sink.report(BAI2Diagnostics.missingField("group status", at: record.location(file: file, field: 3)))
        }
        if record.isEmpty(2) {
            sink.report(
                BAI2Diagnostics.missingField("originator identification", at: record.location(file: file, field: 2)))
        }
        let modifier = record.string(7)
        return BAI2GroupHeader(
            ultimateReceiver: record.string(1), originator: record.string(2) ?? "",
            status: status, asOfDate: date(record, 4, required: true, into: &sink),
            asOfTime: time(record, 5, into: &sink), currency: record.string(6),
            asOfDateModifier: modifier.flatMap { Int($0) }, location: record.location(file: file))
    }

    private func accountIdentifier<Sink: RecordSink>(
        _ record: BAI2LogicalRecord, into sink: inout Sink
    ) -> BAI2AccountIdentifier {
        if record.isEmpty(1) {
            sink.report(
                BAI2Diagnostics.missingField("customer account number", at: record.location(file: file, field: 1)))
        }
        var entries: [BAI2AccountIdentifier.Entry] = []
        var ordinal = 3
        let last = record.fields.count
        while ordinal <= last {
            // Banks add or leave off empty fields; an empty field where a type code belongs is skipped alone so
            // the groups that follow stay aligned.
            guard let typeCode = record.field(ordinal), !typeCode.isEmpty else {
                ordinal += 1
                continue
            }
            guard typeCode.count == 3, BAI2Number.digits(typeCode) != nil else {
                sink.report(
                    BAI2Diagnostics.badTypeCode(
                        String(decoding: typeCode, as: UTF8.self), at: record.location(file: file, field: ordinal)))
                ordinal += 1
                continue
            }
            let (funds, extra) = self.funds(record, ordinal + 3, into: &sink)
            entries.append(
                BAI2AccountIdentifier.Entry(
                    typeCode: String(decoding: typeCode, as: UTF8.self),
                    amount: amount(record, ordinal + 1, into: &sink),
                    itemCount: count(record, ordinal + 2, into: &sink),
                    funds: funds, location: record.location(file: file, field: ordinal)))
            ordinal += 4 + extra
        }
        return BAI2AccountIdentifier(
            account: record.string(1) ?? "", currency: record.string(2), entries: entries,
            location: record.location(file: file))
    }

    /// Nil when the amount cannot be read: the transaction cannot be reported.
    func detail<Sink: RecordSink>(_ record: BAI2LogicalRecord, into sink: inout Sink) -> BAI2Detail? {
        var typeCode = ""
        if let code = record.field(1), code.count == 3, BAI2Number.digits(code) != nil {
            typeCode = String(decoding: code, as: UTF8.self)
        } else if let code = record.string(1) {
            sink.report(BAI2Diagnostics.badTypeCode(code, at: record.location(file: file, field: 1)))
        } else {
            sink.report(BAI2Diagnostics.missingField("type code", at: record.location(file: file, field: 1)))
        }
        var amount: Int64?
        if let text = record.field(2), !text.isEmpty {
            switch BAI2Number.amount(text) {
            case .success(let value): amount = value
            case .failure(let failure):
                sink.report(
                    BAI2Diagnostics.badAmount(
                        String(decoding: text, as: UTF8.self), reason: BAI2Number.explain(failure),
                        at: record.location(file: file, field: 2)))
                return nil
            }
        }
        let (funds, extra) = self.funds(record, 3, into: &sink)
        return BAI2Detail(
            typeCode: typeCode, amount: amount, funds: funds, bankReference: record.string(4 + extra),
            customerReference: record.string(5 + extra),
            text: record.text.isEmpty ? nil : String(decoding: record.text, as: UTF8.self),
            location: record.location(file: file))
    }

    private func trailer<Sink: RecordSink>(
        _ record: BAI2LogicalRecord, kind: BAI2Trailer.Kind, into sink: inout Sink
    ) -> BAI2Trailer {
        var trailer = BAI2Trailer(
            kind: kind, controlTotal: amount(record, 1, into: &sink), childCount: nil, recordCount: nil,
            location: record.location(file: file))
        switch kind {
        case .account:
            trailer.recordCount = count(record, 2, into: &sink)
        case .group, .file:
            if kind == .group && !record.isEmpty(2) && record.isEmpty(3) {
                // Some banks (ASB, New Zealand) leave out the number of accounts: `98,total,records,/`.
                trailer.recordCount = count(record, 2, into: &sink)
            } else {
                trailer.childCount = count(record, 2, into: &sink)
                trailer.recordCount = count(record, 3, into: &sink)
            }
        }
        return trailer
    }

    // MARK: Values

    /// A signed amount in minor units; nil when defaulted or unreadable (reported).
    func amount<Sink: RecordSink>(_ record: BAI2LogicalRecord, _ ordinal: Int, into sink: inout Sink) -> Int64? {
        guard let text = record.field(ordinal), !text.isEmpty else { return nil }
        switch BAI2Number.amount(text) {
        case .success(let value): return value
        case .failure(let failure):
            sink.report(
                BAI2Diagnostics.badAmount(
                    String(decoding: text, as: UTF8.self), reason: BAI2Number.explain(failure),
                    at: record.location(file: file, field: ordinal)))
            return nil
        }
    }

    /// An unsigned count (zero padding allowed); nil when defaulted or unreadable (reported).
    private func count<Sink: RecordSink>(_ record: BAI2LogicalRecord, _ ordinal: Int, into sink: inout Sink) -> Int? {
        guard let text = record.field(ordinal), !text.isEmpty else { return nil }
        if case .success(let value) = BAI2Number.amount(text), value >= 0, text.first != UInt8(ascii: "-") {
            return Int(value)
        }
        sink.report(
            BAI2Diagnostics.badCount(
                String(decoding: text, as: UTF8.self), at: record.location(file: file, field: ordinal)))
        return nil
    }

    private func date<Sink: RecordSink>(
        _ record: BAI2LogicalRecord, _ ordinal: Int, required: Bool, into sink: inout Sink
    ) -> CalendarDate? {
        guard let text = record.field(ordinal), !text.isEmpty else {
            if required {
                sink.report(BAI2Diagnostics.missingField("date", at: record.location(file: file, field: ordinal)))
            }
            return nil
        }
        if text.count == 6, let number = BAI2Number.digits(text),
            let date = CalendarDate(
                year: BAI2Number.year(number / 10_000), month: number / 100 % 100, day: number % 100)
        {
            return date
        }
        sink.report(
            BAI2Diagnostics.badDate(
                String(decoding: text, as: UTF8.self), at: record.location(file: file, field: ordinal)))
        return nil
    }

    private func time<Sink: RecordSink>(_ record: BAI2LogicalRecord, _ ordinal: Int, into sink: inout Sink) -> BAI2Time?
    {
        guard let text = record.field(ordinal), !text.isEmpty else { return nil }
        if let time = BAI2Time.parse(text) { return time }
        sink.report(
            BAI2Diagnostics.badTime(
                String(decoding: text, as: UTF8.self), at: record.location(file: file, field: ordinal)))
        return nil
    }

    /// The funds type at `ordinal` and the fields it adds, and how many fields those are.
    private func funds<Sink: RecordSink>(
        _ record: BAI2LogicalRecord, _ ordinal: Int, into sink: inout Sink
    ) -> (BAI2Funds?, Int) {
        guard let text = record.field(ordinal), !text.isEmpty else { return (nil, 0) }
        guard text.count == 1 else {
            sink.report(
                BAI2Diagnostics.badFundsType(
                    String(decoding: text, as: UTF8.self), at: record.location(file: file, field: ordinal)))
            return (.unknown, 0)
        }
        switch text.first! | 0x20 {  // ASCII lower case
        case UInt8(ascii: "z"): return (.unknown, 0)
        case UInt8(ascii: "0"): return (.immediate, 0)
        case UInt8(ascii: "1"): return (.oneDay, 0)
        case UInt8(ascii: "2"): return (.twoOrMoreDays, 0)
        case UInt8(ascii: "s"):
            return (
                .distributed(
                    immediate: amount(record, ordinal + 1, into: &sink),
                    oneDay: amount(record, ordinal + 2, into: &sink),
                    twoOrMoreDays: amount(record, ordinal + 3, into: &sink)), 3
            )
        case UInt8(ascii: "v"):
            return (
                .valueDated(
                    date: date(record, ordinal + 1, required: false, into: &sink),
                    time: time(record, ordinal + 2, into: &sink)), 2
            )
        case UInt8(ascii: "d"):
            let number = count(record, ordinal + 1, into: &sink) ?? 0
            let distributions = min(number, 1000)
            var list: [BAI2Funds.Distribution] = []
            for index in 0..<distributions {
                let daysOrdinal = ordinal + 2 + 2 * index
                list.append(
                    BAI2Funds.Distribution(
                        days: count(record, daysOrdinal, into: &sink),
                        amount: amount(record, daysOrdinal + 1, into: &sink)))
            }
            return (.distributedByDays(list), 1 + 2 * distributions)
        default:
            sink.report(
                BAI2Diagnostics.badFundsType(
                    String(decoding: text, as: UTF8.self), at: record.location(file: file, field: ordinal)))
            return (.unknown, 0)
        }
    }
}
