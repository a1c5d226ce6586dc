import RemitCore
import RemitMatch

/// `remit-bench match LINES`: reconciles the synthetic `MatchBook` in memory and prints the time taken,
/// precision and recall of automatic application against the book's answers, what each rule decided, the
/// combination search's effort, a digest of every decision and peak RSS.
///
/// The digest is SHA-256 over every match, deduction, open invoice and finding: two builds that print the
/// same digest for the same LINES made the same decisions, so a speed change can be checked against the
/// build before it.
enum MatchBench {
    static func run(lines requested: Int) {
        let book = MatchBook(lines: requested)
        let bookRSS = BenchFigures.peakRSS()
        let matcher = Matcher(options: MatchOptions(partners: PartnerDirectory(partners: book.partners)))
        let clock = BenchClock()
        let cpuBefore = BenchFigures.cpuSeconds()
        let result = matcher.reconcile(
            lines: book.lines, deductions: book.deductions, invoices: book.invoices,
            payments: book.payments)
        let seconds = clock.seconds
        let cpu = BenchFigures.cpuSeconds() - cpuBefore
        let peakRSS = BenchFigures.peakRSS()
        var applied = 0
        var right = 0
        var suggested = 0
        var answered = 0
        var byRule: [String: Int] = [:]
        var searches = 0
        var searchSteps = 0
        var searchesStopped = 0
        var outcomes: [String: Int] = [:]
        var writtenOff = 0
        for (index, match) in result.matches.enumerated() {
            let truth = book.truth(of: index)
            let why = match.decision == .applied ? "" : " (\(match.evidence.last { $0.name == "reason" }?.value ?? ""))"
            byRule[match.rule + "/" + match.decision.rawValue + why, default: 0] += 1
            if let steps = match.evidence.first(where: { $0.name == "search_steps" }).flatMap({ Int($0.value) }) {
                searches += 1
                searchSteps += steps
                if match.evidence.contains(Evidence("search_complete", "no")) { searchesStopped += 1 }
            }
            outcomes[match.outcome.rawValue, default: 0] += 1
            if !match.writtenOff.isZero { writtenOff += 1 }
            if !truth.isEmpty { answered += 1 }
            if match.decision == .suggested { suggested += 1 }
            guard match.decision == .applied, let invoice = match.invoice else { continue }
            applied += 1
            let numbers = [invoice.number] + match.allocations.map(\.invoice.number)
            if numbers.sorted() == truth.sorted() { right += 1 }
        }
        print(
            "matched \(book.lines.count) lines against \(book.invoices.count) invoices in "
                + "\(BenchFigures.fixed(seconds, digits: 3)) s (CPU \(BenchFigures.fixed(cpu, digits: 3)) s); "
                + "applied \(applied), right \(right), suggested \(suggested); "
                + "precision \(percent(right, applied)), recall \(percent(right, answered)) "
                + "(\(answered) lines have an answer); "
                + "peak RSS \(peakRSS >> 20) MiB (\(bookRSS >> 20) MiB once the book was built)")
        print("by rule: " + byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        var found: [String: Int] = [:]
        for deduction in result.deductions {
            found[deduction.origin.rawValue + " " + deduction.category.rawValue, default: 0] += 1
        }
        print(
            "outcomes: " + outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                + "; written off \(writtenOff); deductions: "
                + found.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print(
            "combination search, lines where it found a set: \(searches) lines, \(searchSteps) steps, "
                + "\(searchesStopped) stopped at the step bound")
        print("decisions digest: \(digest(result))")
    }

    /// `part / whole` to hundredths of a percent, rounded down: 2 wrong in 100,000 shows as 99.99 %, never as
    /// 100.00 %.
    static func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "n/a" }
        let hundredths = part * 10_000 / whole
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) %"
    }

    /// SHA-256 over a text rendering of the whole reconciliation.
    static func digest(_ result: Reconciliation) -> String {
        var hasher = SHA256Hasher()
        func show(_ money: Money?) -> String { money.map(\.description) ?? "-" }
        for match in result.matches {
            let allocations = match.allocations.map {
                "\($0.invoice.number):\($0.openBefore):\($0.applied)"
            }
            let fields = [
                match.line.id, match.invoice?.number ?? "-", match.outcome.rawValue, match.rule, String(match.score),
                match.decision.rawValue, match.evidence.map(\.description).joined(separator: "|"),
                show(match.openBefore), show(match.applied), show(match.discountTaken), show(match.statedDeductions),
                show(match.unexplained), show(match.unapplied), show(match.openAfter), show(match.writtenOff),
                allocations.joined(separator: ","),
            ]
            add("match " + fields.joined(separator: " ; "), to: &hasher)
        }
        for deduction in result.deductions {
            let fields = [
                deduction.id, deduction.lineID ?? "-", show(deduction.amount), deduction.category.rawValue,
                deduction.categorySource, deduction.reasonText ?? "-", deduction.origin.rawValue,
            ]
            add("deduction " + fields.joined(separator: " ; "), to: &hasher)
        }
        for open in result.openInvoices {
            add("open \(open.invoice.number) ; \(open.remaining) ; \(open.appliedThisRun)", to: &hasher)
        }
        for finding in result.findings {
            add(
                "finding \(finding.kind.rawValue) ; \(finding.subject) ; \(finding.ids) ; \(finding.detail)",
                to: &hasher)
        }
        return hasher.finalize()
    }

    private static func add(_ text: String, to hasher: inout SHA256Hasher) {
        var text = text + "\n"
        text.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
    }
}
