import RemitCore
import Testing

@testable import RemitPipeline

/// `--strict`: a transaction with any warning is rejected, and the count of its problems stays exact while
/// only the first few thousand offsets are kept.
@Suite struct StrictTransactionRuleTests {
    static func warning(at offset: Int64) -> Diagnostic {
        Diagnostic(
            .warning, code: "test.warning", "a warning",
            at: SourceLocation(file: "f.edi", line: 1, column: 1, byteOffset: offset))
    }

    static func summary(from offset: Int64) -> TransactionSummary {
        TransactionSummary(
            kind: "820", location: SourceLocation(file: "f.edi", line: 1, column: 1, byteOffset: offset),
            envelope: EnvelopeKeys(), status: .accepted, paymentID: nil, statedTotal: nil, linesTotal: nil,
            adjustmentsTotal: nil, imbalance: nil, recordCount: 1, transactionID: "ST@3")
    }

    @Test func manyProblemsAreCountedExactlyAndRejectTheTransaction() throws {
        var rule = StrictTransactionRule(strict: true)
        rule.noteReported(Self.warning(at: 10))  // before the transaction: not its problem
        for offset in 0..<10_000 { rule.noteReported(Self.warning(at: 100 + Int64(offset))) }
        let (judged, problem) = rule.judge(Self.summary(from: 100))
        #expect(judged.status == .rejected)
        #expect(try #require(problem).message.contains(": 10000 problems reported in it"))
        // The next transaction starts clean.
        let (next, none) = rule.judge(Self.summary(from: 20_000))
        #expect(next.status == .accepted && none == nil)
    }

    @Test func withoutStrictNothingIsRejected() {
        var rule = StrictTransactionRule(strict: false)
        rule.noteReported(Self.warning(at: 100))
        #expect(rule.judge(Self.summary(from: 0)).0.status == .accepted)
    }
}
