import RemitCore

/// Prints diagnostics to standard error the way compilers do, one per line, as they are found.
public struct DiagnosticPrinter: Sendable {
    /// Lowest severity printed; notes are hidden unless asked for.
    public var minimum: Diagnostic.Severity

    public init(minimum: Diagnostic.Severity = .warning) {
        self.minimum = minimum
    }

    public func print(_ diagnostic: Diagnostic) {
        guard diagnostic.severity >= minimum else { return }
        writeLine(diagnostic.description)
    }

    public func print(message: String) {
        writeLine("remit: " + message)
    }

    /// Writes straight to descriptor 2 so lines from a long run are never held in a buffer.
    private func writeLine(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        bytes.withUnsafeBytes { try? SystemCalls.live.writeAll(2, $0, path: "<stderr>") }
    }
}
