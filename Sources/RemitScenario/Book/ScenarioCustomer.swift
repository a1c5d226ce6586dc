/// A customer of the seller, as the invoice export knows it.
package struct ScenarioCustomer: Sendable {
    /// The seller's customer number, e.g. `104233`.
    package var id: String
    /// The name as the export writes it, e.g. `Harbor Foods Inc`.
    package var name: String
    /// Indices of the customer's rows in `ScenarioBook.invoices`, in the order they were made.
    package var invoices: [Int]
    /// A company id the payer's bank sends in NACHA batch headers (ten digits).
    package var companyID: String
}
