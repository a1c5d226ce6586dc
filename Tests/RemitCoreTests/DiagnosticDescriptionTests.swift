import RemitCore
import Testing

/// How a diagnostic reads on stderr: the byte offset is given where the reader knows it, never a made-up 0.
@Suite struct DiagnosticDescriptionTests {
    private func text(line: Int, column: Int, byte: Int64, path: String? = nil) -> String {
        let place = SourceLocation(file: "in.xml", line: line, column: column, byteOffset: byte, path: path)
        return Diagnostic(.error, code: "t", "bad", at: place).description
    }

    @Test func aKnownOffsetIsGiven() {
        #expect(text(line: 3, column: 5, byte: 41) == "in.xml:3:5: error: bad [byte 41]")
        #expect(text(line: 1, column: 1, byte: 0) == "in.xml:1:1: error: bad [byte 0]", "the file's first byte")
    }

    @Test func aLineWithoutAnOffsetGivesNoByte() {
        let leaf = text(line: 6, column: 0, byte: 0, path: "/Document/Ntry[2]/Amt")
        #expect(leaf == "in.xml:6:0: error: bad [/Document/Ntry[2]/Amt]")
        #expect(text(line: 1, column: 0, byte: 0) == "in.xml:1:0: error: bad")
    }
}
