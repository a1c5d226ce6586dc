/// What one remittance line of a scenario truly settles: one row of `truth.jsonl`.
///
/// A line is found in Remit's `matches.jsonl` by its file's name and its source line and column.
package struct TruthRecord: Codable, Sendable, Equatable {
    /// The remittance file's name, without folders (`x12-003.820`).
    package var file: String
    /// The line and column Remit gives as the remittance line's source (column 0 in XML files).
    package var line: Int
    package var column: Int
    package var format: String
    package var payer: String
    package var payerID: String?
    package var reference: String
    /// The amount paid, `1234.56`.
    package var amount: String
    /// The invoices an automatic match must apply the line to; empty when it must not be applied.
    package var invoices: [String]
    /// The invoices the payer meant (also for a line that must not be applied).
    package var pays: [String]
    package var noise: [String]
    package var trap: String?

    enum CodingKeys: String, CodingKey {
        case file, line, column, format, payer, reference, amount, invoices, pays, noise, trap
        case payerID = "payer_id"
    }
}
