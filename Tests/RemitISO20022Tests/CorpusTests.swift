import Foundation
import RemitCore
import Testing

/// Every bundled sample converts, or stops with an error that names a line; chunking never changes the result.
@Suite struct CorpusTests {
    @Test func everySampleConvertsOrGivesALocatedError() throws {
        let names = try Fixtures.names()
        #expect(names.count >= 25)
        for name in names {
            let sink = try Fixtures.read(name)
            if sink.errors.isEmpty {
                #expect(!sink.records.isEmpty || !sink.diagnostics.isEmpty, "\(name) gave nothing at all")
            }
            for error in sink.errors {
                #expect(error.location.file == "fixtures/iso20022/" + name)
                #expect(error.location.line > 0, "\(name): \(error)")
            }
        }
    }

    @Test(arguments: [1, 2, 7, 64])
    func chunkSizeDoesNotChangeTheOutput(chunkSize: Int) throws {
        for name in try Fixtures.names() where name != "remit-hostile-deep-nesting.xml" || chunkSize >= 64 {
            let whole = try Fixtures.read(name)
            let chunked = try Fixtures.read(name, chunkSize: chunkSize)
            #expect(chunked.records == whole.records, "\(name) read \(chunkSize) bytes at a time")
            #expect(chunked.summaries == whole.summaries, "\(name) read \(chunkSize) bytes at a time")
            if name.contains("hostile") {
                // libxml2 may see the entity loop before Remit sees the DOCTYPE, depending on the chunk.
                #expect(!chunked.errors.isEmpty && !whole.errors.isEmpty, "\(name)")
            } else {
                // How far libxml2 had read when it failed decides the element path, not the line.
                let where_ = { (sink: CollectingSink) in sink.diagnostics.map { "\($0.code)@\($0.location.line)" } }
                #expect(where_(chunked) == where_(whole), "\(name) read \(chunkSize) bytes at a time")
            }
        }
    }

    @Test func everySampleHasAProvenanceLine() throws {
        let provenance = try String(
            contentsOf: Fixtures.folder.appendingPathComponent("PROVENANCE.tsv"), encoding: .utf8)
        let listed = Set(provenance.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) })
        for name in try Fixtures.names() where !name.hasPrefix("remit-") {
            #expect(listed.contains(name), "\(name) is not in PROVENANCE.tsv")
        }
        for line in provenance.split(separator: "\n").dropFirst() {
            let license = String(line.split(separator: "\t")[4])
            #expect(["MIT", "BSD", "Apache-2.0"].contains { license.hasPrefix($0) }, "\(line)")
        }
    }

    @Test func theFinnishGuideSampleGivesTenEntriesAndTiesOut() throws {
        let sink = try Fixtures.read("camt053-v02-fi-fkl-guide-sample.xml")
        #expect(sink.errors.isEmpty)
        #expect(sink.bankTransactions.count == 10)
        #expect(!sink.codes.contains("iso20022.balance"))
        #expect(!sink.codes.contains("iso20022.summary"))
        let credits = sink.bankTransactions.filter { $0.direction == .credit }
        let debits = sink.bankTransactions.filter { $0.direction == .debit }
        #expect(credits.map(\.amount.amount).reduce(.zero, +) == (try FixedDecimal.parse("23075.00")))
        #expect(debits.map(\.amount.amount).reduce(.zero, +) == (try FixedDecimal.parse("9430.17")))
    }

    @Test func postFinanceQRReferencesBecomeLines() throws {
        let sink = try Fixtures.read("camt054-v04-postfinance-qrr-batch.xml")
        #expect(sink.errors.isEmpty)
        #expect(sink.lines.map(\.referenceQualifier) == ["QRR", "QRR"])
        #expect(sink.lines.map(\.amountPaid) == [Money("778.29", "CHF"), Money("913.93", "CHF")])
        #expect(
            sink.payments.map(\.amount).reduce(FixedDecimal.zero) { $0 + $1.amount }
                == (try FixedDecimal.parse("1692.22")))
    }

    @Test func aHeaderOnlyStatementIsAWarningNotACrash() throws {
        let sink = try Fixtures.read("camt053-v02-genkgo-grphdr-only.xml")
        #expect(sink.records.isEmpty)
        #expect(sink.codes == ["iso20022.empty"])
    }

    @Test func uetrIsKeptAndUsedAsTraceWithoutAnEndToEndId() throws {
        let sink = try Fixtures.read("camt054-v08-genkgo-uetr.xml")
        let payment = try #require(sink.payments.first)
        #expect(payment.uetr == "255ae394-9965-4438-ac86-f406feada396")
        #expect(payment.traceNumber == payment.uetr)
    }
}
