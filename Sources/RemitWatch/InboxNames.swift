/// Which names in the inbox are left alone: files still being written under a temporary name.
package enum InboxNames {
    /// Endings that producers use while a file is being written, renaming it when complete.
    package static let temporarySuffixes = [".part", ".partial", ".tmp", ".temp", ".filepart", ".crdownload", "~"]

    /// The folders the service keeps inside the inbox for inputs it is done with.
    package static let folders = ["processed", "failed", "duplicates", "quarantine"]

    /// True for a name the service should wait on or skip: hidden (dot) files and temporary names.
    package static func isIgnored(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix(".") { return true }
        let lower = name.lowercased()
        return temporarySuffixes.contains { lower.hasSuffix($0) }
    }
}
