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
    static func run(inputs: [ParsedInput], settings: ParseSettings) -> Reassociation {
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
        for input in inputs {
            let cash = input.bankTransactions.filter { isCustomerCash($0, format: input.format, typeCodes: typeCodes) }
            for group in input.statusGroups where group.status != .testOnly {
                // Records of one file come in file order: those before the group's header were read before it.
                let before = cash.count { $0.provenance.location.byteOffset < group.location.byteOffset }
                withdrawals.append(GroupWithdrawal(group: group, creditsBefore: credits.count + before))
            }
            credits += cash
        }
        return Reassociator().pair(credits: credits, payments: inputs.flatMap(\.payments), withdrawals: withdrawals)
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
