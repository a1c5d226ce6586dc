/// An amount in US cents and the ways the scenario's files write it. Money stays an integer throughout.
public struct Cents: Sendable, Hashable, Comparable {
    public var value: Int64

    public init(_ value: Int64) {
        self.value = value
    }

    public static func < (left: Cents, right: Cents) -> Bool { left.value < right.value }
    public static func + (left: Cents, right: Cents) -> Cents { Cents(left.value + right.value) }
    public static func - (left: Cents, right: Cents) -> Cents { Cents(left.value - right.value) }
    public static let zero = Cents(0)

    /// `1234.56`, `-50.00`
    public var plain: String {
        let magnitude = value.magnitude
        return (value < 0 ? "-" : "") + "\(magnitude / 100)." + Digits.padded(Int(magnitude % 100), 2)
    }

    /// The whole part with a thousands separator every three digits.
    private func grouped(_ separator: String) -> String {
        let whole = String(value.magnitude / 100)
        var result = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { result += separator }
            result.append(digit)
        }
        return result
    }

    private var fraction: String { Digits.padded(Int(value.magnitude % 100), 2) }

    /// `1,234.56`, `-50.00` (generic and Oracle exports)
    public var groupedWithLeadingMinus: String {
        (value < 0 ? "-" : "") + grouped(",") + "." + fraction
    }

    /// `1.234,56`, `50,00-` (SAP with European settings)
    public var european: String {
        grouped(".") + "," + fraction + (value < 0 ? "-" : "")
    }

    /// `$1,234.56`, `($50.00)` (NetSuite)
    public var dollars: String {
        let text = "$" + grouped(",") + "." + fraction
        return value < 0 ? "(" + text + ")" : text
    }

    /// `1,234.56`, `(50.00)` (QuickBooks)
    public var parenthesized: String {
        let text = grouped(",") + "." + fraction
        return value < 0 ? "(" + text + ")" : text
    }
}
