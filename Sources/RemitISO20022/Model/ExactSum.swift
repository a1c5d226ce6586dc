import RemitCore

/// A running total of amounts in one currency, exact however many are added: 128-bit units at the largest
/// scale seen.
///
/// Statement and payment tie-outs add up every entry or line; a `FixedDecimal` sum could overflow on an
/// absurd file and would then have to be dropped or guessed. Here only turning the total back into a
/// `FixedDecimal` can fail, and the caller then says so with a located diagnostic. One currency and no
/// dictionary, unlike `MoneyTotals`: this runs for every entry of a large file.
struct ExactSum: Equatable {
    private(set) var units: Int128 = 0
    private(set) var scale: UInt8 = 0
    /// Set if even 128 bits overflowed (some 10^20 plausible amounts); the total is then unknown.
    private(set) var overflowed = false

    init() {}

    init(_ value: FixedDecimal) { add(value) }

    mutating func add(_ value: FixedDecimal) { combine(Int128(value.units), scale: value.scale) }

    mutating func subtract(_ value: FixedDecimal) { combine(-Int128(value.units), scale: value.scale) }

    mutating func add(_ other: ExactSum) {
        combine(other.units, scale: other.scale)
        if other.overflowed { overflowed = true }
    }

    mutating func subtract(_ other: ExactSum) {
        combine(-other.units, scale: other.scale)
        if other.overflowed { overflowed = true }
    }

    /// The total, or nil when it does not fit a `FixedDecimal` (18 digits).
    var value: FixedDecimal? {
        guard !overflowed, let small = Int64(exactly: units) else { return nil }
        return FixedDecimal(units: small, scale: scale)
    }

    var isZero: Bool { !overflowed && units == 0 }
    var isNegative: Bool { !overflowed && units < 0 }

    /// Whether the total is exactly `value`, compared at a common scale.
    func equals(_ value: FixedDecimal) -> Bool {
        guard !overflowed else { return false }
        let common = max(scale, value.scale)
        guard let left = Self.scaled(units, by: common - scale),
            let right = Self.scaled(Int128(value.units), by: common - value.scale)
        else { return false }
        return left == right
    }

    /// The total in `currency` for a message; a total beyond 18 digits says so instead of a figure.
    func text(_ currency: String) -> String {
        value.map { Money($0, currency).description } ?? "a total beyond 18 digits in \(currency)"
    }

    private mutating func combine(_ incoming: Int128, scale incomingScale: UInt8) {
        var incoming = incoming
        if incomingScale > scale {
            guard let rescaled = Self.scaled(units, by: incomingScale - scale) else {
                overflowed = true
                return
            }
            units = rescaled
            scale = incomingScale
        } else if let rescaled = Self.scaled(incoming, by: scale - incomingScale) {
            incoming = rescaled
        } else {
            overflowed = true
            return
        }
        let (sum, overflow) = units.addingReportingOverflow(incoming)
        if overflow { overflowed = true }
        units = sum
    }

    private static func scaled(_ value: Int128, by digits: UInt8) -> Int128? {
        var result = value
        for _ in 0..<digits {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = product
        }
        return result
    }
}
