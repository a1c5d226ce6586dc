import RemitCore
import Testing

/// A start tag with a huge number of attributes makes libxml2 work for minutes (its duplicate check is
/// quadratic: 200,000 attributes took `xmllint --stream` almost five minutes). Such a tag is refused before
/// libxml2 sees it, with its place in the file. (30,000 attributes already take libxml2 about 2 s.)
@Suite struct OversizedTagTests {
    static let namespace = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"

    @Test(.timeLimit(.minutes(1)), arguments: [nil, 7, 4096])
    func aTagWithThirtyThousandAttributesIsRefusedAtOnce(chunkSize: Int?) throws {
        let attributes = (0..<30_000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let text = "<?xml version=\"1.0\"?>\n<Document xmlns=\"\(Self.namespace)\" \(attributes)/>\n"
        let sink = try Fixtures.read(text: text, chunkSize: chunkSize)
        #expect(sink.records.isEmpty)
        #expect(sink.codes == ["iso20022.tag-too-long"], "\(sink.diagnostics)")
        let error = try #require(sink.errors.first)
        // The `<` of `<Document` is the first byte of line 2, byte 22.
        #expect(error.location.line == 2 && error.location.column == 1 && error.location.byteOffset == 22)
    }

    /// Tags of a few kilobytes (long namespace lists, long attribute values) are read as before.
    @Test func aLongButReasonableTagIsRead() throws {
        let attributes = (0..<300).map { "xmlns:p\($0)=\"urn:example:\($0)\"" }.joined(separator: " ")
        let text =
            "<Document xmlns=\"\(Self.namespace)\" \(attributes)><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>M1</MsgId>"
            + "<CreDtTm>2026-12-01T10:00:00</CreDtTm></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>"
        #expect(text.utf8.count > 8_000)
        let sink = try Fixtures.read(text: text, chunkSize: 64)
        #expect(!sink.codes.contains("iso20022.tag-too-long"), "\(sink.diagnostics)")
        #expect(sink.errors.isEmpty, "\(sink.diagnostics)")
    }
}
