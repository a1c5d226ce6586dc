import RemitCore
import Testing

@testable import RemitMatch

@Suite struct MatchSupportTests {
    @Test(arguments: [
        ("500107", "500170", true),  // neighbours swapped
        ("500105", "50105", true),  // a zero dropped
        ("50105", "500105", true),
        ("500105", "500106", true),  // one digit changed
        ("500105", "500105", false),
        ("500107", "501700", false),  // two edits
        ("123456", "654321", false),
        ("1234", "123456", false),
    ])
    func oneEdit(_ a: String, _ b: String, _ expected: Bool) {
        #expect(EditDistance.isOneEdit(a, b) == expected)
    }

    @Test func similarityIsAPercentageRoundedDown() {
        #expect(EditDistance.similarity("CORNERGROCERS", "CORNERGROCER") == 92)
        #expect(EditDistance.similarity("ABC", "ABC") == 100)
        #expect(EditDistance.similarity("ABC", "XYZ") == 0)
    }

    @Test func legalFormsAreLeftOutOfNames() {
        #expect(CustomerKey.comparableName("Corner Grocer Co.") == "CORNERGROCER")
        #expect(CustomerKey.comparableName("The Harbor Foods, Ltd") == "HARBORFOODS")
        #expect(CustomerKey.comparableName("Inc.") == nil)
    }

    @Test(arguments: [
        ("2/10 NET 30", "2", 10), ("2% 10 NET 30", "2", 10), ("1.5/15 N30", "1.5", 15), ("2/10N30", "2", 10),
        (" 3 / 7 net 45", "3", 7),
    ])
    func readsDiscountTerms(_ text: String, _ percent: String, _ days: Int) throws {
        let terms = try #require(DiscountTerms.parse(text))
        #expect(terms.percent == (try FixedDecimal.parse(percent)))
        #expect(terms.days == days)
    }

    @Test(arguments: ["NET 30", "", "Net 30 days", "30 NET", "0/10 NET 30", "2./10"])
    func termsWithoutADiscount(_ text: String) {
        #expect(DiscountTerms.parse(text) == nil)
    }

    @Test(arguments: [
        ("NET 30", true), ("Net 45 days", true), ("N30", true), ("net", true), ("Due on receipt", true),
        ("ZB01", false), ("0001", false), ("", false), ("NETWORK", false),
    ])
    func netOnlyTerms(_ text: String, _ expected: Bool) {
        #expect(DiscountTerms.isNetOnly(text) == expected)
    }

    @Test func percentagesAreExactAndRoundHalfAwayFromZero() throws {
        let amount = try FixedDecimal.parse("1234.56")
        let exact = try #require(amount.percentage(try FixedDecimal.parse("2")))
        #expect(exact == (try FixedDecimal.parse("24.6912")))
        #expect(exact.rounded(toScale: 2) == (try FixedDecimal.parse("24.69")))
        #expect((try FixedDecimal.parse("0.125")).rounded(toScale: 2) == (try FixedDecimal.parse("0.13")))
        #expect((try FixedDecimal.parse("-0.125")).rounded(toScale: 2) == (try FixedDecimal.parse("-0.13")))
    }

    @Test func theToleranceIsTheSmallerLimitAndNeverAboveThePercentage() throws {
        let both = PartnerMatchingSettings(
            toleranceAmount: try FixedDecimal.parse("5.00"), tolerancePercent: try FixedDecimal.parse("0.5"))
        #expect(
            both.toleranceLimit(on: try FixedDecimal.parse("1190.00"), minorDigits: 2)
                == (try FixedDecimal.parse("5.00")))
        #expect(
            both.toleranceLimit(on: try FixedDecimal.parse("100.00"), minorDigits: 2)
                == (try FixedDecimal.parse("0.50")))
        // 0.5 % of 100.99 is 0.50495: the limit is 0.50, not 0.51.
        #expect(
            both.toleranceLimit(on: try FixedDecimal.parse("100.99"), minorDigits: 2)
                == (try FixedDecimal.parse("0.50")))
        #expect(PartnerMatchingSettings().toleranceLimit(on: try FixedDecimal.parse("100.00"), minorDigits: 2).isZero)
    }

    @Test func cleanUpRulesStripPrefixSuffixAndKeepTheTail() {
        let settings = PartnerMatchingSettings(stripPrefixes: ["NW-"], stripSuffixes: ["-01"], keepLast: 6)
        #expect(settings.cleanedReference("NW-000500111") == "500111")
        #expect(settings.cleanedReference("500114-01") == "500114")
        #expect(settings.cleanedReference("ABC9988500113") == "500113")
        #expect(settings.cleanedReference("500113") == nil)  // nothing changed
    }

    @Test func freeTextGivesWordsAndDigitRuns() {
        #expect(
            FreeText.tokens("PAYMENT FOR INVOICE 500112, THANKS") == ["PAYMENT", "FOR", "INVOICE", "500112", "THANKS"])
        #expect(FreeText.tokens("REF:INV500113/PO7793") == ["REF", "500113", "PO7793", "7793"])
    }

    @Test func theNearNumberIndexFindsWhatAScanFinds() {
        // Every number of up to 4 characters over a small alphabet: the index must miss none a scan finds.
        var numbers: [String] = []
        for length in 1...4 {
            var texts = [""]
            for _ in 0..<length { texts = texts.flatMap { text in ["1", "0", "8"].map { text + $0 } } }
            numbers += texts
        }
        let invoices = numbers.enumerated().map { Make.invoice($1, open: "1.00", row: $0 + 2) }
        let ledger = InvoiceLedger(invoices: invoices)
        for query in ["108", "1008", "8", "0180", "81", "1111"] {
            let query = ReferenceNormalizer.normalize(query)
            let indexed = ledger.nearCandidates(for: query).filter {
                EditDistance.isOneEdit(query, invoices[$0].normalizedNumber)
            }
            let scanned = invoices.indices.filter { EditDistance.isOneEdit(query, invoices[$0].normalizedNumber) }
            #expect(indexed == scanned, "query \(query)")
            #expect(!scanned.isEmpty)
        }
    }
}

@Suite struct InvoiceLedgerTests {
    @Test func aPayersInvoicesAreThoseSameCustomerAccepts() {
        let partners = PartnerDirectory(partners: [
            Partner(key: "bm", name: "BigMart", payerIDs: ["BM001", "BMX"], payerNames: [], directory: "p/bm")
        ])
        let invoices = [
            Make.invoice("1", open: "1.00", customer: "BM001", name: "BigMart Stores Inc"),
            Make.invoice("2", open: "1.00", customer: nil, name: "BigMart Stores Inc"),
            Make.invoice("3", open: "1.00", customer: "C200", name: "BigMart Stores Inc"),
            Make.invoice("4", open: "1.00", customer: "C200", name: "Corner Grocer Co"),
            Make.invoice("5", open: "1.00", customer: nil, name: nil),
        ]
        let ledger = InvoiceLedger(invoices: invoices, partners: partners)
        let payers = [
            Party(name: "BigMart Stores Inc", id: "BM001"), Party(name: "BigMart Stores Inc"), Party(id: "BMX"),
            Party(name: "Corner Grocer Co", id: "C200"), Party(name: "Nobody"), Party(),
        ]
        for payer in payers {
            let scanned = invoices.indices.filter {
                CustomerKey.sameCustomer(payer, invoices[$0], partners: partners) == true
            }
            #expect(ledger.invoicesOf(payer) == scanned, "\(payer)")
        }
    }
}
