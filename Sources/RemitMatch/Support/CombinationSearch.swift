/// Exhaustive, bounded search for the sets of open amounts that add up to a payment.
///
/// Amounts are whole minor units (exact); every candidate must be positive. Candidates are tried largest
/// first (ties in input order) and sets are built in that order, so the same input always gives the same
/// sets in the same order. The search proves a set unique only when it finishes within its bounds.
struct CombinationSearch {
    /// Most members in one set.
    var maxSetSize: Int
    /// Most nodes visited before giving up.
    var maxSteps: Int
    /// Stop once this many sets are found: two already prove the answer is ambiguous.
    var maxSolutions: Int = 3

    struct Result: Equatable {
        /// Each set as indices into the candidates given, ascending; sets in lexicographic order.
        var sets: [[Int]]
        /// False when a bound stopped the search before every set was tried.
        var complete: Bool
        var steps: Int
    }

    /// Sets of `amounts` whose sum lies in `target - below ... target` (a payment short by at most `below`).
    func run(amounts: [Int64], target: Int64, below: Int64) -> Result {
        let order = amounts.indices.sorted { amounts[$0] != amounts[$1] ? amounts[$0] > amounts[$1] : $0 < $1 }
        let sorted = order.map { amounts[$0] }
        // suffix[i]: sum of sorted[i...], to stop when what is left cannot reach the low end.
        var suffix = Array(repeating: Int64(0), count: sorted.count + 1)
        for index in stride(from: sorted.count - 1, through: 0, by: -1) {
            suffix[index] = suffix[index + 1] &+ sorted[index]
        }
        var sets: [[Int]] = []
        var steps = 0
        var stopped = false
        var outOfSteps = false
        var chosen: [Int] = []
        let low = target - below

        func visit(from start: Int, sum: Int64) {
            if stopped { return }
            var index = start
            while index < sorted.count {
                steps += 1
                if steps > maxSteps {
                    outOfSteps = true
                    stopped = true
                    return
                }
                let next = sum + sorted[index]
                if sum + suffix[index] < low { return }
                if next <= target {
                    chosen.append(index)
                    if next >= low {
                        sets.append(chosen.map { order[$0] }.sorted())
                        if sets.count >= maxSolutions {
                            stopped = true
                            return
                        }
                    }
                    if chosen.count < maxSetSize { visit(from: index + 1, sum: next) }
                    chosen.removeLast()
                    if stopped { return }
                }
                index += 1
            }
        }
        if target > 0 && !sorted.isEmpty { visit(from: 0, sum: 0) }
        // Found largest-first; reported in input order, which reads better and is as deterministic.
        let ordered = sets.sorted { $0.lexicographicallyPrecedes($1) }
        return Result(sets: ordered, complete: !outOfSteps, steps: min(steps, maxSteps))
    }
}
