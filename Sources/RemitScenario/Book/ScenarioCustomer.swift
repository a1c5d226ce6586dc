/// A customer of the seller, as the invoice export knows it.
public struct ScenarioCustomer: Sendable {
    /// The seller's customer number, e.g. `104233`.
    public var id: String
    /// The name as the export writes it, e.g. `Harbor Foods Inc`.
    public var name: String
    /// Indices of the customer's rows in `ScenarioBook.invoices`, in the order they were made.
    public var invoices: [Int]
    /// A company id the payer's bank sends in NACHA batch headers (ten digits).
    public var companyID: String
}
