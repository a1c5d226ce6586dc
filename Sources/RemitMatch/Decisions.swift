/// One slot per remittance line for its decision, nil while no rule has decided it.
///
/// Reads and writes like `[LineMatch?]`, but keeps the decisions in a plain `[LineMatch]` (undecided slots
/// hold a placeholder) so the finished array is handed over as it is: a million decisions are not copied
/// into a second array at the end.
struct Decisions {
    private var matches: [LineMatch]
    private var isDecided: [Bool]

    /// - Parameter placeholder: stands in every slot until it is decided; never handed out.
    init(count: Int, placeholder: LineMatch) {
        matches = Array(repeating: placeholder, count: count)
        isDecided = Array(repeating: false, count: count)
    }

    subscript(index: Int) -> LineMatch? {
        get { isDecided[index] ? matches[index] : nil }
        set {
            guard let newValue else {
                isDecided[index] = false
                return
            }
            matches[index] = newValue
            isDecided[index] = true
        }
    }

    /// Whether a rule has decided the line at `index`; cheaper than comparing the slot with nil.
    func hasDecision(_ index: Int) -> Bool { isDecided[index] }

    /// Every decision, in line order, once all lines are decided.
    var all: [LineMatch] {
        precondition(!isDecided.contains(false), "a line was left undecided")
        return matches
    }
}
