/// How a job ended, for the exit code.
public struct JobOutcome: Sendable, Hashable {
    /// Some file, transaction or row was rejected (errors were printed).
    public var inputRejected: Bool
    /// Counts printed in the closing line.
    public var recordsWritten: Int
    public var errors: Int
    public var warnings: Int
    /// One line saying what the run did, printed on stderr at the end.
    public var closingLine: String

    public init(inputRejected: Bool, recordsWritten: Int, errors: Int, warnings: Int, closingLine: String = "") {
        self.inputRejected = inputRejected
        self.recordsWritten = recordsWritten
        self.errors = errors
        self.warnings = warnings
        self.closingLine = closingLine
    }
}
