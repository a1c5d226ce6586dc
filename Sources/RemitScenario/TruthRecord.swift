/// What one remittance line of a scenario truly settles: one row of `truth.jsonl`.
///
/// A line is found in Remit's `matches.jsonl` by its file's name and its source line and column.
public struct TruthRecord: Codable, Sendable, Equatable {
    /// The remittance file's name, without folders (`x12-003.820`).
    public var file: String
    /// The line and column Remit gives as the remittance line's source (column 0 in XML files).
    public var line: Int
    public var column: Int
    public var format: String
    public var payer: String
    public var payerID: String?
    public var reference: String
    /// The amount paid, `1234.56`.
    public var amount: String
    /// The invoices an automatic match must apply the line to; empty when it must not be applied.
    public var invoices: [String]
    /// The invoices the payer meant (also for a line that must not be applied).
    public var pays: [String]
    public var noise: [String]
    public var trap: String?

    enum CodingKeys: String, CodingKey {
        case file, line, column, format, payer, reference, amount, invoices, pays, noise, trap
        case payerID = "payer_id"
    }
}
