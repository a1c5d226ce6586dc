/// An exact amount in one currency.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    public var amount: FixedDecimal
    /// ISO 4217 alphabetic code, upper case.
    public var currency: String

    public init(_ amount: FixedDecimal, _ currency: String) {
        self.amount = amount
        self.currency = currency
    }

    public static func zero(_ currency: String) -> Money { Money(.zero, currency) }

    public var isZero: Bool { amount.isZero }

    /// The amount as text with at least the currency's usual number of decimals: `1234.50`.
    public var formattedAmount: String { amount.formatted(minimumScale: Currency.minorDigits(of: currency)) }

    public var description: String { formattedAmount + " " + currency }
}

/// Facts about ISO 4217 currencies that Remit needs: how many minor digits each one has.
public enum Currency {
    /// The currency Remit assumes when a source names none (X12 820s without CUR are US dollars by convention).
    public static let defaultCode = "USD"

    /// Minor-unit digits for the currencies that do not use two (ISO 4217 exponent column).
    private static let exceptions: [String: UInt8] = [
        "BHD": 3, "BIF": 0, "CLF": 4, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3,
        "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3,
        "UGX": 0, "UYI": 0, "UYW": 4, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
    ]

    public static func minorDigits(of code: String) -> UInt8 { exceptions[code] ?? 2 }

    /// Whether `code` has the shape of an ISO 4217 code: three ASCII capital letters.
    public static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
