import Foundation

/// One trading partner (a customer that pays us) and how to recognise it in remittances.
///
/// Lives in `mappings/partners/KEY/partner.json`; the same folder holds the partner's other settings
/// (`reason-codes.tsv` overrides, `matching.json` rules).
public struct Partner: Sendable, Hashable {
    /// The folder name under `mappings/partners/`.
    public var key: String
    public var name: String
    /// Ids the partner is known by in remittances and exports (X12 N104, ISA06, ERP customer number).
    public var payerIDs: [String]
    /// Names the partner is known by, compared with letters and digits only, case-folded.
    public var payerNames: [String]
    /// The partner's folder.
    public var directory: String
    /// The partner's `matching.json`, or nil when it has none.
    public var matching: PartnerMatchingSettings?
    /// The retailer-portal code list (`portal_codes` in `partner.json`, e.g. `PORTAL-WALMART`) whose rows in
    /// `mappings/reason-codes/` decide this partner's codes after its own `reason-codes.tsv`.
    public var portalCodeList: String?

    public init(
        key: String, name: String, payerIDs: [String], payerNames: [String], directory: String,
        matching: PartnerMatchingSettings? = nil, portalCodeList: String? = nil
    ) {
        self.key = key
        self.name = name
        self.payerIDs = payerIDs
        self.payerNames = payerNames
        self.directory = directory
        self.matching = matching
        self.portalCodeList = portalCodeList
    }
}

/// The partners configured under `mappings/partners/`, and lookup of the one a payer belongs to.
public struct PartnerDirectory: Sendable {
    public private(set) var partners: [Partner] = []
    private var byID: [String: Int] = [:]
    private var byName: [String: Int] = [:]

    public init() {}

    public init(partners: [Partner]) {
        for partner in partners { add(partner) }
    }

    /// Reads every `mappings/partners/*/partner.json`, and the `matching.json` beside it, in folder-name order.
    ///
    /// - Throws: `Diagnostic` naming the file and what is wrong with it.
    public static func load(mappingsDirectory: String) throws(Diagnostic) -> PartnerDirectory {
        let base = mappingsDirectory + "/partners"
        let keys = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
        var directory = PartnerDirectory()
        for key in keys {
            let folder = base + "/" + key
            let path = folder + "/partner.json"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let file = PartnerFile.self
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                let decoded = try JSONDecoder().decode(file, from: data)
                directory.add(
                    Partner(
                        key: key, name: decoded.name, payerIDs: decoded.payer_ids ?? [],
                        payerNames: decoded.payer_names ?? [], directory: folder,
                        portalCodeList: decoded.portal_codes))
            } catch {
                throw Diagnostic(
                    .error, code: "mapping.partner", "cannot read partner file: \(error)",
                    at: .wholeFile(path),
                    hint: "expected {\"name\": ..., \"payer_ids\": [...], \"payer_names\": [...], "
                        + "\"portal_codes\": ...}")
            }
            let matchingPath = folder + "/matching.json"
            if FileManager.default.fileExists(atPath: matchingPath) {
                directory.partners[directory.partners.count - 1].matching = try PartnerMatchingSettings.load(
                    path: matchingPath)
            }
        }
        return directory
    }

    /// The partner whose ids or names include the payer's, ids first.
    public func partner(for party: Party) -> Partner? {
        // Most runs have few partners or none; the keys below cost more than the lookups.
        if partners.isEmpty { return nil }
        if let id = party.id.map(PartnerDirectory.idKey), let index = byID[id] { return partners[index] }
        if let name = party.name.map(PartnerDirectory.nameKey), !name.isEmpty, let index = byName[name] {
            return partners[index]
        }
        return nil
    }

    private mutating func add(_ partner: Partner) {
        let index = partners.count
        partners.append(partner)
        for id in partner.payerIDs { byID[PartnerDirectory.idKey(id)] = index }
        for name in partner.payerNames + [partner.name] { byName[PartnerDirectory.nameKey(name)] = index }
    }

    static func idKey(_ id: String) -> String {
        if let key = ASCIIKey.make(id, keep: { !ASCIIKey.isWhitespace($0) }) { return key }
        return id.uppercased().filter { !$0.isWhitespace }
    }

    /// Letters and digits only, upper case: `Big-Mart Stores, Inc.` and `BIGMART STORES INC` agree.
    public static func nameKey(_ name: String) -> String {
        // Looking up Unicode properties scalar by scalar is slow; ASCII text, by far the most common, has its
        // letters and digits where they are expected.
        if let key = ASCIIKey.make(name, keep: ASCIIKey.isLetterOrDigit) { return key }
        return String(
            String.UnicodeScalarView(
                name.uppercased().unicodeScalars.filter {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil
                }))
    }
}

/// Keys built from ASCII text byte by byte, giving what the Unicode-aware versions give for such text.
package enum ASCIIKey {
    /// The text upper-cased with the bytes `keep` refuses left out; nil when the text is not all ASCII.
    @inline(__always)
    package static func make(_ text: String, keep: (UInt8) -> Bool) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var ascii = true
            for byte in bytes where byte >= 0x80 { ascii = false }
            guard ascii else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                var count = 0
                for byte in bytes where keep(byte) {
                    output[count] = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
                    count += 1
                }
                return count
            }
        }
    }

    /// A-Z, a-z and 0-9: the ASCII scalars that are alphabetic or have a numeric type.
    package static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "a")...UInt8(ascii: "z"):
            return true
        default:
            return false
        }
    }

    /// The ASCII characters `Character.isWhitespace` accepts: tab, line feed, vertical tab, form feed,
    /// carriage return and space.
    package static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }
}

/// The JSON shape of `partner.json`.
private struct PartnerFile: Decodable {
    var name: String
    // swift-format-ignore: AlwaysUseLowerCamelCase
    var payer_ids: [String]?
    var payer_names: [String]?
    var portal_codes: String?
}
