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
        if let tokens = asciiTokens(text) { return tokens }
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

    /// `tokens` for ASCII text, read byte by byte instead of character by character; nil for other text.
    private static func asciiTokens(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var result: [String] = []
            func add(_ token: Slice<UnsafeBufferPointer<UInt8>>) {
                let normalized = ReferenceNormalizer.normalize(String(decoding: token, as: UTF8.self))
                if !normalized.isEmpty && !result.contains(normalized) { result.append(normalized) }
            }
            var start = 0
            // One past the end stands for the space that ends the last word.
            for end in 0...bytes.count {
                if end < bytes.count
                    && (ASCIIKey.isLetterOrDigit(bytes[end]) || bytes[end] == UInt8(ascii: "-")
                        || bytes[end] == UInt8(ascii: "/"))
                {
                    continue
                }
                if start < end {
                    for part in bytes[start..<end].split(separator: UInt8(ascii: "/")) { add(part) }
                    var digits = start
                    for inner in start...end where inner == end || !isDigit(bytes[inner]) {
                        if inner - digits >= 4 { add(bytes[digits..<inner]) }
                        digits = inner + 1
                    }
                }
                start = end + 1
            }
            return result
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
