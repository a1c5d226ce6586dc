/// An amount in US cents and the ways the scenario's files write it. Money stays an integer throughout.
package struct Cents: Sendable, Hashable, Comparable {
    package var value: Int64

    package init(_ value: Int64) {
        self.value = value
    }

    package static func < (left: Cents, right: Cents) -> Bool { left.value < right.value }
    package static func + (left: Cents, right: Cents) -> Cents { Cents(left.value + right.value) }
    package static func - (left: Cents, right: Cents) -> Cents { Cents(left.value - right.value) }
    package static let zero = Cents(0)

    /// `1234.56`, `-50.00`
    package var plain: String {
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
    package var groupedWithLeadingMinus: String {
        (value < 0 ? "-" : "") + grouped(",") + "." + fraction
    }

    /// `1.234,56`, `50,00-` (SAP with European settings)
    package var european: String {
        grouped(".") + "," + fraction + (value < 0 ? "-" : "")
    }

    /// `$1,234.56`, `($50.00)` (NetSuite)
    package var dollars: String {
        let text = "$" + grouped(",") + "." + fraction
        return value < 0 ? "(" + text + ")" : text
    }

    /// `1,234.56`, `(50.00)` (QuickBooks)
    package var parenthesized: String {
        let text = grouped(",") + "." + fraction
        return value < 0 ? "(" + text + ")" : text
    }
}
