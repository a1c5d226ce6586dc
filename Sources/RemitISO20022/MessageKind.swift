/// Which ISO 20022 message a document holds, from its namespace and the element under `Document`.
public struct MessageKind: Sendable, Hashable, CustomStringConvertible {
    public enum Family: String, Sendable, Hashable {
        /// camt.053, bank to customer statement.
        case statement = "camt.053"
        /// camt.054, bank to customer debit/credit notification.
        case notification = "camt.054"
        /// remt.001, remittance advice.
        case remittanceAdvice = "remt.001"
    }

    public var family: Family
    /// The message version (`8` for `camt.054.001.08`), nil when the namespace did not say.
    public var version: Int?

    public var description: String {
        guard let version else { return family.rawValue + " (version unknown)" }
        return family.rawValue + ".001." + (version < 10 ? "0" : "") + String(version)
    }

    /// Versions Remit reads: camt.053/.054 from .02 to .13, remt.001 from .01 to .06.
    static func supports(_ family: Family, version: Int) -> Bool {
        switch family {
        case .statement, .notification: return (2...13).contains(version)
        case .remittanceAdvice: return (1...6).contains(version)
        }
    }

    /// The message element under `Document` for each family.
    static func family(ofMessageElement tag: ISOTag) -> Family? {
        switch tag {
        case .bkToCstmrStmt: return .statement
        case .bkToCstmrDbtCdtNtfctn: return .notification
        case .rmtAdvc: return .remittanceAdvice
        default: return nil
        }
    }

    /// Reads `urn:iso:std:iso:20022:tech:xsd:camt.054.001.08` into its message name and version.
    ///
    /// - Returns: nil when the text is not an ISO 20022 namespace of that shape.
    static func parseNamespace(_ uri: String) -> (message: String, version: Int)? {
        let prefix = "urn:iso:std:iso:20022:tech:xsd:"
        guard uri.hasPrefix(prefix) else { return nil }
        let parts = uri.dropFirst(prefix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count == 4, parts[1].count == 3, parts[2].count == 3, parts[3].count == 2,
            parts[1...].allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let version = Int(parts[3])
        else { return nil }
        return (parts[0] + "." + parts[1], version)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
