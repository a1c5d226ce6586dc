/// Finds invoice-number-like tokens in free-text remittance (`Ustrd`).
///
/// A candidate is a token of 4 to 20 ASCII letters, digits and inner `-`, `/` or `.`, with at least 4 digits in
/// a row, that is not a date (`2026-12-01`, `01.12.2026`) and not an amount (`1500.00`). Tokens are split at
/// blanks and `,;:()#+`. The candidates are exactly what the payer wrote.
enum InvoiceNumberScanner {
    static func candidates(in text: String) -> [String] {
        var found: [String] = []
        var utf8 = Array(text.utf8)
        utf8.append(UInt8(ascii: " "))
        var start = 0
        for index in utf8.indices where isSeparator(utf8[index]) {
            if index > start, let candidate = candidate(utf8[start..<index]), !found.contains(candidate) {
                found.append(candidate)
            }
            start = index + 1
        }
        return found
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "#"), UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }

    private static func isInner(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
    }

    private static func candidate(_ raw: ArraySlice<UInt8>) -> String? {
        var token = raw
        while let last = token.last, isInner(last) { token = token.dropLast() }
        while let first = token.first, isInner(first) { token = token.dropFirst() }
        guard (4...20).contains(token.count) else { return nil }
        var run = 0
        var longestRun = 0
        var digitGroups: [Int] = []
        var group = 0
        var onlyDigitsAndInner = true
        for byte in token {
            if isDigit(byte) {
                run += 1
                group += 1
            } else if isLetter(byte) {
                run = 0
                onlyDigitsAndInner = false
            } else if isInner(byte) {
                run = 0
                digitGroups.append(group)
                group = 0
            } else {
                return nil
            }
            longestRun = max(longestRun, run)
        }
        digitGroups.append(group)
        guard longestRun >= 4 else { return nil }
        if onlyDigitsAndInner {
            // 2026-12-01, 01.12.2026, 1/12/2026: a date, not a document number.
            if digitGroups.count == 3 && digitGroups.contains(4)
                && digitGroups.filter({ (1...2).contains($0) }).count == 2
            {
                return nil
            }
            // 1500.00: an amount.
            if digitGroups.count == 2 && digitGroups[1] == 2 && token.contains(UInt8(ascii: ".")) { return nil }
        }
        return String(decoding: token, as: UTF8.self)
    }
}
