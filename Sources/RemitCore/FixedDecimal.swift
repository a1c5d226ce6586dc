/// An exact decimal number stored as an integer count of `10^-scale` units.
///
/// Remit never lets floating point touch money. `FixedDecimal` keeps the digits a source file gave
/// (`"12.50"` is 1250 at scale 2) and does arithmetic in integers, rescaling to the larger scale when
/// two values meet. Overflow is reported, never wrapped.
public struct FixedDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value in units of `10^-scale`.
    public var units: Int64
    /// Digits after the decimal point, 0 through 18.
    public var scale: UInt8

    public static let maxScale: UInt8 = 18
    public static let zero = FixedDecimal(units: 0, scale: 0)

    public init(units: Int64, scale: UInt8) {
        precondition(scale <= FixedDecimal.maxScale, "scale above 18")
        self.units = units
        self.scale = scale
    }

    public var isZero: Bool { units == 0 }
    public var isNegative: Bool { units < 0 }

    /// The same value with `scale` at least `minimum`, or nil on overflow.
    public func rescaled(to minimum: UInt8) -> FixedDecimal? {
        guard minimum > scale else { return self }
        guard let factor = FixedDecimal.power(of: minimum - scale) else { return nil }
        let (product, overflow) = units.multipliedReportingOverflow(by: factor)
        return overflow ? nil : FixedDecimal(units: product, scale: minimum)
    }

    /// The same value with trailing fractional zeros removed, down to `minimumScale`.
    public func normalized(minimumScale: UInt8 = 0) -> FixedDecimal {
        var result = self
        while result.scale > minimumScale && result.units % 10 == 0 {
            result.units /= 10
            result.scale -= 1
        }
        return result
    }

    public func negated() -> FixedDecimal { FixedDecimal(units: -units, scale: scale) }

    /// Adds two values exactly.
    ///
    /// - Throws: `FixedDecimal.OverflowError` when the result does not fit 18 digits.
    public func adding(_ other: FixedDecimal) throws(OverflowError) -> FixedDecimal {
        let target = max(scale, other.scale)
        guard let left = rescaled(to: target), let right = other.rescaled(to: target) else {
            throw OverflowError()
        }
        let (sum, overflow) = left.units.addingReportingOverflow(right.units)
        if overflow { throw OverflowError() }
        return FixedDecimal(units: sum, scale: target)
    }

    /// Subtracts exactly; unlike `adding(other.negated())` it also copes with `Int64.min` units.
    ///
    /// - Throws: `FixedDecimal.OverflowError` when the result does not fit 18 digits.
    public func subtracting(_ other: FixedDecimal) throws(OverflowError) -> FixedDecimal {
        let target = max(scale, other.scale)
        guard let left = rescaled(to: target), let right = other.rescaled(to: target) else {
            throw OverflowError()
        }
        let (difference, overflow) = left.units.subtractingReportingOverflow(right.units)
        if overflow { throw OverflowError() }
        return FixedDecimal(units: difference, scale: target)
    }

    /// Signals that an exact result needs more than 18 digits.
    public struct OverflowError: Error, Sendable, CustomStringConvertible {
        public init() {}
        public var description: String { "amount overflows 18 digits" }
    }

    public static func + (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        do { return try lhs.adding(rhs) } catch { preconditionFailure("amount overflow in +") }
    }

    public static func - (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        do { return try lhs.subtracting(rhs) } catch { preconditionFailure("amount overflow in -") }
    }

    public static prefix func - (value: FixedDecimal) -> FixedDecimal { value.negated() }

    public static func == (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool { compare(lhs, rhs) == 0 }

    public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool { compare(lhs, rhs) < 0 }

    public func hash(into hasher: inout Hasher) {
        let canonical = normalized()
        hasher.combine(canonical.units)
        hasher.combine(canonical.scale)
    }

    private static func compare(_ lhs: FixedDecimal, _ rhs: FixedDecimal) -> Int {
        if lhs.scale == rhs.scale { return lhs.units == rhs.units ? 0 : (lhs.units < rhs.units ? -1 : 1) }
        let target = max(lhs.scale, rhs.scale)
        if let left = lhs.rescaled(to: target), let right = rhs.rescaled(to: target) {
            return left.units == right.units ? 0 : (left.units < right.units ? -1 : 1)
        }
        // One side overflowed when rescaled: compare signs, then magnitudes through the normalized forms.
        let left = lhs.normalized(), right = rhs.normalized()
        if (left.units < 0) != (right.units < 0) { return left.units < 0 ? -1 : 1 }
        let leftDigits = left.units.magnitude.description.count - Int(left.scale)
        let rightDigits = right.units.magnitude.description.count - Int(right.scale)
        let bigger = leftDigits > rightDigits ? 1 : -1
        return left.units < 0 ? -bigger : bigger
    }

    static func power(of exponent: UInt8) -> Int64? {
        guard exponent <= 18 else { return nil }
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// The plain decimal text, with at least `minimumScale` fractional digits: `-0.10`, `1250`, `0.015`.
    public func formatted(minimumScale: UInt8 = 0) -> String {
        let value = rescaled(to: minimumScale) ?? self
        let scale = Int(value.scale)
        // Written right to left into a buffer on the stack (at most 19 digits plus zero padding up to the scale,
        // a point and a sign), without the intermediate strings that inserting a point would build; a short
        // result then needs no heap storage at all.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 42) { buffer in
            var magnitude = value.units.magnitude
            var end = buffer.count
            func put(_ byte: UInt8) {
                end -= 1
                buffer[end] = byte
            }
            var written = 0
            repeat {
                if scale > 0 && written == scale { put(UInt8(ascii: ".")) }
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
                written += 1
            } while magnitude > 0 || written <= scale
            if value.units < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[end...]), as: UTF8.self)
        }
    }

    public var description: String { formatted() }
}
