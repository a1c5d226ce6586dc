/// A company named in a remittance: the payer (customer), the payee (us), or a remitter paying for someone.
public struct Party: Sendable, Hashable {
    public var name: String?
    /// Identifier qualifier as the source gave it, e.g. X12 N103 `1` (DUNS) or `92` (buyer-assigned).
    public var idQualifier: String?
    public var id: String?

    public init(name: String? = nil, idQualifier: String? = nil, id: String? = nil) {
        self.name = name
        self.idQualifier = idQualifier
        self.id = id
    }

    public var isEmpty: Bool { name == nil && id == nil }
}
