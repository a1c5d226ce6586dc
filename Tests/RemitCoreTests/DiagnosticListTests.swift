import RemitCore
import Testing

@Suite struct DiagnosticListTests {
    private func diagnostic(_ severity: Diagnostic.Severity, _ index: Int) -> Diagnostic {
        Diagnostic(severity, code: "test.\(index)", "problem \(index)", at: .wholeFile("f"))
    }

    @Test func keepsTheFirstAndCountsEveryOne() {
        var list = DiagnosticList(limit: 3)
        let severities: [Diagnostic.Severity] = [.warning, .error, .note, .error, .warning, .warning, .note]
        for (index, severity) in severities.enumerated() { list.append(diagnostic(severity, index)) }
        #expect(list.listed.map(\.code) == ["test.0", "test.1", "test.2"])
        #expect(list.map(\.code) == ["test.0", "test.1", "test.2"], "the sequence is the listed ones")
        #expect((list.errors, list.warnings, list.notes) == (2, 3, 2))
        #expect(list.total == 7)
        #expect(list.notListed == 4)
        let rest = list.notListedBySeverity
        #expect((rest.errors, rest.warnings, rest.notes) == (1, 2, 1))
    }

    @Test func underTheLimitEveryOneIsListed() {
        let list: DiagnosticList = [diagnostic(.error, 0), diagnostic(.note, 1)]
        #expect(list.limit == DiagnosticList.defaultLimit)
        #expect(list.listed.count == 2)
        #expect(list.notListed == 0)
        #expect(!list.isEmpty)
        #expect(DiagnosticList().isEmpty)
    }

    @Test func aListOfNoneStillCounts() {
        var list = DiagnosticList(limit: 0)
        list.append(contentsOf: (0..<5).map { diagnostic(.warning, $0) })
        #expect(list.listed.isEmpty)
        #expect(list.warnings == 5)
        #expect(list.notListed == 5)
        #expect(!list.isEmpty)
    }
}
