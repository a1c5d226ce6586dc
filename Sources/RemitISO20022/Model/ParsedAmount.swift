import RemitCore

/// An amount as read from one element: its value, currency and where it was.
struct ParsedAmount {
    var value: FixedDecimal
    var currency: String
    var location: Mark

    var money: Money { Money(value, currency) }
}
