extension FixedDecimal {
    /// Why a number's text was refused.
    public enum ParseFailure: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case invalidCharacter(UInt8, at: Int)
        case misplacedSign(at: Int)
        case secondDecimalPoint(at: Int)
        case noDigits
        case tooManyDigits
        /// More digits before the decimal point than a money amount has; carries how many there were.
        case tooManyIntegerDigits(Int)
        /// More non-zero decimals than a money amount has; carries how many there were.
        case tooManyDecimals(Int)

        public var description: String {
            switch self {
            case .empty: return "empty number"
            case .invalidCharacter(let byte, let index):
                return "unexpected character \(FixedDecimal.describe(byte)) at position \(index + 1)"
            case .misplacedSign(let index): return "sign not at the start (position \(index + 1))"
            case .secondDecimalPoint(let index): return "second decimal point at position \(index + 1)"
            case .noDigits: return "no digits"
            case .tooManyDigits: return "more than 18 significant digits"
            case .tooManyIntegerDigits(let count):
                return "\(count) digits before the decimal point; a money amount has at most "
                    + "\(FixedDecimal.amountIntegerDigits)"
            case .tooManyDecimals(let count):
                return "\(count) decimals; a money amount has at most \(FixedDecimal.amountDecimals)"
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

    /// The most digits a money amount may have before the decimal point: up to 99 999 999 999 999.
    ///
    /// Fourteen digits are far above real payments and invoices in major currencies and leave room for
    /// currencies with small units (a hundred million US dollars is about 2.5 × 10^12 dong). With
    /// `amountDecimals`, every plausible amount is a whole number of 10^-4 units below 10^18, and `Int64`
    /// holds 9.2 × 10^18: any sum or difference of up to nine amounts (the matcher forms open − paid −
    /// discount) fits a `FixedDecimal`, and `MoneyTotals`, which adds in 128 bits, can add 10^20 of them
    /// before its accumulator could overflow. Totals that large no longer fit a `FixedDecimal`;
    /// `MoneyTotals` reports them instead of returning a wrong figure.
    public static let amountIntegerDigits = 14

    /// The most non-zero decimals a money amount may have: 4, the largest ISO 4217 exponent (CLF, UYW).
    ///
    /// More is false precision (`12.3456789` dollars) or a misplaced decimal point; trailing zeros beyond
    /// it are dropped, so `12.500000` is read as 12.5000.
    public static let amountDecimals: UInt8 = 4

    /// The smallest magnitude that is too large for a money amount: 10^14, in units of 10^-4.
    public static let amountLimit = FixedDecimal(units: 1_000_000_000_000_000_000, scale: 4)

    /// Parses a money amount: `parse(_:)`, then `plausibleAmount()`.
    ///
    /// This is the one way readers should turn amount text into a `FixedDecimal`.
    ///
    /// - Parameter bytes: the UTF-8 text of the number, already stripped of layout (signs, separators).
    /// - Returns: the amount, with at most `amountDecimals` decimals.
    /// - Throws: `ParseFailure` naming the offending character, or `tooManyIntegerDigits` / `tooManyDecimals`.
    public static func parseAmount<Bytes: Collection>(
        _ bytes: Bytes
    ) throws(ParseFailure) -> FixedDecimal where Bytes.Element == UInt8 {
        try parse(bytes).plausibleAmount()
    }

    /// `parseAmount(_:)` for text held in an array, the form the XML reader keeps leaf values in.
    ///
    /// The generic version is not specialised across modules; this one is compiled for arrays here, which
    /// keeps per-byte iterator calls out of a reader's hot path.
    public static func parseAmount(_ bytes: [UInt8]) throws(ParseFailure) -> FixedDecimal {
        try parse(bytes).plausibleAmount()
    }

    /// This value as a plausible money amount, or the reason it is not one.
    ///
    /// Checks that the value has at most `amountIntegerDigits` digits before the decimal point and at most
    /// `amountDecimals` non-zero decimals. Readers that parse numbers their own way (implied decimals,
    /// minor units) call this on the result before the value becomes `Money`.
    ///
    /// - Returns: the same value, with trailing fractional zeros beyond `amountDecimals` removed, so its
    ///   scale is at most `amountDecimals` and its units at that scale stay below 10^18.
    /// - Throws: `ParseFailure.tooManyIntegerDigits` or `ParseFailure.tooManyDecimals` with the count found.
    public func plausibleAmount() throws(ParseFailure) -> FixedDecimal {
        let trimmed = normalized(minimumScale: min(scale, FixedDecimal.amountDecimals))
        if trimmed.scale > FixedDecimal.amountDecimals { throw .tooManyDecimals(Int(trimmed.scale)) }
        let divisor = FixedDecimal.power(of: trimmed.scale) ?? 1
        let integerPart = trimmed.units.magnitude / UInt64(divisor)
        var integerDigits = 0
        var rest = integerPart
        while rest > 0 {
            integerDigits += 1
            rest /= 10
        }
        if integerDigits > FixedDecimal.amountIntegerDigits { throw .tooManyIntegerDigits(integerDigits) }
        return trimmed
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
