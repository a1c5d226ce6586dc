import RemitCore
import RemitX12
import Testing

/// Bytes that are not UTF-8 (a Latin-1 `É` from an older system) are shown as U+FFFD in the records; that
/// replacement is said, once per interchange, at the first such byte.
@Suite struct EncodingTests {
    static func file(payer: [UInt8]) -> [UInt8] {
        let transaction = [
            "ST*820*0001", "BPR*I*100.00*C*ACH*CCP", "TRN*1*T1", "N1*PR*@", "RMR*IV*INV-1**100.00",
            "SE*6*0001",
        ]
        let text = Inline.file(transaction)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") { bytes += payer } else { bytes.append(byte) }
        }
        return bytes
    }

    @Test(arguments: [1, 7, nil])
    func aByteThatIsNotUTF8IsWarnedAboutWhereItIs(chunkSize: Int?) throws {
        // "CAFÉ NESTLÉ" in Latin-1: 0xC9 twice, both followed by bytes that cannot continue a sequence.
        let payer = Array("CAF".utf8) + [0xC9] + Array(" NESTL".utf8) + [0xC9]
        let sink = Fixtures.read(Self.file(payer: payer), chunkSize: chunkSize)
        #expect(sink.codes == ["x12.not-utf8"], "\(sink.diagnostics)")
        let warning = try #require(sink.diagnostic("x12.not-utf8"))
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("0xC9"))
        // N1 is segment 6, on line 6 from byte 202 (ST starts at 155, then ST 13, BPR 24 and TRN 10 bytes with
        // their terminators and line feeds); `N1*PR*CAF` puts the 0xC9 at column 10, in N102.
        #expect(warning.location.line == 6 && warning.location.column == 10, "\(warning.location)")
        #expect(warning.location.byteOffset == 202 + 9)
        #expect(warning.location.element == "N102" && warning.location.segmentIndex == 6)
        #expect(sink.payments.first?.payer.name == "CAF\u{FFFD} NESTL\u{FFFD}")
        #expect(sink.summaries.map(\.status) == [.accepted])
    }

    @Test func utf8TextIsNotWarnedAbout() {
        let sink = Fixtures.read(Self.file(payer: Array("CAFÉ NESTLÉ".utf8)))
        #expect(sink.codes.isEmpty, "\(sink.diagnostics)")
        #expect(sink.payments.first?.payer.name == "CAFÉ NESTLÉ")
    }
}
