import RemitCore
import Testing

/// Hostile and foreign documents are refused with a located error; nothing is fetched or expanded.
@Suite struct SecurityTests {
    @Test func externalEntityIsRefused() throws {
        let sink = try Fixtures.read("remit-hostile-xxe.xml")
        #expect(sink.records.isEmpty)
        let error = try #require(sink.errors.first)
        #expect(error.code == "iso20022.forbidden")
        #expect(error.message.contains("DOCTYPE"))
        #expect(error.location.line > 0)
        #expect(!sink.diagnostics.contains { $0.message.contains("root:") })
    }

    @Test func billionLaughsIsRefused() throws {
        let sink = try Fixtures.read("remit-hostile-billion-laughs.xml")
        #expect(sink.records.isEmpty)
        let error = try #require(sink.errors.first)
        #expect(["iso20022.forbidden", "iso20022.xml"].contains(error.code))
        #expect(error.location.line > 0)
    }

    @Test func deepNestingIsRefused() throws {
        let sink = try Fixtures.read("remit-hostile-deep-nesting.xml")
        #expect(sink.records.isEmpty)
        let error = try #require(sink.errors.first)
        #expect(error.code == "iso20022.nesting")
        #expect(error.location.line == 2)
    }

    @Test func anotherISOMessageIsRefusedByName() throws {
        let sink = try Fixtures.read("remit-pain001-not-supported.xml")
        #expect(sink.codes == ["iso20022.unsupported-message"])
        #expect(sink.errors.first?.message.contains("pain.001.001.09") == true)
    }

    @Test func aForeignDocumentIsRefused() throws {
        let sink = try Fixtures.read(text: "<html><body>hello</body></html>")
        #expect(sink.codes == ["iso20022.not-iso20022"])
        #expect(sink.errors.first?.message.contains("<html>") == true)
    }

    @Test func anUnsupportedVersionIsRefused() throws {
        let sink = try Fixtures.read(
            text:
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.01\"><BkToCstmrDbtCdtNtfctn/></Document>"
        )
        #expect(sink.codes == ["iso20022.unsupported-message"])
    }

    @Test func anUnknownNamespaceIsReadByElementNamesWithAWarning() throws {
        let sink = try Fixtures.read(
            text: "<Document xmlns=\"urn:iso:std:iso:20023:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn><Ntfctn>"
                + "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn>"
                + "</Document>")
        #expect(sink.codes == ["iso20022.namespace"])
        #expect(sink.bankTransactions.count == 1)
    }

    @Test func aCutOffFileIsAnErrorNotASilentEnd() throws {
        let whole = try Fixtures.bytes("remit-camt054-v04-deductions.xml")
        let sink = try Fixtures.read(bytes: Array(whole.prefix(whole.count / 2)))
        #expect(sink.records.isEmpty)
        #expect(sink.errors.first?.code == "iso20022.xml")
        #expect(sink.summaries.map(\.status) == [.rejected])
    }
}
