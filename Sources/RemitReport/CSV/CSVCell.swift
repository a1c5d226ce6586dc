import RemitCore

/// One cell of a CSV row, tagged with how it may be written.
///
/// Text cells get the spreadsheet formula guard; number cells are written as they are, but only when
/// their text really is a plain number, so a mislabelled cell is still guarded.
public enum CSVCell: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Free text from an input or from Remit: guarded against formula injection.
    case text(String)
    /// A plain decimal or integer Remit formatted itself, such as `-12.50` or `3`.
    case number(String)

    public init(stringLiteral value: String) { self = .text(value) }

    /// A text cell, or an empty one for nil.
    public static func optional(_ value: String?) -> CSVCell { .text(value ?? "") }

    /// An amount as a plain decimal with the currency's minor digits, or an empty cell for nil.
    public static func amount(_ value: Money?) -> CSVCell { .number(value?.formattedAmount ?? "") }

    /// The currency code of an amount, or an empty cell for nil.
    public static func currency(_ value: Money?) -> CSVCell { .text(value?.currency ?? "") }

    /// An integer, or an empty cell for nil.
    public static func integer(_ value: Int?) -> CSVCell { .number(value.map { String($0) } ?? "") }

    /// The cell's text as it was given, before guarding and quoting.
    public var rawText: String {
        switch self {
        case .text(let text), .number(let text): return text
        }
    }
}
