import Foundation
import RemitCore
import RemitX12
import Testing

/// The 997 and 999 that answer the fixtures, compared byte for byte with `fixtures/acks/`. Set
/// `REMIT_RECORD_GOLDEN=1` to re-record them after a deliberate change, then review the diff.
@Suite struct AcknowledgmentGoldenTests {
    static let stamp = AcknowledgmentDocument.Stamp(date: "20261203", time: "1200")
    static let folder = Fixtures.packageRoot.appendingPathComponent("fixtures/acks")

    /// Each fixture, whether 999s were asked for, and the acknowledgment files it gives.
    static let cases: [(fixture: String, implementation: Bool, files: [String])] = [
        ("remit-820-bad-amount.edi", false, ["remit-820-bad-amount.edi.000000909.997"]),
        ("remit-820-truncated.edi", false, ["remit-820-truncated.edi.000000707.997"]),
        ("remit-820-se-count-wrong.edi", false, ["remit-820-se-count-wrong.edi.000000808.997"]),
        ("remit-812-shortage-lines.edi", false, ["remit-812-shortage-lines.edi.000000202.997"]),
        ("855-4010-two-transactions-one-group.edi", false, ["855-4010-two-transactions-one-group.edi.000001337.997"]),
        ("820-5010-x218-list-bill-payment.edi", true, ["820-5010-x218-list-bill-payment.edi.000010216.999"]),
        ("820-5010-x218-list-bill-payment.edi", false, ["820-5010-x218-list-bill-payment.edi.000010216.997"]),
    ]

    @Test(arguments: cases.indices)
    func acknowledgmentsMatchTheGoldenFiles(index: Int) throws {
        let (fixture, implementation, files) = Self.cases[index]
        let (documents, _) = X12Acknowledger.acknowledge(
            try Fixtures.bytes(fixture), file: fixture, implementationAcknowledgments: implementation)
        #expect(documents.map { "\(fixture).\($0.receivedControl).\($0.kind.rawValue)" } == files)
        var next = 1
        for (document, name) in zip(documents, files) {
            let numbers = Array(next..<(next + document.controlNumbersNeeded))
            next += numbers.count
            let text = document.render(controlNumbers: numbers, stamp: Self.stamp)
            let golden = Self.folder.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["REMIT_RECORD_GOLDEN"] == "1" {
                try Data(text.utf8).write(to: golden)
                continue
            }
            #expect(text == (try String(contentsOf: golden, encoding: .utf8)), "\(name) differs from fixtures/acks")
        }
    }

    /// The file is read twice in chunks (never held whole): any chunking gives the same answer, byte for byte.
    @Test(arguments: [1, 7, 64, 4096])
    func chunkingDoesNotChangeTheAcknowledgment(chunkSize: Int) throws {
        for (fixture, implementation, _) in Self.cases {
            let bytes = try Fixtures.bytes(fixture)
            let whole = X12Acknowledger.acknowledge(bytes, file: fixture, implementationAcknowledgments: implementation)
            var passes = 0
            let chunked = X12Acknowledger.acknowledge(file: fixture, implementationAcknowledgments: implementation) {
                body in
                passes += 1
                bytes.withUnsafeBytes { all in
                    for start in stride(from: 0, to: all.count, by: chunkSize) {
                        body(UnsafeRawBufferPointer(rebasing: all[start..<min(start + chunkSize, all.count)]))
                    }
                }
            }
            #expect(passes == 2)
            let render = { (documents: [AcknowledgmentDocument]) in
                documents.map { $0.render(controlNumbers: Array(1...$0.controlNumbersNeeded), stamp: Self.stamp) }
            }
            #expect(render(chunked.documents) == render(whole.documents), "\(fixture)")
            #expect(!whole.documents.isEmpty, "\(fixture)")
            #expect(chunked.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "\(fixture)")
        }
    }

    @Test func theGoldenFolderHoldsExactlyTheseFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }
        #expect(names.sorted() == Self.cases.flatMap(\.files).sorted())
    }
}
