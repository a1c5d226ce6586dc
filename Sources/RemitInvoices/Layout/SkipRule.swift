/// Recognizes rows of an export that are not invoices: totals, group headings, payments.
///
/// A skipped row is counted under its `reason`, never dropped silently.
public struct SkipRule: Sendable, Hashable {
    /// Which cell the rule looks at.
    public enum Target: Sendable, Hashable {
        /// The column mapped to an invoice field.
        case field(InvoiceField)
        /// The first column whose header is one of these spellings (case-insensitive, trimmed).
        case header([String])
        /// Every cell of the row: the rule applies when any cell meets the condition.
        case anyCell
    }

    /// What the cell must be like for the row to be skipped.
    public enum Condition: Sendable, Hashable {
        /// The trimmed cell contains a match of this regular expression (Swift `Regex` syntax; `(?i)` for any case).
        case matches(String)
        /// The trimmed cell is empty (or the row has no such cell).
        case isEmpty
    }

    public var target: Target
    public var condition: Condition
    /// How skipped rows are counted and reported, e.g. `subtotal row`.
    public var reason: String
    /// The rule applies only when this field's cell is empty too: a total row has no invoice number, while a
    /// real invoice of a customer named "Total Wine" has one.
    public var onlyIfEmpty: InvoiceField?

    public init(target: Target, condition: Condition, reason: String, onlyIfEmpty: InvoiceField? = nil) {
        self.target = target
        self.condition = condition
        self.reason = reason
        self.onlyIfEmpty = onlyIfEmpty
    }
}
