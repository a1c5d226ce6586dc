import RemitBAI2
import RemitCore
import RemitMatch

/// Chooses which bank transactions are customer cash and pairs them with the run's payments.
enum CashReassociation {
    /// Pairs the customer credits of every bank input with every payment read, in input order.
    ///
    /// A BAI2 detail is customer cash when it is a credit, not a reversal, and its type code is marked as
    /// carrying a payment in the type-code table (lockbox, ACH, EDI, wire, check or other deposits); an ISO
    /// 20022 entry when it is a credit that reverses nothing. NACHA entries are not bank transactions: the
    /// account statement reports the same credits.
    ///
    /// An ISO 20022 credit whose status is not `BOOK` (`PDNG`, `INFO`, `FUTR`) is handed over too, and set
    /// aside by the reassociator with its status, so it is shown rather than left out.
    ///
    /// The credits of BAI2 groups sent as test only or deletion, and those a deletion or correction group
    /// withdraws, are handed over all the same, with each deletion and correction group placed among them:
    /// the reassociator sets them aside in the open rather than have them vanish.
    ///
    /// - Returns: the pairings, and a `bai2.group-order` warning (with the index of its input) for each input
    ///   whose update credits come after a deletion or correction group read before them for the same
    ///   originator, account and as-of date: see `groupOrderWarnings`.
    static func run(inputs: [ParsedInput], settings: ParseSettings) -> (
        reassociation: Reassociation, warnings: [(input: Int, diagnostic: Diagnostic)]
    ) {
        var typeCodes = settings.bai2TypeCodes ?? BAI2TypeCodeTable()
        if settings.bai2TypeCodes == nil, inputs.contains(where: { $0.format == .bai2 }),
            let folder = settings.mappingsDirectory,
            let loaded = try? ParseSettings.loadBAI2TypeCodes(mappingsDirectory: folder)
        {
            // A broken table has already been reported by the BAI2 reader.
            typeCodes = loaded
        }
        // TODO: a run with a NACHA file and no statement shows every ACH payment as remittance without cash;
        // an option could let the NACHA entries stand as the cash when no bank file covers their account.
        // TODO: a deletion or correction group withdraws only what this run read; the group it replaces, when
        // reconciled in an earlier run, stays counted there (the run history keeps no bank credits).
        var credits: [BankTransaction] = []
        var withdrawals: [GroupWithdrawal] = []
        var cashByInput: [[BankTransaction]] = []
        for input in inputs {
            let cash = input.bankTransactions.filter { isCustomerCash($0, format: input.format, typeCodes: typeCodes) }
            cashByInput.append(cash)
            for group in input.statusGroups where group.status != .testOnly {
                // Records of one file come in file order: those before the group's header were read before it.
                let before = cash.count { $0.provenance.location.byteOffset < group.location.byteOffset }
                withdrawals.append(GroupWithdrawal(group: group, creditsBefore: credits.count + before))
            }
            credits += cash
        }
        let reassociation = Reassociator().pair(
            credits: credits, payments: inputs.flatMap(\.payments), withdrawals: withdrawals)
        return (reassociation, groupOrderWarnings(inputs: inputs, cash: cashByInput))
    }

    /// What a deletion or correction group withdraws: one account of one originator on one as-of date.
    private struct GroupKey: Hashable {
        var originator: String
        var account: String
        var asOfDate: CalendarDate?
    }

    /// One warning per input and group for update credits read after a deletion or correction group of the same
    /// originator, account and as-of date (in an earlier input, or earlier in the same file), at the first such
    /// credit. Nothing withdraws them; when they are the group the correction replaces, given after it (a glob
    /// puts `x-correction.bai2` before `x.bai2`), the day's cash is counted twice. They may as well be a later
    /// update of the day, so they stay cash, but not unremarked.
    static func groupOrderWarnings(inputs: [ParsedInput], cash: [[BankTransaction]]) -> [(
        input: Int, diagnostic: Diagnostic
    )] {
        var earlier: [GroupKey: BankStatusGroup] = [:]
        var warnings: [(input: Int, diagnostic: Diagnostic)] = []
        for (index, input) in inputs.enumerated() {
            var groups = earlier
            var warned: Set<SourceLocation> = []
            // Groups and credits both come in file order: the groups whose header precedes the credit join in turn.
            var next = input.statusGroups.startIndex
            for credit in cash[index] where credit.status == nil {
                while next < input.statusGroups.endIndex,
                    input.statusGroups[next].location.byteOffset < credit.provenance.location.byteOffset
                {
                    let group = input.statusGroups[next]
                    next += 1
                    guard group.status != .testOnly else { continue }
                    for key in keys(of: group) where groups[key] == nil { groups[key] = group }
                }
                guard let originator = credit.provenance.envelope.groupControl,
                    let group = groups[
                        GroupKey(originator: originator, account: credit.account, asOfDate: credit.asOfDate)],
                    warned.insert(group.location).inserted
                else { continue }
                warnings.append(
                    (
                        index,
                        Diagnostic(
                            .warning, code: "bai2.group-order",
                            "credit of an update read after the \(group.status.rawValue) at "
                                + "\(group.location.file):\(group.location.line) for the same originator, account "
                                + "\(credit.account) and as-of date; it is counted as cash and nothing withdraws it",
                            at: credit.provenance.location,
                            hint:
                                "if this is the group the \(group.status.rawValue) replaces, give its file before the "
                                + "\(group.status.rawValue)'s")
                    ))
            }
            for group in input.statusGroups where group.status != .testOnly {
                for key in keys(of: group) where earlier[key] == nil { earlier[key] = group }
            }
        }
        return warnings
    }

    private static func keys(of group: BankStatusGroup) -> [GroupKey] {
        guard let originator = group.originator else { return [] }
        return group.accounts.map { GroupKey(originator: originator, account: $0, asOfDate: group.asOfDate) }
    }

    static func isCustomerCash(_ transaction: BankTransaction, format: InputFormat, typeCodes: BAI2TypeCodeTable)
        -> Bool
    {
        guard transaction.direction == .credit, !transaction.isReversal, !transaction.amount.isZero else {
            return false
        }
        switch format {
        case .bai2:
            guard let value = Int(transaction.typeCode) else { return false }
            return typeCodes.classify(value, code: transaction.typeCode, inDetail: true).carriesPayment
        case .iso20022:
            return true
        case .x12, .ach, .unknown:
            return false
        }
    }
}
