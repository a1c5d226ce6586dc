/// Where a value or a problem sits in an input file.
///
/// Every canonical record carries one, so an auditor can go from any figure in a report to the bytes
/// it came from. Fields that do not apply to a format stay nil.
public struct SourceLocation: Sendable, Hashable {
    /// The input's path as the user gave it.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in bytes.
    public var column: Int
    /// 0-based byte offset from the start of the file.
    public var byteOffset: Int64
    /// 1-based index of the X12 segment within its file, or of the record in line-oriented formats.
    public var segmentIndex: Int?
    /// The element inside the segment or record, e.g. `ADX01`, or a CSV column name.
    public var element: String?
    /// XPath-like path for XML inputs, e.g. `/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[3]/Amt`.
    public var path: String?
    /// What `segmentIndex` counts, as messages name it: X12 segments (and BAI2 records), or CSV rows.
    public var indexUnit: IndexUnit

    public enum IndexUnit: UInt8, Sendable, Hashable {
        case segment
        case row
    }

    public init(
        file: String, line: Int, column: Int, byteOffset: Int64, segmentIndex: Int? = nil,
        element: String? = nil, path: String? = nil, indexUnit: IndexUnit = .segment
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.segmentIndex = segmentIndex
        self.element = element
        self.path = path
        self.indexUnit = indexUnit
    }

    /// A location that names only the file, for problems that belong to the whole file.
    public static func wholeFile(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0, byteOffset: 0)
    }

    /// The same location pointing at one element.
    public func element(_ name: String) -> SourceLocation {
        var copy = self
        copy.element = name
        return copy
    }

    /// `path:line:column`, the way compilers name a place.
    public var compilerStyle: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }
}

/// The envelope a record travelled in: what an EDI team quotes when asking a partner about a file.
public struct EnvelopeKeys: Sendable, Hashable {
    public var interchangeControl: String?
    public var groupControl: String?
    public var transactionControl: String?
    public var senderID: String?
    public var receiverID: String?
    /// Version as the group declared it, e.g. `004010` or `005010X218`.
    public var version: String?

    public init(
        interchangeControl: String? = nil, groupControl: String? = nil, transactionControl: String? = nil,
        senderID: String? = nil, receiverID: String? = nil, version: String? = nil
    ) {
        self.interchangeControl = interchangeControl
        self.groupControl = groupControl
        self.transactionControl = transactionControl
        self.senderID = senderID
        self.receiverID = receiverID
        self.version = version
    }

    public var isEmpty: Bool {
        interchangeControl == nil && groupControl == nil && transactionControl == nil && senderID == nil
            && receiverID == nil && version == nil
    }
}

/// The provenance stamped on every canonical record.
///
/// What all records of one transaction share (the file's digest, the envelope, the transaction id) is held
/// once in a `ProvenanceOrigin` and referenced, so a record carries its own location and one reference
/// instead of eight strings. Equality and hashing compare the values, never the reference.
public struct Provenance: Sendable, Hashable {
    public var location: SourceLocation
    /// The file digest, envelope and transaction id, shared by every record of a transaction.
    public var origin: ProvenanceOrigin

    /// Lower-case hex SHA-256 of the whole input file; filled in by the pipeline once the file is read.
    public var fileSHA256: String {
        get { origin.fileSHA256 }
        set { origin = ProvenanceOrigin(fileSHA256: newValue, envelope: envelope, transactionID: transactionID) }
    }

    public var envelope: EnvelopeKeys {
        get { origin.envelope }
        set { origin = ProvenanceOrigin(fileSHA256: fileSHA256, envelope: newValue, transactionID: transactionID) }
    }

    /// Identifies the transaction the record came from within its file (e.g. `ST@12`, the segment index of
    /// its ST), so a consumer can set aside every record of a transaction that was later rejected.
    public var transactionID: String {
        get { origin.transactionID }
        set { origin = ProvenanceOrigin(fileSHA256: fileSHA256, envelope: envelope, transactionID: newValue) }
    }

    public init(
        location: SourceLocation, fileSHA256: String = "", envelope: EnvelopeKeys = EnvelopeKeys(),
        transactionID: String = ""
    ) {
        self.location = location
        origin = ProvenanceOrigin(fileSHA256: fileSHA256, envelope: envelope, transactionID: transactionID)
    }

    /// A provenance sharing `origin` with the other records of its transaction.
    @inlinable
    public init(location: SourceLocation, origin: ProvenanceOrigin) {
        self.location = location
        self.origin = origin
    }

    public static func == (lhs: Provenance, rhs: Provenance) -> Bool {
        lhs.location == rhs.location && (lhs.origin === rhs.origin || lhs.origin == rhs.origin)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        hasher.combine(origin)
    }
}

/// The part of a `Provenance` that every record of one transaction shares. Immutable.
public final class ProvenanceOrigin: Sendable, Hashable {
    public let fileSHA256: String
    public let envelope: EnvelopeKeys
    public let transactionID: String

    public init(fileSHA256: String = "", envelope: EnvelopeKeys = EnvelopeKeys(), transactionID: String = "") {
        self.fileSHA256 = fileSHA256
        self.envelope = envelope
        self.transactionID = transactionID
    }

    public static func == (lhs: ProvenanceOrigin, rhs: ProvenanceOrigin) -> Bool {
        lhs.fileSHA256 == rhs.fileSHA256 && lhs.envelope == rhs.envelope && lhs.transactionID == rhs.transactionID
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fileSHA256)
        hasher.combine(envelope)
        hasher.combine(transactionID)
    }
}
