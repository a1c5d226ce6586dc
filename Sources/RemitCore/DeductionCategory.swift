/// The canonical reason categories every partner's code is mapped onto.
///
/// The raw values are stable identifiers used in output files and in the crosswalks under `mappings/`.
public enum DeductionCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case promotion
    case advertising
    case volumeRebate = "volume_rebate"
    case slotting
    case shortage
    case damage
    case pricing
    case compliance
    case freight
    case returns
    case unearnedDiscount = "unearned_discount"
    case earnedDiscount = "earned_discount"
    case tax
    case duplicate
    case fees
    case unidentified

    public static func < (lhs: DeductionCategory, rhs: DeductionCategory) -> Bool { lhs.rawValue < rhs.rawValue }
}
