/// Small string distances for references and names, on Unicode scalars.
enum EditDistance {
    /// Whether `a` and `b` differ by exactly one edit: one character inserted, deleted or replaced, or two
    /// neighbours swapped (`100108` / `100180`).
    static func isOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x == y { return false }
        if x.count == y.count {
            let differing = x.indices.filter { x[$0] != y[$0] }
            if differing.count == 1 { return true }
            return differing.count == 2 && differing[1] == differing[0] + 1 && x[differing[0]] == y[differing[1]]
                && x[differing[1]] == y[differing[0]]
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

    /// 0–100: 100 less the Levenshtein distance as a percentage of the longer text's length.
    static func similarity(_ a: String, _ b: String) -> Int {
        let longest = max(a.unicodeScalars.count, b.unicodeScalars.count)
        guard longest > 0 else { return 100 }
        return 100 - (levenshtein(a, b) * 100 + longest - 1) / longest
    }
}
