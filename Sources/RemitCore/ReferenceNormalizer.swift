/// Turns an invoice reference into the key both sides of a match are compared on.
///
/// Upper-cases, keeps letters and digits only, drops a leading `INVOICE` or `INV`, then `NO`, `NR` or
/// `NUM`, when digits follow them, and drops leading zeros. `inv-000123`, `# 123` and `123` all become `123`.
public enum ReferenceNormalizer {
    private static let documentWords: [[UInt8]] = ["INVOICE", "INV"].map { Array($0.utf8) }
    private static let numberWords: [[UInt8]] = ["NO", "NR", "NUM"].map { Array($0.utf8) }

    public static func normalize(_ reference: String) -> String {
        if isAlreadyKey(reference) { return reference }
        var kept: [UInt8] = []
        kept.reserveCapacity(reference.utf8.count)
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"): kept.append(byte)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): kept.append(byte - 32)
            default: continue
            }
        }
        var start = 0
        // A document-type word, then optionally a number word, counts as a prefix only when digits follow.
        for group in [documentWords, numberWords] {
            for prefix in group where kept.count - start > prefix.count && kept[start...].starts(with: prefix) {
                let next = start + prefix.count
                if isDigit(kept[next]) || numberWords.contains(where: { kept[next...].starts(with: $0) }) {
                    start = next
                    break
                }
            }
        }
        if start > 0 && !isDigit(kept[start]) { start = 0 }
        while start < kept.count - 1 && kept[start] == UInt8(ascii: "0") { start += 1 }
        return String(decoding: kept[start...], as: UTF8.self)
    }

    /// Whether `reference` is its own key: capitals and digits only, starting with a digit other than 0 or a
    /// letter that cannot begin a document or number word (`INV…`, `NO…`), so there is nothing to drop or
    /// upper-case. Most references are plain invoice or PO numbers like this.
    private static func isAlreadyKey(_ reference: String) -> Bool {
        var utf8 = reference.utf8.makeIterator()
        guard let first = utf8.next(),
            (first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9"))
                || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") && first != UInt8(ascii: "I")
                    && first != UInt8(ascii: "N"))
        else { return false }
        while let byte = utf8.next() {
            guard isDigit(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) else { return false }
        }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
