extension FixedDecimal {
    /// Why a number's text was refused.
    public enum ParseFailure: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case invalidCharacter(UInt8, at: Int)
        case misplacedSign(at: Int)
        case secondDecimalPoint(at: Int)
        case noDigits
        case tooManyDigits
        case outOfRange

        public var description: String {
            switch self {
            case .empty: return "empty number"
            case .invalidCharacter(let byte, let index):
                return "unexpected character \(FixedDecimal.describe(byte)) at position \(index + 1)"
            case .misplacedSign(let index): return "sign not at the start (position \(index + 1))"
            case .secondDecimalPoint(let index): return "second decimal point at position \(index + 1)"
            case .noDigits: return "no digits"
            case .tooManyDigits: return "more than 18 significant digits"
            case .outOfRange:
                return "not a plausible money amount (at most 13 digits before the decimal point and 4 after)"
            }
        }
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    /// Parses plain decimal text: an optional leading `-` or `+`, digits, at most one `.`.
    ///
    /// Nothing else is accepted: no spaces, exponents, thousands separators or trailing text.
    ///
    /// - Parameter bytes: the UTF-8 text of the number.
    /// - Throws: `ParseFailure` naming the first offending character.
    public static func parse<Bytes: Collection>(
        _ bytes: Bytes
    ) throws(ParseFailure) -> FixedDecimal where Bytes.Element == UInt8 {
        if bytes.isEmpty { throw .empty }
        var negative = false
        var units: Int64 = 0
        var scale: UInt8 = 0
        var seenPoint = false
        var digitCount = 0
        var significant = 0
        var index = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digitCount += 1
                if units != 0 || byte != UInt8(ascii: "0") { significant += 1 }
                if significant > 18 { throw .tooManyDigits }
                units = units &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
                if seenPoint {
                    if scale == FixedDecimal.maxScale { throw .tooManyDigits }
                    scale += 1
                }
            case UInt8(ascii: "."):
                if seenPoint { throw .secondDecimalPoint(at: index) }
                seenPoint = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if index != 0 { throw .misplacedSign(at: index) }
                negative = byte == UInt8(ascii: "-")
            default:
                throw .invalidCharacter(byte, at: index)
            }
            index += 1
        }
        if digitCount == 0 { throw .noDigits }
        return FixedDecimal(units: negative ? -units : units, scale: scale)
    }

    /// Parses plain decimal text; see `parse(_:)`.
    public static func parse(_ text: String) throws(ParseFailure) -> FixedDecimal {
        try parse(Array(text.utf8))
    }

    /// The largest magnitude `parseAmount` accepts, in units of 10^-4: just under 10^13 (ten trillion).
    ///
    /// Bounding each amount keeps every sum Remit forms of a few amounts inside 64 bits; long sums go
    /// through `MoneyTotals`, which accumulates in 128 bits.
    public static let amountLimit = FixedDecimal(units: 100_000_000_000_000_000, scale: 4)

    /// Parses a money amount: `parse(_:)`, then refuses more than 4 decimals or a magnitude of 10^13 or more.
    public static func parseAmount<Bytes: Collection>(
        _ bytes: Bytes
    ) throws(ParseFailure) -> FixedDecimal where Bytes.Element == UInt8 {
        let value = try parse(bytes)
        try value.checkAmountRange()
        return value
    }

    /// Throws `outOfRange` unless the value is a plausible money amount; see `amountLimit`.
    public func checkAmountRange() throws(ParseFailure) {
        let trimmed = normalized()
        guard trimmed.scale <= 4, let scaled = trimmed.rescaled(to: 4),
            scaled.units.magnitude < FixedDecimal.amountLimit.units.magnitude
        else { throw .outOfRange }
    }

    /// Reads digits with `impliedScale` implied decimals, as X12 N2 elements are written (`4400` is 44.00).
    public static func parseImplied<Bytes: Collection>(
        _ bytes: Bytes, impliedScale: UInt8
    ) throws(ParseFailure) -> FixedDecimal where Bytes.Element == UInt8 {
        let whole = try parse(bytes)
        if whole.scale != 0 { throw .invalidCharacter(UInt8(ascii: "."), at: 0) }
        return FixedDecimal(units: whole.units, scale: impliedScale)
    }
}
