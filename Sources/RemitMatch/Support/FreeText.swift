import RemitCore

/// Splits free text into the keys an invoice number might hide behind.
enum FreeText {
    /// Whether a reference has letters and a run of 4 or more digits: a number behind a prefix the normalizer
    /// does not know (`SI-0043614`, `IV0043614`), which only its digits can match.
    static func wrapsNumber(_ reference: String) -> Bool {
        guard reference.contains(where: \.isLetter) else { return false }
        var run = 0
        for character in reference {
            run = character.isASCII && character.isNumber ? run + 1 : 0
            if run >= 4 { return true }
        }
        return false
    }

    /// Each word (letters and digits) normalized, then each run of 4 or more digits inside a word.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        func add(_ token: String) {
            let normalized = ReferenceNormalizer.normalize(token)
            if !normalized.isEmpty && !result.contains(normalized) { result.append(normalized) }
        }
        var word = ""
        for character in text + " " {
            if character.isLetter || character.isNumber || character == "-" || character == "/" {
                word.append(character)
                continue
            }
            guard !word.isEmpty else { continue }
            for part in word.split(whereSeparator: { $0 == "/" }) { add(String(part)) }
            var digits = ""
            for inner in word + " " {
                if inner.isASCII && inner.isNumber {
                    digits.append(inner)
                } else {
                    if digits.count >= 4 { add(digits) }
                    digits = ""
                }
            }
            word = ""
        }
        return result
    }
}
