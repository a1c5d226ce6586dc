import RemitCore

/// How an export writes amounts: separators, negative style and currency symbols.
///
/// Text is validated against the declared format and rewritten as plain decimal text before
/// `FixedDecimal.parse` sees it, so nothing is guessed: `1,234` is refused by a layout whose decimal
/// separator is `.` and that declares no thousands separator.
public struct NumberFormat: Sendable, Hashable {
    /// A way of writing a negative amount.
    public enum NegativeStyle: String, Sendable, Hashable, CaseIterable {
        /// `-1234.56`
        case leadingMinus = "leading_minus"
        /// `1234.56-`, as SAP lists print it.
        case trailingMinus = "trailing_minus"
        /// `(1234.56)`, as accounting reports print it.
        case parentheses
        /// `1234.56 CR` is negative; `1234.56 DR` is positive.
        case creditSuffix = "cr_suffix"
    }

    /// `.` or `,`.
    public var decimalSeparator: Unicode.Scalar
    /// Characters accepted between groups of three integer digits; empty when grouping is not allowed.
    public var thousandsSeparators: [Unicode.Scalar]
    public var negativeStyles: [NegativeStyle]
    /// Symbols or codes that may stand before or after the number, e.g. `$`, `€`, `USD`; they are dropped.
    public var currencySymbols: [String]

    public init(
        decimalSeparator: Unicode.Scalar = ".", thousandsSeparators: [Unicode.Scalar] = [],
        negativeStyles: [NegativeStyle] = [.leadingMinus], currencySymbols: [String] = []
    ) {
        self.decimalSeparator = decimalSeparator
        self.thousandsSeparators = thousandsSeparators
        self.negativeStyles = negativeStyles
        self.currencySymbols = currencySymbols
    }

    /// Why a cell's text is not a number in this format.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String
        /// True when the text is a number but not a plausible money amount (too many digits or decimals).
        public var outOfRange: Bool
        public var description: String { reason }

