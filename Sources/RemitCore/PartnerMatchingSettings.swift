import Foundation

/// How one trading partner's remittances are matched: reference clean-up, tolerance and discount grace.
///
/// Lives in `mappings/partners/KEY/matching.json`; every field may be left out. Amounts and percentages are
/// JSON strings (`"5.00"`, `"0.5"`) so they are read exactly, never through floating point.
public struct PartnerMatchingSettings: Sendable, Hashable {
    /// Texts removed from the front of a reference before it is normalized, compared on letters and digits
    /// only, case ignored (`BM-` removes `BM` from `BM-000100103`).
    public var stripPrefixes: [String]
    /// Texts removed from the end of a reference, compared as prefixes are.
    public var stripSuffixes: [String]
    /// Keep only the last N letters and digits of the reference (after prefixes and suffixes are removed).
    public var keepLast: Int?
    /// A shortfall up to this amount is written off instead of becoming a deduction.
    public var toleranceAmount: FixedDecimal?
    /// A shortfall up to this percentage of the invoice's open amount is written off. With both limits set,
    /// the smaller one applies.
    public var tolerancePercent: FixedDecimal?
    /// Days after the discount window in which a discount taken still counts as earned.
    public var discountGraceDays: Int

    public init(
        stripPrefixes: [String] = [], stripSuffixes: [String] = [], keepLast: Int? = nil,
        toleranceAmount: FixedDecimal? = nil, tolerancePercent: FixedDecimal? = nil, discountGraceDays: Int = 0
    ) {
        self.stripPrefixes = stripPrefixes
        self.stripSuffixes = stripSuffixes
        self.keepLast = keepLast
        self.toleranceAmount = toleranceAmount
        self.tolerancePercent = tolerancePercent
        self.discountGraceDays = discountGraceDays
    }

    /// Whether any reference clean-up rule is set.
    public var hasReferenceCleanup: Bool { !stripPrefixes.isEmpty || !stripSuffixes.isEmpty || keepLast != nil }

    /// Reads a `matching.json` file.
    ///
    /// - Throws: `Diagnostic` (`mapping.partner-matching`) naming the file and the field that is wrong.
    public static func load(path: String) throws(Diagnostic) -> PartnerMatchingSettings {
        let object: [String: Any]
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw fieldError(path, "(top level)", "must be a JSON object")
            }
            object = decoded
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw fieldError(path, "(file)", "not readable JSON: \(error.localizedDescription)")
        }
        return try decode(object, path: path)
    }

    private static let topKeys: Set<String> = ["reference_cleanup", "tolerance", "discount_grace_days"]
    private static let cleanupKeys: Set<String> = ["strip_prefixes", "strip_suffixes", "keep_last"]
    private static let toleranceKeys: Set<String> = ["amount", "percent"]

    static func decode(_ object: [String: Any], path: String) throws(Diagnostic) -> PartnerMatchingSettings {
        try checkKeys(object, allowed: topKeys, in: "", path: path)
        var settings = PartnerMatchingSettings()
        if let cleanup = object["reference_cleanup"] {
            guard let cleanup = cleanup as? [String: Any] else {
                throw fieldError(path, "reference_cleanup", "must be an object")
            }
            try checkKeys(cleanup, allowed: cleanupKeys, in: "reference_cleanup.", path: path)
            settings.stripPrefixes = try strings(cleanup["strip_prefixes"], "reference_cleanup.strip_prefixes", path)
            settings.stripSuffixes = try strings(cleanup["strip_suffixes"], "reference_cleanup.strip_suffixes", path)
            if let value = cleanup["keep_last"] {
                settings.keepLast = try integer(value, "reference_cleanup.keep_last", 1...64, path)
            }
        }
        if let tolerance = object["tolerance"] {
            guard let tolerance = tolerance as? [String: Any] else {
                throw fieldError(path, "tolerance", "must be an object")
            }
            try checkKeys(tolerance, allowed: toleranceKeys, in: "tolerance.", path: path)
            settings.toleranceAmount = try decimal(tolerance["amount"], "tolerance.amount", path)
            settings.tolerancePercent = try decimal(tolerance["percent"], "tolerance.percent", path)
            if let percent = settings.tolerancePercent, percent > FixedDecimal(units: 100, scale: 0) {
                throw fieldError(path, "tolerance.percent", "must be at most \"100\", got '\(percent)'")
            }
        }
        if let grace = object["discount_grace_days"] {
            settings.discountGraceDays = try integer(grace, "discount_grace_days", 0...365, path)
        }
        return settings
    }

    private static func checkKeys(
        _ object: [String: Any], allowed: Set<String>, in prefix: String, path: String
    ) throws(Diagnostic) {
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw fieldError(
                path, prefix + unknown, "unknown field; known: " + allowed.sorted().joined(separator: ", "))
        }
    }

    private static func strings(_ value: Any?, _ field: String, _ path: String) throws(Diagnostic) -> [String] {
        guard let value else { return [] }
        guard let list = value as? [String], list.allSatisfy({ !PartnerDirectory.nameKey($0).isEmpty }) else {
            throw fieldError(path, field, "must be a list of texts, each with a letter or digit")
        }
        return list
    }

    private static func integer(
        _ value: Any, _ field: String, _ range: ClosedRange<Int>, _ path: String
    ) throws(Diagnostic) -> Int {
        guard let number = value as? NSNumber,
            let integer = Int(exactly: number.doubleValue), range.contains(integer),
            number.stringValue == String(integer)
        else {
            throw fieldError(path, field, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return integer
    }

    private static func decimal(_ value: Any?, _ field: String, _ path: String) throws(Diagnostic) -> FixedDecimal? {
        guard let value else { return nil }
        guard let text = value as? String else {
            throw fieldError(path, field, "must be a text such as \"5.00\" (a JSON number could lose digits)")
        }
        do {
            let number = try FixedDecimal.parse(text)
            guard !number.isNegative else { throw fieldError(path, field, "must not be negative, got '\(text)'") }
            return number
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw fieldError(path, field, "'\(text)' is not a number: \(error)")
        }
    }

    private static func fieldError(_ path: String, _ field: String, _ message: String) -> Diagnostic {
        Diagnostic(
            .error, code: "mapping.partner-matching", "matching field '\(field)': \(message)", at: .wholeFile(path),
            hint: "see docs/matching.md, section Partner settings")
    }
}
