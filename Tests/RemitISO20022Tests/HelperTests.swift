import Testing

@testable import RemitISO20022

@Suite struct HelperTests {
    @Test func namespacesGiveMessageAndVersion() {
        #expect(MessageKind.parseNamespace("urn:iso:std:iso:20022:tech:xsd:camt.054.001.08")! == ("camt.054", 8))
        #expect(MessageKind.parseNamespace("urn:iso:std:iso:20022:tech:xsd:remt.001.001.04")! == ("remt.001", 4))
        #expect(MessageKind.parseNamespace("urn:iso:std:iso:20023:tech:xsd:camt.054.001.08") == nil)
        #expect(MessageKind.parseNamespace("urn:iso:std:iso:20022:tech:xsd:camt.054.001.8") == nil)
        #expect(MessageKind.supports(.notification, version: 13))
        #expect(!MessageKind.supports(.notification, version: 14))
        #expect(!MessageKind.supports(.statement, version: 1))
    }

    @Test(arguments: [
        ("Invoice 100101", ["100101"]),
        ("INV-100102 paid in full", ["INV-100102"]),
        ("Rechnung 10042 vom 12.11.2026, Zahlung", ["10042"]),
        ("pay 1500.00 for RE/2026/0042 on 2026-12-01", ["RE/2026/0042"]),
        ("thanks", []),
        ("123 and 4567890123456789012345", []),
    ])
    func invoiceNumbersInFreeText(text: String, expected: [String]) {
        #expect(InvoiceNumberScanner.candidates(in: text) == expected)
    }
}