        init(_ reason: String, outOfRange: Bool = false) {
            self.reason = reason
            self.outOfRange = outOfRange
        }
    }

    /// A short statement of the format for messages: `decimal ',', thousands '.', negatives 1-`.
    public var summary: String {
        var parts = ["decimal '\(decimalSeparator)'"]
        parts.append(
            thousandsSeparators.isEmpty
                ? "no thousands separator"
                : "thousands " + thousandsSeparators.map { NumberFormat.show($0) }.joined(separator: " or "))
        let examples = negativeStyles.map { style -> String in
            switch style {
            case .leadingMinus: return "-1"
            case .trailingMinus: return "1-"
            case .parentheses: return "(1)"
            case .creditSuffix: return "1 CR"
            }
        }
        parts.append("negatives " + examples.joined(separator: " "))
        return parts.joined(separator: ", ")
    }

    /// Reads an amount written in this format.
    ///
    /// Surrounding spaces, declared currency symbols and one negative marker are removed; the digits left
    /// must use the declared separators, thousands groups must have three digits, and the value must be a
    /// plausible money amount (`FixedDecimal.plausibleAmount()`: at most 14 digits before the decimal point
    /// and 4 non-zero decimals).
    ///
    /// - Throws: `NumberFormat.Failure` saying what was wrong.
    public func parse(_ text: String) throws(Failure) -> FixedDecimal {
        var scalars = ArraySlice(text.unicodeScalars)
        NumberFormat.trim(&scalars)
        if scalars.isEmpty { throw Failure("empty") }
        let negative = try stripAffixes(&scalars)
        return try parseDigits(scalars, negative: negative)
    }

    /// Removes signs, parentheses and currency symbols from both ends; returns whether the value is negative.
    /// Which affixes have been removed; each may appear once.
    private struct Affixes {
        var parentheses = false
        var leadingMinus = false
        var plus = false
        var trailingMinus = false
        var creditDebit = false
        var symbolBefore = false
        var symbolAfter = false
    }

    private func stripAffixes(_ scalars: inout ArraySlice<Unicode.Scalar>) throws(Failure) -> Bool {
        var negativeMarkers = 0
        var seen = Affixes()
        let symbols =
            currencySymbols.isEmpty
            ? [] : currencySymbols.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        var changed = true
        while changed && !scalars.isEmpty {
            changed = true
            NumberFormat.trim(&scalars)
            if !seen.parentheses, scalars.count >= 2, scalars.first == "(", scalars.last == ")" {
                try require(.parentheses, "parentheses")
                seen.parentheses = true
                negativeMarkers += 1
                scalars = scalars.dropFirst().dropLast()
            } else if !seen.leadingMinus, scalars.first == "-" {
                try require(.leadingMinus, "a leading '-'")
                seen.leadingMinus = true
                negativeMarkers += 1
                scalars = scalars.dropFirst()
            } else if !seen.plus, scalars.first == "+" {
                seen.plus = true
                scalars = scalars.dropFirst()
            } else if !seen.trailingMinus, scalars.count >= 2, scalars.last == "-" {
                try require(.trailingMinus, "a trailing '-'")
                seen.trailingMinus = true
                negativeMarkers += 1
                scalars = scalars.dropLast()
            } else if negativeStyles.contains(.creditSuffix), !seen.creditDebit,
                let suffix = creditDebitSuffix(scalars)
            {
                seen.creditDebit = true
                if suffix == "CR" { negativeMarkers += 1 }
                scalars = scalars.dropLast(2)
            } else if !seen.symbolBefore, let symbol = symbols.first(where: { scalars.starts(with: $0) }) {
                seen.symbolBefore = true
                scalars = scalars.dropFirst(symbol.count)
            } else if !seen.symbolAfter,
                let symbol = symbols.first(where: { scalars.reversed().starts(with: $0.reversed()) })
            {
                seen.symbolAfter = true
                scalars = scalars.dropLast(symbol.count)
            } else {
                changed = false
            }
        }
        if negativeMarkers > 1 { throw Failure("more than one negative sign") }
        if negativeMarkers == 1 && seen.plus { throw Failure("both '+' and a negative sign") }
        return negativeMarkers == 1
    }

    private func require(_ style: NegativeStyle, _ what: String) throws(Failure) {
        if !negativeStyles.contains(style) {
            throw Failure("\(what) is not a negative style this layout declares (\(summary))")
        }
    }

    private func creditDebitSuffix(_ scalars: ArraySlice<Unicode.Scalar>) -> String? {
        guard scalars.count >= 3 else { return nil }
        let suffix = String(String.UnicodeScalarView(scalars.suffix(2))).uppercased()
        return suffix == "CR" || suffix == "DR" ? suffix : nil
    }

    private func parseDigits(_ scalars: ArraySlice<Unicode.Scalar>, negative: Bool) throws(Failure) -> FixedDecimal {
        var text: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        var groups: [Int] = []
        var current = 0
        var digits = 0
        var sawDecimal = false
        var sawThousands = false
        for (index, scalar) in scalars.enumerated() {
            if scalar.isASCII, let byte = UInt8(exactly: scalar.value), byte >= 0x30, byte <= 0x39 {
                text.append(byte)
                current += 1
                digits += 1
            } else if scalar == decimalSeparator {
                if sawDecimal { throw Failure("second decimal separator '\(scalar)' at position \(index + 1)") }
                sawDecimal = true
                groups.append(current)
                current = 0
                text.append(UInt8(ascii: "."))
            } else if thousandsSeparators.contains(scalar) {
                if sawDecimal {
                    throw Failure("thousands separator \(NumberFormat.show(scalar)) after the decimal separator")
                }
                sawThousands = true
                groups.append(current)
                current = 0
            } else {
                throw Failure("unexpected \(NumberFormat.show(scalar)) at position \(index + 1) (\(summary))")
            }
        }
        if !sawDecimal { groups.append(current) }
        if digits == 0 { throw Failure("no digits") }
        if sawThousands {
            let first = groups[0]
            if !(1...3).contains(first) || groups.dropFirst().contains(where: { $0 != 3 }) {
                throw Failure("digits are not grouped in threes between thousands separators (\(summary))")
            }
        }
        do {
            return try FixedDecimal.parseAmount(text)
        } catch {
            switch error {
            case .tooManyIntegerDigits, .tooManyDecimals: throw Failure(error.description, outOfRange: true)
            default: throw Failure(error.description)
            }
        }
    }

    static func trim(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let first = scalars.first, first.isSpace { scalars.removeFirst() }
        while let last = scalars.last, last.isSpace { scalars.removeLast() }
    }

    static func show(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": return "space"
        case "\u{A0}": return "no-break space"
        case "\u{202F}": return "narrow no-break space"
        default:
            let printable =
                scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && !scalar.properties.isWhitespace
            return printable ? "'\(scalar)'" : "U+" + String(scalar.value, radix: 16, uppercase: true)
        }
    }
}
