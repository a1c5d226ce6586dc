import RemitCore

/// The 01 record: who sent the file to whom, when, and how its records are laid out.
public struct BAI2FileHeader: Sendable, Hashable {
    public var sender: String
    public var receiver: String
    public var creationDate: CalendarDate?
    public var creationTime: BAI2Time?
    /// Kept as text: leading zeros are part of it (`000001`).
    public var fileID: String
    /// Declared fixed record length; nil for variable-length records.
    public var physicalRecordLength: Int?
    public var blockSize: Int?
    /// `2` for BAI2; `3` for files stamped as X9 BTRS version 3.
    public var version: String
    public var location: SourceLocation
}
