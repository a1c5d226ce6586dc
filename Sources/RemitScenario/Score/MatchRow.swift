/// The parts of one `matches.jsonl` row the scorer reads.
public struct MatchRow: Decodable, Sendable {
    public struct InvoiceNumber: Decodable, Sendable {
        public var number: String
    }

    public struct Source: Decodable, Sendable {
        public var file: String
        public var line: Int
        /// Absent or 0 for XML sources.
        public var column: Int?
    }

    public struct Evidence: Decodable, Sendable {
        public var name: String
        public var value: String
    }

    public var reference: String?
    public var invoice: InvoiceNumber?
    public var alsoAppliedTo: [InvoiceNumber]
    public var rule: String
    public var score: Int
    public var decision: String
    public var evidence: [Evidence]
    public var source: Source

    enum CodingKeys: String, CodingKey {
        case reference, invoice, rule, score, decision, evidence, source
        case alsoAppliedTo = "also_applied_to"
    }

    /// Every invoice the line was applied to: the main one first, then a combination's others.
    public var appliedTo: [String] {
        guard decision == "applied", let invoice else { return [] }
        return [invoice.number] + alsoAppliedTo.map(\.number)
    }

    /// The `reason` evidence: why a line was not applied.
    public var reason: String? { evidence.last { $0.name == "reason" }?.value }

    /// The source file's name without folders.
    public var fileName: String {
        guard let slash = source.file.lastIndex(of: "/") else { return source.file }
        return String(source.file[source.file.index(after: slash)...])
    }
}
