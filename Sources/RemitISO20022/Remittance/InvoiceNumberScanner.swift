/// Finds invoice-number-like tokens in free-text remittance (`Ustrd`).
///
/// A candidate is a token of 4 to 20 letters, digits and inner `-`, `/` or `.`, with at least 4 digits in a
/// row, that is not a date (`2026-12-01`, `01.12.2026`) and not an amount (`1500.00`). Text is never changed:
/// the candidates are what the payer wrote.
enum InvoiceNumberScanner {
    static func candidates(in text: String) -> [String] {
        var found: [String] = []
        let separators: Set<Character> = [" ", ",", ";", ":", "\t", "\n", "\r", "(", ")", "#", "+"]
        for raw in text.split(whereSeparator: { separators.contains($0) }) {
            var token = Substring(raw)
            while let last = token.last, "-/.".contains(last) { token = token.dropLast() }
            while let first = token.first, "-/.".contains(first) { token = token.dropFirst() }
            guard (4...20).contains(token.count), token.allSatisfy(isTokenCharacter), longestDigitRun(token) >= 4,
                !looksLikeDate(token), !looksLikeAmount(token)
            else { continue }
            let candidate = String(token)
            if !found.contains(candidate) { found.append(candidate) }
        }
        return found
    }

    private static func isTokenCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-/.".contains(character))
    }

    private static func longestDigitRun(_ token: Substring) -> Int {
        var best = 0
        var run = 0
        for character in token {
            run = character.isNumber ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }

    private static func looksLikeDate(_ token: Substring) -> Bool {
        let parts = token.split(whereSeparator: { "-/.".contains($0) })
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return false }
        return parts.contains { $0.count == 4 } && parts.filter { $0.count <= 2 }.count == 2
    }

    private static func looksLikeAmount(_ token: Substring) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[1].count == 2 && token.allSatisfy { $0.isNumber || $0 == "." }
    }
}
