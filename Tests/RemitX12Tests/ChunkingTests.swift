import RemitCore
import Testing

/// Feeding a file in small chunks must give exactly what feeding it whole gives.
@Suite struct ChunkingTests {
    static let fixtures: [String] = (try? Fixtures.allNames()) ?? []

    @Test func theFixtureFolderHoldsEveryFile() {
        // Guards the parameterised tests below against running over an empty or shrunken list.
        #expect(Self.fixtures.count == 26)
        #expect(Self.fixtures.filter { $0.hasPrefix("remit-820-") }.count == 11)
        #expect(Self.fixtures.filter { $0.hasPrefix("remit-812-") }.count == 4)
    }

    @Test(arguments: fixtures, [1, 2, 7, 64])
    func chunkedReadMatchesWholeRead(fixture: String, chunkSize: Int) throws {
        let whole = try Fixtures.read(fixture: fixture)
        let chunked = try Fixtures.read(fixture: fixture, chunkSize: chunkSize)
        #expect(!whole.events.isEmpty, "every fixture gives at least one record, diagnostic or summary")
        expectSameEvents(chunked.events, whole.events)
        // Equal money compares by value; the text pins the scale the file gave too.
        #expect(chunked.records.map { String(describing: $0) } == whole.records.map { String(describing: $0) })
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func inlineCasesSplitAnywhere(chunkSize: Int) {
        let texts = [
            // Newline as the segment terminator, then an interchange with CR.
            Inline.isa(separator: "|", component: ">") + "\n" + "GS|RA|S|R|20260105|0930|1|X|004010\nGE|0|1\n"
                + "IEA|1|000000001\n" + Inline.isa(control: 2, component: ">") + "\r\nIEA*0*000000002\r",
            // Text before the first header, quoted in the error.
            "From: partner\r\nSubject: remittance\r\n" + Inline.file(Inline.oneInvoice),
            // A header cut short by the line that starts the next one.
            "ISA*00*SHORT~\r\n" + Inline.file(Inline.oneInvoice),
            // A name that starts with ISA, and an unknown segment.
            Inline.file([
                "ST*820*0001", "BPR*I*5*C*ACH", "N1*PR*ISA*ISAAC", "ZZZ*1", "RMR*IV*1**5", "SE*6*0001",
            ]),
        ]
        for text in texts {
            expectSameEvents(Fixtures.read(text, chunkSize: chunkSize).events, Fixtures.read(text).events)
        }
    }

    private func expectSameEvents(
        _ actual: [CollectingSink.Event], _ expected: [CollectingSink.Event],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        if let index = zip(actual, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record(
                "event \(index) differs: \(actual[index]) vs \(expected[index])", sourceLocation: sourceLocation)
        }
    }
}
