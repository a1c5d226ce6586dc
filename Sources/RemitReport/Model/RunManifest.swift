import RemitCore

/// What a run was asked to do and what it read: the first thing an auditor checks.
public struct RunManifest: Sendable, Hashable {
    public var remitVersion: String
    /// The run's time as ISO 8601 UTC; pinned with `--run-time` or `SOURCE_DATE_EPOCH` for reproducible output.
    public var runTime: String
    /// Options as `name=value`, in a fixed order.
    public var options: [String]
    public var inputs: [InputFile]

    public init(remitVersion: String, runTime: String, options: [String], inputs: [InputFile]) {
        self.remitVersion = remitVersion
        self.runTime = runTime
        self.options = options
        self.inputs = inputs
    }

    public struct InputFile: Sendable, Hashable {
        public var path: String
        /// `invoices` for the ERP export, otherwise the detected format (`x12`, `bai2`, ...).
        public var role: String
        public var size: Int64
        public var sha256: String

        public init(path: String, role: String, size: Int64, sha256: String) {
            self.path = path
            self.role = role
            self.size = size
            self.sha256 = sha256
        }
    }
}
