import RemitCore

/// Prints diagnostics to standard error the way compilers do, one per line, as they are found.
public struct DiagnosticPrinter: Sendable {
    /// Lowest severity printed; notes are hidden unless asked for.
    public var minimum: Diagnostic.Severity
    /// Prints nothing: for callers that collect the diagnostics from the outputs instead (`remit watch`).
    public var muted: Bool

    public init(minimum: Diagnostic.Severity = .warning, muted: Bool = false) {
        self.minimum = minimum
        self.muted = muted
    }

    public func print(_ diagnostic: Diagnostic) {
        guard !muted, diagnostic.severity >= minimum else { return }
        writeLine(diagnostic.description)
    }

    public func print(message: String) {
        guard !muted else { return }
        writeLine("remit: " + message)
    }

    /// Writes straight to descriptor 2 so lines from a long run are never held in a buffer.
    private func writeLine(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        bytes.withUnsafeBytes { try? SystemCalls.live.writeAll(2, $0, path: "<stderr>") }
    }
}
