import RemitCore

/// Everything `remit convert` was asked to do.
public struct ConvertOptions: Sendable {
    public enum OutputFormat: String, Sendable, CaseIterable {
        case jsonl, csv
    }

    public var inputs: [String]
    public var format: OutputFormat
    /// A file path, or nil for standard output.
    public var outputPath: String?
    public var settings: ParseSettings

    public init(inputs: [String], format: OutputFormat, outputPath: String?, settings: ParseSettings) {
        self.inputs = inputs
        self.format = format
        self.outputPath = outputPath
        self.settings = settings
    }
}
