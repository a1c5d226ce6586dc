import RemitBAI2
import RemitCore
import RemitMatch

/// What every parser of a run shares: options and the loaded mapping data.
public struct ParseSettings: Sendable {
    public var strict: Bool
    public var defaultCurrency: String
    public var crosswalk: ReasonCrosswalk
    /// Partners' own reason codes, applied to every deduction after its parser categorised it.
    public var partnerCodes: PartnerReasonCodes?
    /// The mappings folder in use, for parsers that load tables of their own (BAI2 type codes).
    public var mappingsDirectory: String?
    public var chunkSize: Int
    /// The BAI type-code table; nil means load it from `mappingsDirectory` when a BAI2 file comes up.
    public var bai2TypeCodes: BAI2TypeCodeTable?

    public init(
        strict: Bool = false, defaultCurrency: String = Currency.defaultCode,
        crosswalk: ReasonCrosswalk = ReasonCrosswalk(),
        mappingsDirectory: String? = nil, chunkSize: Int = FileReader.defaultChunkSize
    ) {
        self.strict = strict
        self.defaultCurrency = defaultCurrency
        self.crosswalk = crosswalk
        self.mappingsDirectory = mappingsDirectory
        self.chunkSize = chunkSize
    }

    /// Loads every `*.tsv` under `mappings/reason-codes/` in name order.
    ///
    /// - Throws: `Diagnostic` for the first bad row.
    public static func loadCrosswalk(mappingsDirectory: String) throws(Diagnostic) -> ReasonCrosswalk {
        var crosswalk = ReasonCrosswalk()
        for folder in ["reason-codes"] {
            let base = mappingsDirectory + "/" + folder
            for name in MappingFiles.list(base, suffix: ".tsv") {
                let text: String
                do {
                    text = try MappingFiles.read(base + "/" + name)
                } catch {
                    throw Diagnostic(.error, code: "mapping.unreadable", "\(error)",
                        at: .wholeFile(base + "/" + name))
                }
                try crosswalk.load(text, name: "mappings/\(folder)/\(name)", path: base + "/" + name)
            }
        }
        return crosswalk
    }

    /// Loads the partners under `mappings/partners/` and their reason-code overrides.
    ///
    /// - Throws: `Diagnostic` for a broken `partner.json` or the first bad row of a `reason-codes.tsv`.
    public static func loadPartnerCodes(mappingsDirectory: String, crosswalk: ReasonCrosswalk) throws(Diagnostic)
        -> PartnerReasonCodes
    {
        let partners = try PartnerDirectory.load(mappingsDirectory: mappingsDirectory)
        return try PartnerReasonCodes.load(partners: partners, standard: crosswalk)
    }

    /// Loads every `*.tsv` under `mappings/payment-terms/` in name order; an empty table when there is none.
    ///
    /// - Throws: `Diagnostic` for the first bad row.
    public static func loadPaymentTerms(mappingsDirectory: String) throws(Diagnostic) -> PaymentTermsTable {
        var table = PaymentTermsTable()
        let base = mappingsDirectory + "/payment-terms"
        for name in MappingFiles.list(base, suffix: ".tsv") {
            let text: String
            do {
                text = try MappingFiles.read(base + "/" + name)
            } catch {
                throw Diagnostic(.error, code: "mapping.unreadable", "\(error)", at: .wholeFile(base + "/" + name))
            }
            try table.load(text, name: "mappings/payment-terms/\(name)", path: base + "/" + name)
        }
        return table
    }

    /// Loads every `*.tsv` under `mappings/bai2/` in name order (the shipped `type-codes.tsv`, then any
    /// bank's own codes, which override it); an empty table when the folder does not exist.
    ///
    /// - Throws: `Diagnostic` for the first bad row.
    public static func loadBAI2TypeCodes(mappingsDirectory: String) throws(Diagnostic) -> BAI2TypeCodeTable {
        var table = BAI2TypeCodeTable()
        let base = mappingsDirectory + "/bai2"
        for name in MappingFiles.list(base, suffix: ".tsv") {
            let text: String
            do {
                text = try MappingFiles.read(base + "/" + name)
            } catch {
                throw Diagnostic(.error, code: "mapping.unreadable", "\(error)", at: .wholeFile(base + "/" + name))
            }
            try table.load(text, name: "mappings/bai2/\(name)")
        }
        return table
    }
}
