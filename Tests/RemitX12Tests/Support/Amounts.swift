import RemitCore

/// Amounts written as integer cents, the way the tests state exact money.
func usd(_ cents: Int64) -> Money { Money(FixedDecimal(units: cents, scale: 2), "USD") }

func cad(_ cents: Int64) -> Money { Money(FixedDecimal(units: cents, scale: 2), "CAD") }
