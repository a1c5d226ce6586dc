import RemitCore
@testable import RemitISO20022
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

    /// The limit holds to the byte whatever the chunks libxml2 is served in: markup whose bytes before its `>`
    /// span the limit is refused, one byte less is read, and the place given is that of its `<`.
    @Test(arguments: [nil, 7, 4096, 65_536])
    func theLimitIsExactInAnyChunking(chunkSize: Int?) throws {
        func document(tagLength: Int) -> String {
            let head = "<Document xmlns=\"\(Self.namespace)\" a=\""
            let tail = "\">"
            let filler = String(repeating: "x", count: tagLength - head.utf8.count - tail.utf8.count)
            return "<?xml version=\"1.0\"?>\n<!-- <a> -->\n  " + head + filler + tail + "</Document>\n"
        }
        // From `<` to `>` inclusive: the byte before `>` lies `length - 2` bytes after `<`.
        let refused = try Fixtures.read(
            text: document(tagLength: ByteSource.maximumTagLength + 2), chunkSize: chunkSize)
        #expect(refused.codes.contains("iso20022.tag-too-long"), "\(refused.diagnostics)")
        let error = try #require(refused.errors.first)
        #expect(error.location.line == 3 && error.location.column == 3 && error.location.byteOffset == 37)
        let read = try Fixtures.read(text: document(tagLength: ByteSource.maximumTagLength + 1), chunkSize: chunkSize)
        #expect(!read.codes.contains("iso20022.tag-too-long"), "\(read.diagnostics)")
    }
}
