import RemitCore

/// Links the deductions announced in 812 memos to the 820 deductions and lines that quote their memo numbers.
///
/// A memo is taken when, for the same payer, an ADX04 (a stated deduction's memo number) or an RMR02 (a
/// remittance line's reference) equals its BCD02, compared on letters and digits only, case-folded. Payers are
/// the same when one partner of `partners` holds both, else when their ids agree, else their names; a side
/// that names no payer does not block a link.
///
/// A memo number sent again in a later 812 replaces the earlier memo (whatever its BCD11 purpose says, since
/// partners resend originals too), except a confirmation (`06`) or duplicate (`07`), which is set aside;
/// either way the memo is counted once, and what was set aside is listed in `superseded`.
///
/// Only the deductions passed in are compared: `remit reconcile --history` adds the memos of earlier runs
/// that this run's records quote.
public struct MemoLinker {
    public var partners: PartnerDirectory

    public init(partners: PartnerDirectory = PartnerDirectory()) {
        self.partners = partners
    }

    /// Sorts `deductions` into the register (everything not announced) and the announcements.
    ///
    /// - Parameters:
    ///   - deductions: every deduction of the run, announced or not, in input order.
    ///   - lines: the run's remittance lines, in input order.
    /// - Returns: the deductions that belong in the register, and what became of the announced ones.
    public func link(deductions: [Deduction], lines: [RemittanceLine]) -> (
        register: [Deduction], announcements: Announcements
    ) {
        let announced = deductions.filter { $0.origin == .announced }
        let register = deductions.filter { $0.origin != .announced }
        guard !announced.isEmpty else { return (register, Announcements()) }

        var memoOrder: [String] = []
        var byMemo: [String: [Deduction]] = [:]
        var result = Announcements()
        for deduction in announced {
            guard let key = deduction.memoNumber.flatMap(Self.key) else {
                result.notYetTaken.append(deduction)
                continue
            }
            guard let earlier = byMemo[key] else {
                memoOrder.append(key)
                byMemo[key] = [deduction]
                continue
            }
            if Self.sameMemo(earlier[earlier.count - 1], deduction) {
                byMemo[key]!.append(deduction)
            } else if Self.neverReplaces.contains(deduction.memo?.purpose ?? "") {
                result.superseded.append(deduction)
            } else {
                // The same memo number sent again: the later memo stands, so it is counted once.
                result.superseded += earlier
                byMemo[key] = [deduction]
            }
        }
        var takenBy: [String: [Deduction]] = [:]
        var announcing: [Party: Bool] = [:]
        for deduction in register where deduction.origin == .stated {
            guard let key = deduction.memoNumber.flatMap(Self.key), let memo = byMemo[key],
                samePayer(memo[0].payer, deduction.payer)
            else {
                let payer = deduction.payer
                if announcing[payer] == nil { announcing[payer] = announces(payer, among: announced) }
                if announcing[payer]! { result.takenNotAnnounced.append(deduction) }
                continue
            }
            takenBy[key, default: []].append(deduction)
        }
        var takenByLines: [String: [RemittanceLine]] = [:]
        for line in lines {
            guard let key = Self.key(line.reference), let memo = byMemo[key], samePayer(memo[0].payer, line.payer)
            else { continue }
            takenByLines[key, default: []].append(line)
        }
        for key in memoOrder {
            let memo = byMemo[key]!
            if takenBy[key] == nil && takenByLines[key] == nil {
                result.notYetTaken += memo
            } else {
                result.linked.append(
                    Announcements.Link(
                        memoNumber: memo[0].memoNumber ?? key, announced: memo, takenBy: takenBy[key] ?? [],
                        takenByLines: takenByLines[key] ?? []))
            }
        }
        return (register, result)
    }

    /// BCD11 purposes that never replace an earlier memo of the same number: confirmation, duplicate.
    static let neverReplaces: Set<String> = ["06", "07"]

    /// Whether two announced deductions are lines of one memo (one 812 transaction set of one file).
    static func sameMemo(_ first: Deduction, _ second: Deduction) -> Bool {
        first.provenance.transactionID == second.provenance.transactionID
            && first.provenance.location.file == second.provenance.location.file
    }

    /// Letters and digits, upper case (as customer names are compared); nil when nothing is left.
    public static func key(_ memoNumber: String) -> String? { CustomerKey.name(memoNumber) }

    /// False only when both parties are known and differ.
    func samePayer(_ first: Party, _ second: Party) -> Bool {
        if let one = partners.partner(for: first), let other = partners.partner(for: second) {
            return one.key == other.key
        }
        if let one = CustomerKey.id(first.id), let other = CustomerKey.id(second.id) { return one == other }
        if let one = CustomerKey.name(first.name), let other = CustomerKey.name(second.name) { return one == other }
        return true
    }

    /// Whether `payer` sent any of the announcements (so its unannounced deductions are worth listing).
    func announces(_ payer: Party, among announced: [Deduction]) -> Bool {
        announced.contains { samePayer($0.payer, payer) && !($0.payer.isEmpty || payer.isEmpty) }
    }
}
