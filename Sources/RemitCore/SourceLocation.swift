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

    public init(
        file: String, line: Int, column: Int, byteOffset: Int64, segmentIndex: Int? = nil,
        element: String? = nil, path: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.segmentIndex = segmentIndex
        self.element = element
        self.path = path
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
public struct Provenance: Sendable, Hashable {
    public var location: SourceLocation
    /// Lower-case hex SHA-256 of the whole input file; filled in by the pipeline once the file is read.
    public var fileSHA256: String
    public var envelope: EnvelopeKeys
    /// Identifies the transaction the record came from within its file (e.g. `ST@12`, the segment index of
    /// its ST), so a consumer can set aside every record of a transaction that was later rejected.
    public var transactionID: String

    public init(
        location: SourceLocation, fileSHA256: String = "", envelope: EnvelopeKeys = EnvelopeKeys(),
        transactionID: String = ""
    ) {
        self.location = location
        self.fileSHA256 = fileSHA256
        self.envelope = envelope
        self.transactionID = transactionID
    }
}
