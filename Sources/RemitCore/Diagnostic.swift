/// A problem found in an input, located precisely enough to fix it.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .note: return 0
            case .warning: return 1
            case .error: return 2
            }
        }
    }

    public var severity: Severity
    /// A short stable identifier for the kind of problem, e.g. `x12.se-count`, for filtering and tests.
    public var code: String
    public var message: String
    public var location: SourceLocation
    /// What the user can do about it, when there is something to say.
    public var hint: String?

    public init(
        _ severity: Severity, code: String, _ message: String, at location: SourceLocation, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// `path:line:col: error: message [segment 12, ADX01] (hint)` as printed on stderr.
    public var description: String {
        var text = "\(location.compilerStyle): \(severity.rawValue): \(message)"
        var place: [String] = []
        if let index = location.segmentIndex {
            place.append((location.indexUnit == .row ? "row " : "segment ") + String(index))
        }
        if let element = location.element { place.append(element) }
        if let path = location.path { place.append(path) }
        // Offset 0 is only printed for the file's first byte: readers that know a line but no offset (an ISO
        // 20022 element's value) leave it at 0.
        if location.byteOffset > 0 || (location.line == 1 && location.column == 1) {
            place.append("byte \(location.byteOffset)")
        }
        if !place.isEmpty { text += " [" + place.joined(separator: ", ") + "]" }
        if let hint { text += "; hint: " + hint }
        return text
    }

    /// The same diagnostic as an error, as `--strict` asks for warnings.
    public func promoted() -> Diagnostic {
        var copy = self
        if copy.severity == .warning { copy.severity = .error }
        return copy
    }
}
