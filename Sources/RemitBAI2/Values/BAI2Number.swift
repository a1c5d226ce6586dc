/// Reads BAI2 numbers from bytes: amounts in minor units and plain counts. Never through floating point.
enum BAI2Number {
    enum Failure: Error, Equatable {
        case invalidCharacter(UInt8, at: Int)
        case noDigits
        case tooManyDigits
    }

    /// The most digits an amount may have: 18 always fit an `Int64`.
    static let maximumDigits = 18

    /// Parses an amount: an optional `+` or `-`, then digits (zero padding allowed). The value is in the
    /// currency's minor units; BAI2 amounts never carry a decimal point.
    static func amount<Bytes: Collection>(_ bytes: Bytes) -> Result<Int64, Failure> where Bytes.Element == UInt8 {
        var negative = false
        var value: Int64 = 0
        var significant = 0
        var digits = 0
        var index = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if value != 0 || byte != UInt8(ascii: "0") { significant += 1 }
                if significant > maximumDigits { return .failure(.tooManyDigits) }
                value = value &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if index != 0 { return .failure(.invalidCharacter(byte, at: index)) }
                negative = byte == UInt8(ascii: "-")
            default:
                return .failure(.invalidCharacter(byte, at: index))
            }
            index += 1
        }
        if digits == 0 { return .failure(.noDigits) }
        return .success(negative ? -value : value)
    }

    /// The value of 1 to 9 ASCII digits (a count, a date part), or nil.
    static func digits<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The full year of a two-digit `YY`, by the same window as `CalendarDate.parseCompact`: 00-49 is 20xx.
    static func year(_ shortYear: Int) -> Int { shortYear < 50 ? 2000 + shortYear : 1900 + shortYear }

    /// Describes why `amount` refused a text, for messages.
    static func explain(_ failure: Failure) -> String {
        switch failure {
        case .invalidCharacter(let byte, let index):
            let shown =
                byte >= 0x20 && byte < 0x7F
                ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
            return "unexpected \(shown) at position \(index + 1)"
        case .noDigits: return "no digits"
        case .tooManyDigits: return "more than \(maximumDigits) significant digits"
        }
    }
}
