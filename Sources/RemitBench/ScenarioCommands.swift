import RemitScenario

/// `remit-bench scenario` and `remit-bench score`: generate a matching scenario with known answers, and score
/// what `remit reconcile` made of it.
enum ScenarioCommands {
    /// `scenario [--noise none|low|moderate|high] [--seed N] [--invoices K] --out DIR`
    static func generate(_ arguments: [String]) throws {
        var noise = NoiseLevel.moderate
        var seed: UInt64 = 1
        var invoices = 2_000
        var out: String?
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchError.usage }
            switch flag {
            case "--noise":
                guard let level = NoiseLevel(rawValue: value) else { throw BenchError.usage }
                noise = level
            case "--seed":
                guard let number = UInt64(value) else { throw BenchError.usage }
                seed = number
            case "--invoices":
                guard let number = Int(value), number > 0 else { throw BenchError.usage }
                invoices = number
            case "--out":
                out = value
            default:
                throw BenchError.usage
            }
        }
        guard let out else { throw BenchError.usage }
        let clock = BenchClock()
        let scenario = Scenario(noise: noise, seed: seed, invoices: invoices)
        try scenario.write(to: out)
        print(scenario.description, terminator: "")
        print("wrote \(out) in \(clock.elapsedText) s")
    }

    /// `score --truth DIR/truth.jsonl --matches OUT/matches.jsonl`
    static func score(_ arguments: [String]) throws {
        var truth: String?
        var matches: String?
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchError.usage }
            switch flag {
            case "--truth": truth = value
            case "--matches": matches = value
            default: throw BenchError.usage
            }
        }
        guard let truth, let matches else { throw BenchError.usage }
        let score = try ScenarioScore(truthPath: truth, matchesPath: matches)
        print(score.report, terminator: "")
    }
}
