import RemitCore

/// Splits free text into the keys an invoice number might hide behind.
enum FreeText {
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
