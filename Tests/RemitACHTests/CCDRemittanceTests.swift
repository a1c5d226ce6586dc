import Foundation
import RemitCore
import Testing

@testable import RemitACH

/// RMR segments in addenda text that is odd but real: a segment cut by the end of an addenda's 80
/// characters, an RMR without its reference.
@Suite struct CCDRemittanceTests {
    static func file(_ records: [String]) -> [UInt8] { Array(records.joined(separator: "\n").utf8) }

    /// A CTX whose free-text addenda fill all 80 characters: the RMR cut at column 83 goes on in the next
    /// addenda, so its amount is 23.45, not the `2` left in the first one.
    @Test(arguments: [1, 7, nil])
    func anRMRCutByTheEndOfAFullAddendaGoesOnInTheNext(chunkSize: Int?) throws {
        let first = "RMR*IV*1*PI*100.00\\RMR*IV*ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLM*PI*2"
        #expect(first.utf8.count == 80)
        let sink = Fixtures.read(
            Self.file([
                Record.fileHeader(), Record.batchHeader(sec: "CTX"), Record.entry(),
                Record.addenda(first, sequence: "0001"), Record.addenda("3.45\\", sequence: "0002"),
            ]), chunkSize: chunkSize)
        #expect(sink.lines.map(\.reference) == ["1", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLM"])
        #expect(sink.lines.map(\.amountPaid.formattedAmount) == ["100.00", "23.45"])
        // The second RMR starts in the first addenda (line 4), after 19 bytes: column 4 + 19.
        #expect(sink.lines.map(\.provenance.location.line) == [4, 4])
        #expect(sink.lines.map(\.provenance.location.column) == [4, 23])
        #expect(sink.summaries.first?.imbalance?.amount.isZero == true)
        #expect(sink.diagnostic("ach.remittance-imbalance") == nil)
    }

    /// Addenda padded with blanks end their segment, terminator or not.
    @Test func aPaddedAddendaEndsItsSegment() throws {
        let sink = Fixtures.read(
            Self.file([
                Record.fileHeader(), Record.batchHeader(sec: "CTX"), Record.entry(),
                Record.addenda("RMR*IV*1*PI*100.00", sequence: "0001"),
                Record.addenda("RMR*IV*2*PI*23.45", sequence: "0002"),
            ]))
        #expect(sink.lines.map(\.reference) == ["1", "2"])
        #expect(sink.lines.map(\.amountPaid.formattedAmount) == ["100.00", "23.45"])
        #expect(sink.lines.map(\.provenance.location.line) == [4, 5])
    }

    /// An RMR whose RMR02 is empty still pays: its line is kept (it cannot be matched) and warned about, so
    /// the money is not left out of the lines.
    @Test func anRMRWithoutAReferenceIsALineAndAWarning() throws {
        let sink = Fixtures.read(
            Self.file([
                Record.fileHeader(), Record.batchHeader(sec: "CCD"), Record.entry(),
                Record.addenda("RMR*IV*A-1*PI*100.00\\RMR*IV**PI*23.45\\"),
            ]))
        #expect(sink.lines.map(\.reference) == ["A-1", ""])
        #expect(sink.lines.map(\.amountPaid.formattedAmount) == ["100.00", "23.45"])
        let warning = try #require(sink.diagnostic("ach.rmr-reference"))
        #expect(warning.severity == .warning)
        #expect(warning.location.line == 4 && warning.location.column == 25)
        #expect(sink.summaries.first?.imbalance?.amount.isZero == true)
    }
}
