import RemitCore

/// How many diagnostics of each severity a run produced.
public struct DiagnosticCounts: Sendable, Hashable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    /// Of these, how many were counted but not kept in full (see `DiagnosticList`).
    public var notListed = 0

    public init() {}

    public init(_ diagnostics: [Diagnostic]) {
        add(diagnostics)
    }

    public init(_ list: DiagnosticList) {
        add(list)
    }

    public mutating func add(_ list: DiagnosticList) {
        errors += list.errors
        warnings += list.warnings
        notes += list.notes
        notListed += list.notListed
    }

    public mutating func add(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }

    public var total: Int { errors + warnings + notes }
}
