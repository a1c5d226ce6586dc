/// The character encodings an export can be declared in.
///
/// CSV structure (separators, quotes, line ends) is ASCII in all of them, so the reader splits bytes
/// first and decodes each field afterwards.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"

    /// Reads a name as layout files write it; spelling variants such as `UTF8`, `cp1252` and `latin1` are accepted.
    public init?(name: String) {
        switch name.lowercased().filter({ $0 != "-" && $0 != "_" }) {
        case "utf8": self = .utf8
        case "windows1252", "cp1252": self = .windows1252
        case "iso88591", "latin1": self = .latin1
        default: return nil
        }
    }

    /// Decodes `bytes`; in UTF-8, invalid sequences become U+FFFD.
    ///
    /// - Returns: the text, and the 0-based index of the first invalid UTF-8 sequence (nil when all were valid).
    func decode(_ bytes: [UInt8]) -> (text: String, invalidAt: Int?) {
        if bytes.allSatisfy({ $0 < 0x80 }) { return (String(decoding: bytes, as: UTF8.self), nil) }
        switch self {
        case .utf8:
            return (String(decoding: bytes, as: UTF8.self), TextEncoding.firstInvalidUTF8(bytes))
        case .latin1:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
            return (String(scalars), nil)
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                if byte >= 0x80 && byte < 0xA0,
                    let scalar = Unicode.Scalar(TextEncoding.windows1252High[Int(byte - 0x80)])
                {
                    scalars.append(scalar)
                } else {
                    scalars.append(Unicode.Scalar(byte))
                }
            }
            return (String(scalars), nil)
        }
    }

    /// Index of the first byte that starts an invalid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): consumed += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return consumed
            }
        }
    }

    /// Code points of bytes 0x80–0x9F in Windows-1252; the five unassigned bytes map to the C1 controls
    /// of the same value, as Windows itself decodes them.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
