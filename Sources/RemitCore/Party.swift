/// A company named in a remittance: the payer (customer), the payee (us), or a remitter paying for someone.
///
/// The names are held in one shared, immutable storage object, so copying a party into every record of a
/// payment (as the parsers do for the payer) costs one reference, not three strings. Equality and hashing
/// compare the values.
public struct Party: Sendable, Hashable {
    private var storage: Storage

    public var name: String? {
        get { storage.name }
        set { storage = Storage(name: newValue, idQualifier: idQualifier, id: id) }
    }

    /// Identifier qualifier as the source gave it, e.g. X12 N103 `1` (DUNS) or `92` (buyer-assigned).
    public var idQualifier: String? {
        get { storage.idQualifier }
        set { storage = Storage(name: name, idQualifier: newValue, id: id) }
    }

    public var id: String? {
        get { storage.id }
        set { storage = Storage(name: name, idQualifier: idQualifier, id: newValue) }
    }

    public init(name: String? = nil, idQualifier: String? = nil, id: String? = nil) {
        if name == nil && idQualifier == nil && id == nil {
            storage = Storage.empty
        } else {
            storage = Storage(name: name, idQualifier: idQualifier, id: id)
        }
    }

    public var isEmpty: Bool { name == nil && id == nil }

    /// The shared storage: the same object means the same values (it is immutable).
    package var identity: AnyObject { storage }

    public static func == (lhs: Party, rhs: Party) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.name == rhs.name && lhs.idQualifier == rhs.idQualifier && lhs.id == rhs.id)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(idQualifier)
        hasher.combine(id)
    }

    private final class Storage: Sendable {
        static let empty = Storage(name: nil, idQualifier: nil, id: nil)

        let name: String?
        let idQualifier: String?
        let id: String?

        init(name: String?, idQualifier: String?, id: String?) {
            self.name = name
            self.idQualifier = idQualifier
            self.id = id
        }
    }
}
