import Foundation
import RemitCore
import Testing

@testable import RemitBAI2

/// Every bundled sample, read whole and in small chunks.
@Suite struct FixtureTests {
    static let names = (try? Fixtures.allNames()) ?? []

    /// Transactions and error codes each sample gives, checked by hand against the files.
    static let expected: [String: (transactions: Int, errors: [String])] = [
        "dnsbty-truncated-no-trailers.bai2": (0, ["bai2.missing-49", "bai2.missing-98", "bai2.missing-99"]),
        "dnsbty-zero-padded-counts-time-2400-bad-trailers.bai2": (1, []),
        "moj-closed-accounts-blank-49-total.bai2": (0, []),
        "moj-svb-two-groups-extra-commas-no-final-slash.bai2": (2, []),
        "moov-btrs3-funds-s-refs-and-text-on-88.bai2": (1, []),
        "moov-parse-error-record-code-00.bai2": (0, ["bai2.record-code", "bai2.missing-01"]),
        "moov-sample1-cad-fixed80-signed-valuedated.bai2": (17, []),
        "moov-sample1-stamped-version3.bai2": (17, []),
        "moov-sample4-newline-continuations-bad-trailers.bai2": (17, []),
        "moov-spec-section3-text-without-slash.bai2": (1, []),
        "vh-daily-03-with-three-88s.bai2": (1, []),
        "vh-daily-crlf-minimal.bai2": (1, []),
        "vh-eod-control-total-off-by-one.bai2": (1, []),
        "vh-eod-crlf-wire-text-on-88s.bai2": (1, []),
        "vh-eod-no-as-of-time.bai2": (1, []),
    ]

    @Test func everySampleIsListedWithAnOpenLicence() throws {
        let text = try String(contentsOf: Fixtures.directory.appendingPathComponent("PROVENANCE.tsv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        #expect(Set(rows.map { String($0[0]) }) == Set(Self.names))
        for row in rows {
            #expect(["MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause"].contains(String(row[4])), "\(row[0])")
        }
        #expect(Self.names.count == 15)
    }

    @Test(arguments: names) func convertsOrGivesALocatedError(name: String) throws {
        let sink = try Fixtures.read(fixture: name)
        let expected = try #require(Self.expected[name], "no expectation for \(name)")
        #expect(sink.transactions.count == expected.transactions)
        let errors = sink.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == expected.errors)
        for diagnostic in sink.diagnostics {
            #expect(diagnostic.location.file == name)
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
            #expect(diagnostic.location.segmentIndex != nil, "\(diagnostic)")
        }
        for transaction in sink.transactions {
            #expect(transaction.provenance.location.file == name)
            #expect(transaction.provenance.location.column == 1)
            #expect(!transaction.amount.amount.isNegative)
        }
    }

    @Test(arguments: names) func chunkSizeDoesNotChangeTheEvents(name: String) throws {
        let whole = try Fixtures.read(fixture: name)
        #expect(!whole.events.isEmpty)
        for size in [1, 2, 7, 64] {
            let chunked = try Fixtures.read(fixture: name, chunkSize: size)
            #expect(chunked.events == whole.events, "chunk size \(size)")
        }
    }
}
