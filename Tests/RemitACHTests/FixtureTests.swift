import Foundation
import RemitCore
import Testing

@testable import RemitACH

/// Every bundled ACH file, read whole and in small chunks.
@Suite struct FixtureTests {
    /// Payments and warning or error codes each file gives, checked by hand against the files.
    static let expected: [String: (payments: Int, codes: [String])] = [
        "fixtures/ach/moov-ctx-debit-two-text-addenda.ach": (1, []),
        "fixtures/ach/remit-ctx-amount-mismatch-crlf.ach": (1, ["ach.ctx-amount", "ach.entry-skipped"]),
        "fixtures/ach/remit-ctx-bad-controls-unordered-addenda.ach": (
            1,
            [
                "ach.addenda-sequence", "ach.batch-hash", "ach.batch-credits", "ach.file-blocks",
            ]
        ),
        "fixtures/ach/remit-ppd-trimmed-lines.ach": (1, ["ach.short-record", "ach.short-record"]),
        "fixtures/cash/acme-ach-2026-12-04.ach": (3, []),
    ]

    @Test func theCopiedSampleIsListedWithAnOpenLicence() throws {
        let text = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("fixtures/ach/PROVENANCE.tsv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        let samples = Fixtures.paths.filter { !$0.contains("/remit-") && $0.hasPrefix("fixtures/ach/") }
        #expect(Set(rows.map { "fixtures/ach/" + String($0[0]) }) == Set(samples))
        for row in rows {
            #expect(["MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause"].contains(String(row[4])), "\(row[0])")
        }
    }

    @Test(arguments: Fixtures.paths)
    func givesTheExpectedPaymentsAndProblems(path: String) throws {
        let sink = try Fixtures.read(path: path)
        let wanted = try #require(Self.expected[path])
        #expect(sink.payments.count == wanted.payments)
        #expect(sink.codes == wanted.codes, "\(sink.diagnostics)")
        // Every payment ends its transaction once.
        #expect(Set(sink.summaries.compactMap(\.paymentID)) == Set(sink.payments.map(\.id)))
    }

    @Test(arguments: Fixtures.paths, [1, 2, 7, 64])
    func chunkSizeDoesNotChangeTheResult(path: String, chunkSize: Int) throws {
        let whole = try Fixtures.read(path: path)
        let chunked = try Fixtures.read(path: path, chunkSize: chunkSize)
        #expect(chunked.events == whole.events)
    }

    @Test func everyRecordIdIsUniqueInAFile() throws {
        for path in Fixtures.paths {
            let sink = try Fixtures.read(path: path)
            let ids = sink.events.compactMap { event -> String? in
                if case .record(let record) = event { return record.id }
                return nil
            }
            #expect(Set(ids).count == ids.count, "\(path)")
        }
    }
}
