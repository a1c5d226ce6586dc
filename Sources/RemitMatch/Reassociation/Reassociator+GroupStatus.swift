import RemitCore

extension Reassociator {
    /// What a deletion or correction group withdraws: one account of one originator on one as-of date.
    private struct GroupKey: Hashable {
        var originator: String
        var account: String
        var asOfDate: CalendarDate?
    }

    /// The credits the bank itself says are not cash, by index in `credits`, each with the evidence of why.
    ///
    /// A credit of a test-only or deletion group is set aside for its own status (`group_status`). Any other
    /// credit, a correction's included, is set aside when a deletion or correction group read after it names
    /// the same originator, account and as-of date (`replaced_by`: the header of the first such group, as
    /// `file:line`, and `replacing_status`). A group or credit without an originator withdraws or loses
    /// nothing: nothing would say that the two come from the same bank.
    /// - Parameters:
    ///   - credits: the bank credits in input order.
    ///   - withdrawals: deletion and correction groups in input order; test-only groups withdraw nothing.
    static func groupStatusSetAside(
        _ credits: [BankTransaction], withdrawals: [GroupWithdrawal]
    ) -> [Int: [Evidence]] {
        var byKey: [GroupKey: [GroupWithdrawal]] = [:]
        for withdrawal in withdrawals where withdrawal.group.status != .testOnly {
            guard let originator = withdrawal.group.originator else { continue }
            for account in Set(withdrawal.group.accounts) {
                let key = GroupKey(originator: originator, account: account, asOfDate: withdrawal.group.asOfDate)
                byKey[key, default: []].append(withdrawal)
            }
        }
        var setAside: [Int: [Evidence]] = [:]
        for (index, credit) in credits.enumerated() {
            if let status = credit.status.flatMap(BankStatusGroup.Status.init(rawValue:)), status != .correction {
                setAside[index] = [Evidence("group_status", status.rawValue)]
                continue
            }
            guard !byKey.isEmpty, let originator = credit.provenance.envelope.groupControl,
                let candidates = byKey[
                    GroupKey(originator: originator, account: credit.account, asOfDate: credit.asOfDate)]
            else { continue }
            // The group read next after the credit is the one that replaced it; a later one replaced that one.
            var replacing: GroupWithdrawal?
            for candidate in candidates where candidate.creditsBefore > index {
                if replacing == nil || candidate.creditsBefore < replacing!.creditsBefore { replacing = candidate }
            }
            guard let replacing else { continue }
            let header = replacing.group.location
            setAside[index] = [
                Evidence("replaced_by", "\(header.file):\(header.line)"),
                Evidence("replacing_status", replacing.group.status.rawValue),
            ]
        }
        return setAside
    }
}
