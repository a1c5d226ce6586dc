/// A seeded pseudo-random sequence (SplitMix64), so that a scenario is the same for the same seed on every
/// machine and every run. Never used for anything secret.
package struct ScenarioRandom: Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    /// The next 64 random bits.
    package mutating func nextBits() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A whole number in `0..<bound`; `bound` must be positive.
    package mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "an empty range has no member")
        return Int(nextBits() % UInt64(bound))
    }

    /// A whole number in the closed range.
    package mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with a probability of `perMille` in a thousand.
    package mutating func chance(perMille: Int) -> Bool {
        below(1000) < perMille
    }

    /// One element of a non-empty array.
    package mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }

    /// An index chosen with probability proportional to its weight; weights must not all be zero.
    package mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var roll = below(total)
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// The array in a random order (Fisher–Yates).
    package mutating func shuffled<Element>(_ items: [Element]) -> [Element] {
        var result = items
        guard result.count > 1 else { return result }
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(index, below(index + 1))
        }
        return result
    }
}
