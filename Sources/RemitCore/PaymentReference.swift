/// A reference the payer sent with a payment as a whole: an X12 heading REF such as a check number (`CK`),
/// a voucher (`VV`) or a vendor number (`VR`), kept so AR staff and reassociation can quote it.
public struct PaymentReference: Sendable, Hashable {
    /// The qualifier as sent (REF01), e.g. `CK`; `TRN` for an 820's TRN02 kept beside an ACH trace.
    public var qualifier: String
    /// The reference itself (REF02), when given.
    public var value: String?
    /// The free-form description (REF03), when given.
    public var description: String?

    public init(qualifier: String, value: String?, description: String? = nil) {
        self.qualifier = qualifier
        self.value = value
        self.description = description
    }

    /// `CK=40012`, `CK=40012 (SECOND NOTICE)` with a description, `ZZ (SECOND NOTICE)` with a description
    /// alone; how the CSV output lists it.
    public var text: String {
        var text = qualifier + (value.map { "=" + $0 } ?? "")
        if let description { text += " (" + description + ")" }
        return text
    }
}
