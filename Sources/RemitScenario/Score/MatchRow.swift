/// The parts of one `matches.jsonl` row the scorer reads.
package struct MatchRow: Decodable, Sendable {
    package struct InvoiceNumber: Decodable, Sendable {
        package var number: String
    }

    package struct Source: Decodable, Sendable {
        package var file: String
        package var line: Int
        /// Absent or 0 for XML sources.
        package var column: Int?
    }

    package struct Evidence: Decodable, Sendable {
        package var name: String
        package var value: String
    }

    package var reference: String?
    package var invoice: InvoiceNumber?
    package var alsoAppliedTo: [InvoiceNumber]
    package var rule: String
    package var score: Int
    package var decision: String
    package var evidence: [Evidence]
    package var source: Source

    enum CodingKeys: String, CodingKey {
        case reference, invoice, rule, score, decision, evidence, source
        case alsoAppliedTo = "also_applied_to"
    }

    /// Every invoice the line was applied to: the main one first, then a combination's others.
    package var appliedTo: [String] {
        guard decision == "applied", let invoice else { return [] }
        return [invoice.number] + alsoAppliedTo.map(\.number)
    }

    /// The `reason` evidence: why a line was not applied.
    package var reason: String? { evidence.last { $0.name == "reason" }?.value }

    /// The source file's name without folders.
    package var fileName: String {
        guard let slash = source.file.lastIndex(of: "/") else { return source.file }
        return String(source.file[source.file.index(after: slash)...])
    }
}
