/// The version printed by `remit --version` and recorded in every run manifest.
public enum RemitVersion {
    public static let current = "0.1.0"
}
