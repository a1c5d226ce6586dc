/// Bounds on what one compressed input may expand to, so a small hostile file cannot fill the disk.
package struct ArchiveLimits: Sendable {
    /// Most entries a .zip may hold.
    package var maxEntries: Int
    /// Most bytes one expanded file may hold.
    package var maxEntryBytes: Int64
    /// Most bytes all expanded files of one input may hold together.
    package var maxTotalBytes: Int64
    /// Largest allowed ratio of expanded to compressed size for one entry (zip bombs reach thousands).
    package var maxRatio: Int64

    package init(
        maxEntries: Int = 1000, maxEntryBytes: Int64 = 256 << 20, maxTotalBytes: Int64 = 1 << 30,
        maxRatio: Int64 = 200
    ) {
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
    }
}
