import RemitCore

/// How many diagnostics of each severity a run produced.
public struct DiagnosticCounts: Sendable, Hashable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0

    public init() {}

    public init(_ diagnostics: [Diagnostic]) {
        add(diagnostics)
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
