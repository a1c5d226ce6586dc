/// The diagnostics of one input: the first `limit` kept in full, every one counted by severity.
///
/// A hostile or broken file can hold millions of problems (five million empty X12 segments are 5 MB);
/// keeping each one made memory and the report grow with them. The counts stay exact, so exit codes,
/// file status and the report's totals do not depend on the limit; only the listing is cut short, and
/// `notListed` says by how much.
///
/// As a sequence it goes over the diagnostics kept, in the order they were added.
public struct DiagnosticList: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral {
    /// How many diagnostics of one input are kept in full.
    ///
    /// A thousand problems are more than anyone reads before fixing the cause, and keep an input's
    /// share of memory, `summary.json` and `report.html` to about a megabyte.
    public static let defaultLimit = 1000

    public let limit: Int
    /// The first `limit` diagnostics, in the order they were added.
    public private(set) var listed: [Diagnostic] = []
    public private(set) var errors = 0
    public private(set) var warnings = 0
    public private(set) var notes = 0

    public init(limit: Int = DiagnosticList.defaultLimit) {
        precondition(limit >= 0, "a diagnostic limit cannot be negative")
        self.limit = limit
    }

    public init(arrayLiteral diagnostics: Diagnostic...) {
        self.init()
        append(contentsOf: diagnostics)
    }

    /// Counts `diagnostic`, and keeps it when fewer than `limit` are kept.
    public mutating func append(_ diagnostic: Diagnostic) {
        switch diagnostic.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .note: notes += 1
        }
        if listed.count < limit { listed.append(diagnostic) }
    }

    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// Every diagnostic added, listed or not.
    public var total: Int { errors + warnings + notes }

    /// Diagnostics counted but not kept.
    public var notListed: Int { total - listed.count }

    /// True when nothing was added (with a limit above zero, also when none is listed).
    public var isEmpty: Bool { total == 0 }

    /// The first diagnostic added, when it was kept.
    public var first: Diagnostic? { listed.first }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> { listed.makeIterator() }

    public var underestimatedCount: Int { listed.count }

    /// The diagnostics not kept, by severity.
    public var notListedBySeverity: (errors: Int, warnings: Int, notes: Int) {
        var errors = self.errors
        var warnings = self.warnings
        var notes = self.notes
        for diagnostic in listed {
            switch diagnostic.severity {
            case .error: errors -= 1
            case .warning: warnings -= 1
            case .note: notes -= 1
            }
        }
        return (errors, warnings, notes)
    }
}
