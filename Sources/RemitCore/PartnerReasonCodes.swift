import Foundation

/// Per-partner reason-code overrides: the same code means different things at different retailers.
///
/// For a deduction whose payer `PartnerDirectory` maps to partner KEY, the category is decided by, in order:
/// 1. a row of `mappings/partners/KEY/reason-codes.tsv` for the deduction's code list and code, or for code
///    list `*` (any list) and the code;
/// 2. a row of the partner's retailer-portal code list (`portal_codes` in its `partner.json`, rows in
///    `mappings/reason-codes/`) for the code;
/// 3. the standard code list, as the parser already decided.
/// The deduction's `categorySource` then cites the row that decided.
public struct PartnerReasonCodes: Sendable {
    public let partners: PartnerDirectory
    private let standard: ReasonCrosswalk
    /// Each partner's own rows, by partner key.
    private var own: [String: ReasonCrosswalk] = [:]

    public init(partners: PartnerDirectory, standard: ReasonCrosswalk) {
        self.partners = partners
        self.standard = standard
    }

    /// True when no partner has rows of its own or a portal code list: nothing would change.
    public var isEmpty: Bool {
        own.isEmpty && !partners.partners.contains { $0.portalCodeList != nil }
    }

    /// Loads every partner's `reason-codes.tsv` (when it has one) and checks its portal code list exists.
    ///
    /// - Parameters:
    ///   - partners: the partners, as loaded from `mappings/partners/`.
    ///   - standard: the shipped crosswalks, which hold the portal code lists.
    /// - Throws: `Diagnostic` naming the file and line of the first bad row, or the `partner.json` whose
    ///   `portal_codes` names a list no crosswalk has.
    public static func load(partners: PartnerDirectory, standard: ReasonCrosswalk) throws(Diagnostic)
        -> PartnerReasonCodes
    {
        var codes = PartnerReasonCodes(partners: partners, standard: standard)
        for partner in partners.partners {
            if let list = partner.portalCodeList, !standard.hasCodeList(list) {
                throw Diagnostic(
                    .error, code: "mapping.partner", "portal_codes '\(list)' names no code list in reason-codes/",
                    at: .wholeFile(partner.directory + "/partner.json"),
                    hint: "use a code_list of mappings/reason-codes/retailer-portal.tsv, or add rows for it")
            }
            let path = partner.directory + "/reason-codes.tsv"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw Diagnostic(
                    .error, code: "mapping.unreadable", "cannot read the partner's reason codes: \(error)",
                    at: .wholeFile(path))
            }
            var crosswalk = ReasonCrosswalk()
            try crosswalk.load(text, name: "mappings/partners/\(partner.key)/reason-codes.tsv", path: path)
            codes.own[partner.key] = crosswalk
        }
        return codes
    }

    /// `deduction` with the category its partner's rows give it, or unchanged when they say nothing.
    public func recategorize(_ deduction: Deduction) -> Deduction {
        guard let code = deduction.reasonCode, !code.isEmpty, let partner = partners.partner(for: deduction.payer)
        else { return deduction }
        var entry: ReasonCrosswalk.Entry?
        if let rows = own[partner.key] {
            entry =
                rows.entry(code: code, codeList: deduction.reasonCodeList ?? "*")
                ?? rows.entry(code: code, codeList: "*")
        }
        if entry == nil, let list = partner.portalCodeList {
            entry = standard.entry(code: code, codeList: list)
        }
        guard let entry else { return deduction }
        var changed = deduction
        changed.category = entry.category
        changed.categorySource = entry.source
        return changed
    }
}
