import Testing
import RemitCore
@testable import RemitX12

@Suite struct DumpTests {
    @Test func dump() throws {
        for name in try Fixtures.allNames() {
            print("=== \(name)")
            let sink = try Fixtures.read(fixture: name)
            for event in sink.events {
                switch event {
                case .record(let r): print("  R", r.id, r.provenance.location.compilerStyle, r.provenance.location.element ?? "-", String(describing: r).prefix(0))
                case .diagnostic(let d): print("  D", d.code, d)
                case .summary(let s): print("  S", s.status, s.statedTotal.map { "\($0)" } ?? "-", s.linesTotal.map { "\($0)" } ?? "-", s.adjustmentsTotal.map { "\($0)" } ?? "-", s.imbalance.map { "\($0)" } ?? "-", s.recordCount, s.transactionID)
                }
            }
        }
    }
}
