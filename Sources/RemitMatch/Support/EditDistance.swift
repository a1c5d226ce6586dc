/// Small string distances for references and names, on Unicode scalars.
enum EditDistance {
    /// Whether `a` and `b` differ by exactly one edit: one character inserted, deleted or replaced, or two
    /// neighbours swapped (`100108` / `100180`).
    static func isOneEdit(_ a: String, _ b: String) -> Bool {
        // References are ASCII almost always: then bytes are scalars, and no arrays need building.
        var a = a
        var b = b
        let ascii = a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                guard x.allSatisfy({ $0 < 0x80 }) && y.allSatisfy({ $0 < 0x80 }) else { return nil }
                return isOneEdit(x, y)
            }
        }
        if let ascii { return ascii }
        return isOneEdit(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    private static func isOneEdit<C: RandomAccessCollection>(_ x: C, _ y: C) -> Bool
    where C.Element: Equatable, C.Index == Int {
        guard abs(x.count - y.count) <= 1 else { return false }
        if x.elementsEqual(y) { return false }
        if x.count == y.count {
            var differing: (first: Int, second: Int, count: Int) = (0, 0, 0)
            for index in 0..<x.count where x[index] != y[index] {
                switch differing.count {
                case 0: differing.first = index
                case 1: differing.second = index
                default: return false
                }
                differing.count += 1
            }
            if differing.count == 1 { return true }
            let (first, second) = (differing.first, differing.second)
            return second == first + 1 && x[first] == y[second] && x[second] == y[first]
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        guard long.count == short.count + 1 else { return false }
        var index = 0
        while index < short.count && long[index] == short[index] { index += 1 }
        return long[(index + 1)...].elementsEqual(short[index...])
    }

    /// Levenshtein distance: inserts, deletes and replacements.
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let replace = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(replace, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// `similarity(a, b)` when it is at least `threshold`, else nil. Texts whose lengths alone differ too much
    /// are turned away without computing the distance, which is never less than the difference in length.
    static func similarity(_ a: String, _ b: String, atLeast threshold: Int) -> Int? {
        let (x, y) = (a.unicodeScalars.count, b.unicodeScalars.count)
        let longest = max(x, y)
        if longest > 0 && 100 - (abs(x - y) * 100 + longest - 1) / longest < threshold { return nil }
        let similarity = similarity(a, b)
        return similarity >= threshold ? similarity : nil
    }

    /// 0–100: 100 less the Levenshtein distance as a percentage of the longer text's length.
    static func similarity(_ a: String, _ b: String) -> Int {
        let longest = max(a.unicodeScalars.count, b.unicodeScalars.count)
        guard longest > 0 else { return 100 }
        return 100 - (levenshtein(a, b) * 100 + longest - 1) / longest
    }
}
