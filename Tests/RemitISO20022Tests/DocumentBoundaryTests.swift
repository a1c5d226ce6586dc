import RemitCore
import Testing

/// Where one file's documents are split: at an XML declaration (with the byte order mark before it), never at
/// a processing instruction whose name merely starts with `xml`.
@Suite struct DocumentBoundaryTests {
    static let chunkSizes: [Int?] = [1, 2, 7, 64, nil]

    static func document() throws -> [UInt8] {
        try Fixtures.bytes("remit-camt054-v08-reversal.xml")
    }

    @Test(arguments: chunkSizes)
    func aStylesheetInstructionDoesNotStartANewDocument(chunkSize: Int?) throws {
        let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        let original = try Self.document()
        #expect(original.starts(with: declaration))
        let bytes =
            declaration + Array("<?xml-stylesheet type=\"text/xsl\" href=\"camt.xsl\"?>\n".utf8)
            + original.dropFirst(declaration.count)
        let sink = try Fixtures.read(bytes: bytes, chunkSize: chunkSize)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.bankTransactions.map(\.amount) == [Money("250.00", "EUR")])
    }

    @Test(arguments: chunkSizes)
    func aByteOrderMarkBeforeTheSecondDocumentGoesWithIt(chunkSize: Int?) throws {
        let document = try Self.document()
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let sink = try Fixtures.read(bytes: byteOrderMark + document + byteOrderMark + document, chunkSize: chunkSize)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.bankTransactions.map(\.amount) == [Money("250.00", "EUR"), Money("250.00", "EUR")])
        let lines = document.filter { $0 == UInt8(ascii: "\n") }.count
        #expect(sink.bankTransactions.map(\.provenance.location.line) == [9, 9 + lines])
    }
}
