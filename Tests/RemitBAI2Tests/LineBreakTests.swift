import RemitCore
import Testing

/// Files whose lines end differently from line to line (a file edited on two systems, or joined from two
/// exports): LF, CRLF and CR alone each end a line wherever they are, not only the kind the first line uses.
@Suite struct LineBreakTests {
    static let lines =
        VariantTests.header + [
            "03,555,USD,010,500,,/", "16,142,10000,,BR1,CR1,FIRST/", "88,MORE TEXT/", "16,142,2500,,BR2,CR2,SECOND/",
            "49,13000,5/", "98,13000,1,7/", "99,13000,1,9/",
        ]

    /// The line breaks after each line, in turn: the first line decides nothing.
    static let mixes: [[String]] = [
        ["\r", "\n"], ["\n", "\r"], ["\r\n", "\r"], ["\r", "\r\n"], ["\n", "\r\n", "\r"], ["\r", "\r", "\n", "\r\n"],
    ]

    static func joined(_ breaks: [String]) -> [UInt8] {
        var text = ""
        for (index, line) in lines.enumerated() {
            // The first entry ends the first line; the rest take turns.
            let lineBreak = index == 0 ? breaks[0] : breaks[1 + (index - 1) % (breaks.count - 1)]
            text += line + lineBreak
        }
        return Array(text.utf8)
    }

    @Test(arguments: mixes, [1, 2, 7, 64, nil])
    func mixedLineBreaksReadAsTheLFFile(breaks: [String], chunkSize: Int?) {
        let lf = Fixtures.read(lines: Self.lines)
        let mixed = Fixtures.read(Self.joined(breaks), chunkSize: chunkSize)
        #expect(lf.diagnostics.isEmpty, "\(lf.diagnostics)")
        #expect(mixed.diagnostics.isEmpty, "\(breaks): \(mixed.diagnostics)")
        #expect(mixed.transactions.map(\.amount.formattedAmount) == ["100.00", "25.00"])
        #expect(mixed.transactions.map(\.text) == lf.transactions.map(\.text))
        // CRLF counts as one line break, so the lines are numbered as in the LF file.
        #expect(mixed.transactions.map(\.provenance.location.line) == [4, 6], "\(breaks)")
    }
}
