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
    ///
    /// Messages quote file names and values from the input; their line breaks and other control characters
    /// are written escaped (`\n`, `\u{1B}`), so that input can neither forge a diagnostic line nor send
    /// escape sequences to the terminal.
    private func writeLine(_ text: String) {
        let bytes = Array((DiagnosticPrinter.escapingControls(text) + "\n").utf8)
        bytes.withUnsafeBytes { try? SystemCalls.live.writeAll(2, $0, path: "<stderr>") }
    }

    /// `text` with C0 and C1 control characters (tab excepted) written as escapes.
    package static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where isEscaped(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }
}
