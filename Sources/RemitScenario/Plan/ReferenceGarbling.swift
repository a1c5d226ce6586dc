/// How payers' systems garble an invoice number.
enum ReferenceGarbling {
    /// Prefixes seen before invoice numbers in remittances.
    static let prefixes = ["INV", "INV-", "INV#", "#", "INV NO ", "IV", "SI-"]

    /// Half the time all leading zeros dropped; otherwise one zero inside the number (or, without one, the
    /// leading zeros).
    static func dropZeros(_ number: String, random: inout ScenarioRandom) -> String {
        let significant = ScenarioBook.significant(number)
        let inner = Array(significant).indices.filter { $0 > 0 && Array(significant)[$0] == "0" }
        guard random.chance(perMille: 500), !inner.isEmpty else { return significant }
        var digits = Array(significant)
        digits.remove(at: random.pick(inner))
        return String(digits)
    }

    /// A prefix before the number, itself with or without its leading zeros.
    static func addPrefix(_ number: String, random: inout ScenarioRandom) -> String {
        let body = random.chance(perMille: 500) ? number : ScenarioBook.significant(number)
        return random.pick(prefixes) + body
    }

    /// Two neighbouring, different digits of the significant part swapped; leading zeros kept half the time.
    static func transpose(_ number: String, random: inout ScenarioRandom) -> String {
        let significant = Array(ScenarioBook.significant(number))
        let pairs = significant.indices.dropLast().filter { significant[$0] != significant[$0 + 1] }
        guard !pairs.isEmpty else { return number }
        var digits = significant
        let at = random.pick(Array(pairs))
        digits.swapAt(at, at + 1)
        let swapped = String(digits)
        let zeros = number.count - significant.count
        return random.chance(perMille: 500) ? String(repeating: "0", count: zeros) + swapped : swapped
    }
}
