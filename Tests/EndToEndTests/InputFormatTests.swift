import RemitPipeline
import Testing

/// Recognising a file by its first bytes.
@Suite struct InputFormatTests {
    /// An X12 file hard-wrapped at one or two bytes has a line break inside `ISA`; it is still X12.
    @Test(arguments: ["ISA*00", "I\nS\nA\n*", "IS\r\nA*", "I\rS\rA\r*", "\n\nISA*"])
    func isaCutByLineBreaksIsX12(start: String) {
        #expect(InputFormat.detect(prefix: Array(start.utf8)) == .x12)
    }

    @Test(arguments: ["I\n\n\nSA*", "IS A*", "ISB*", "I"])
    func otherStartsAreNotX12(start: String) {
        #expect(InputFormat.detect(prefix: Array(start.utf8)) != .x12)
    }
}
