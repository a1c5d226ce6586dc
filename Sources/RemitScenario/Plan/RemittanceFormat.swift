/// The remittance formats a scenario writes, each read by one of Remit's readers.
package enum RemittanceFormat: String, Sendable, CaseIterable, Codable {
    case camt054 = "camt.054"
    case ctx = "nacha-ctx"
    case remt001 = "remt.001"
    case x12 = "x12-820"

    /// How the file names of this format begin and end (`x12-001.820`).
    var fileStem: String {
        switch self {
        case .camt054: return "camt054"
        case .ctx: return "ctx"
        case .remt001: return "remt001"
        case .x12: return "x12"
        }
    }

    var fileExtension: String {
        switch self {
        case .camt054, .remt001: return "xml"
        case .ctx: return "ach"
        case .x12: return "820"
        }
    }

    /// Share of payments sent in each format, in `allCases` order.
    static let weights = [25, 25, 15, 35]
}
