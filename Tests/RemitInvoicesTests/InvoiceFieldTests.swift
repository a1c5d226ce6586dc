import Testing

@testable import RemitInvoices

@Suite struct InvoiceFieldTests {
    @Test func ordinalsFollowTheDeclarationOrder() {
        #expect(InvoiceField.allCases.map(\.ordinal) == Array(0..<InvoiceField.allCases.count))
        #expect(InvoiceField.allCases.sorted() == InvoiceField.allCases)
    }
}
