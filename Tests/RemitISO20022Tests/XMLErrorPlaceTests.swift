import RemitCore
import Testing

/// An XML error names the line, the column and the byte offset in the file, besides the element path, however
/// the bytes arrive and whichever document of the file holds the fault.
@Suite struct XMLErrorPlaceTests {
    /// The 0-based offset of `needle` in `bytes`, and its 1-based line and column (columns in bytes).
    static func place(of needle: String, in bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        let pattern = Array(needle.utf8)
        guard
            let offset = (0...(bytes.count - pattern.count)).first(where: {
                Array(bytes[$0..<($0 + pattern.count)]) == pattern
            })
        else { return nil }
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        return (offset, before.count { $0 == UInt8(ascii: "\n") } + 1, offset - lineStart + 1)
    }

    @Test(arguments: [1, 2, 7, 64, nil] as [Int?])
    func anInvalidByteIsLocatedToItsColumnAndByte(chunkSize: Int?) throws {
        let bytes = try Fixtures.bytes("remit-camt053-v02-bad-utf8.xml")
        let bad = try #require(bytes.firstIndex(of: 0xFC))
        let sink = try Fixtures.read(bytes: bytes, chunkSize: chunkSize)
        let error = try #require(sink.errors.first)
        #expect(error.code == "iso20022.xml")
        #expect(error.location.byteOffset == Int64(bad))
        let lineStart = (bytes[..<bad].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        #expect(error.location.line == bytes[..<bad].count { $0 == UInt8(ascii: "\n") } + 1)
        #expect(error.location.column == bad - lineStart + 1)
        // The path is as deep as libxml2 had handed out elements when it failed, which depends on the chunks.
        #expect(error.location.path?.hasPrefix("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]") == true)
    }

    /// libxml2 reports a tag mismatch just after the offending end tag; in a second document of the same file
    /// the line counts on from the first document and the byte offset from the start of the file.
    @Test func aFaultInTheSecondDocumentIsPlacedInTheFile() throws {
        let first = try Fixtures.bytes("remit-camt054-v08-reversal.xml")
        let second = Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>M2</Msgid></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>

            """.utf8)
        let bytes = first + second
        let end = try #require(Self.place(of: "</Msgid>", in: bytes))
        for chunkSize in [3, 64, bytes.count] {
            let sink = try Fixtures.read(bytes: bytes, chunkSize: chunkSize)
            #expect(sink.bankTransactions.count == 1, "the first document is read")
            let error = try #require(sink.errors.first)
            #expect(error.code == "iso20022.xml")
            #expect(error.message.contains("MsgId"))
            #expect(error.location.line == end.line)
            #expect(error.location.column == end.column + "</Msgid>".utf8.count)
            #expect(error.location.byteOffset == Int64(end.offset + "</Msgid>".utf8.count))
        }
    }

    /// A DOCTYPE is refused where the parser stood when it met it: past the declaration, on or after its line.
    @Test func aDocumentTypeDeclarationIsRefusedWithAPlace() throws {
        let bytes = try Fixtures.bytes("remit-hostile-xxe.xml")
        let declaration = try #require(Self.place(of: "<!DOCTYPE", in: bytes))
        let error = try #require(try Fixtures.read(bytes: bytes).errors.first)
        #expect(error.code == "iso20022.forbidden")
        #expect(error.location.line >= declaration.line)
        #expect(error.location.column > 0)
        #expect(error.location.byteOffset > Int64(declaration.offset))
        #expect(error.location.byteOffset <= Int64(bytes.count))
    }

    /// An entity loop is found by libxml2 inside the entity's own text: the place is the reference in the
    /// document, and no byte offset is claimed (libxml2 counts the entity's bytes there, not the file's).
    @Test func anEntityLoopIsPlacedAtItsReference() throws {
        let bytes = try Fixtures.bytes("remit-hostile-billion-laughs.xml")
        let reference = try #require(Self.place(of: "&lol9;", in: bytes))
        let error = try #require(try Fixtures.read(bytes: bytes).errors.first)
        #expect(error.location.line == reference.line)
        #expect(error.location.column == reference.column + "&lol9;".utf8.count)
        #expect(error.location.byteOffset == 0)
    }
}
