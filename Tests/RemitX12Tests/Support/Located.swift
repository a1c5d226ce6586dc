import RemitCore

/// A diagnostic reduced to what the tests pin down: its code, its severity and every part of its location.
struct Located: Hashable, Sendable, CustomStringConvertible {
    var code: String
    var severity: Diagnostic.Severity
    var line: Int
    var column: Int
    var byteOffset: Int64
    var segment: Int?
    var element: String?

    init(
        _ code: String, _ severity: Diagnostic.Severity, line: Int, column: Int, byte: Int64, segment: Int?,
        element: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.line = line
        self.column = column
        byteOffset = byte
        self.segment = segment
        self.element = element
    }

    init(_ diagnostic: Diagnostic) {
        self.init(
            diagnostic.code, diagnostic.severity, line: diagnostic.location.line, column: diagnostic.location.column,
            byte: diagnostic.location.byteOffset, segment: diagnostic.location.segmentIndex,
            element: diagnostic.location.element)
    }

    var description: String {
        "\(code) \(severity) \(line):\(column) byte \(byteOffset) segment \(segment.map(String.init) ?? "-") "
            + (element ?? "-")
    }
}

extension CollectingSink {
    /// Every diagnostic as a `Located`, in the order reported.
    var located: [Located] { diagnostics.map(Located.init) }
}
