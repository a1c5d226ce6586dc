import RemitCore

extension FixedDecimal {
    /// `percent` % of this value, exact, or nil when the result needs more than 18 digits.
    func percentage(_ percent: FixedDecimal) -> FixedDecimal? {
        let left = normalized()
        let right = percent.normalized()
        let scale = Int(left.scale) + Int(right.scale) + 2
        guard scale <= Int(FixedDecimal.maxScale) else { return nil }
        let (product, overflow) = left.units.multipliedReportingOverflow(by: right.units)
        return overflow ? nil : FixedDecimal(units: product, scale: UInt8(scale)).normalized()
    }

    /// The value rounded to `digits` fractional digits, halves away from zero.
    func rounded(toScale digits: UInt8) -> FixedDecimal {
        guard scale > digits, let divisor = FixedDecimal.tenToThe(scale - digits) else {
            return rescaled(to: digits) ?? self
        }
        let quotient = units / divisor
        let remainder = units % divisor
        var result = quotient
        if remainder.magnitude * 2 >= divisor.magnitude { result += units < 0 ? -1 : 1 }
        return FixedDecimal(units: result, scale: digits)
    }

    var absolute: FixedDecimal { isNegative ? negated() : self }

    private static func tenToThe(_ exponent: UInt8) -> Int64? {
        guard exponent <= 18 else { return nil }
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
