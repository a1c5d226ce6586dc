/// Ways a payer writes its own name differently from the seller's export.
enum PayerVariant: String, CaseIterable {
    /// `HARBOR FOODS INC`
    case upperCase = "upper-case"
    /// `Harbor Foods, Inc.`
    case punctuation
    /// `Harbor Foods`
    case legalFormDropped = "legal-form-dropped"
    /// `Harbor Foods LLC` for `Harbor Foods Inc`
    case legalFormChanged = "legal-form-changed"
    /// `Harbor Fds Inc`
    case abbreviated
    /// `Harbr Foods Inc`
    case typo
    /// `Harbor Foods Inc #0412`
    case storeNumber = "store-number"
    /// `HARBOR FOODS INC` cut to 16 characters, as NACHA company names are
    case truncated

    static let legalForms: Set<String> = ["Inc", "Inc.", "LLC", "Co", "Corp", "Ltd", "Company"]

    func apply(to name: String, random: inout ScenarioRandom) -> String {
        var words = name.split(separator: " ").map(String.init)
        let form = words.count > 1 && Self.legalForms.contains(words.last!) ? words.removeLast() : nil
        let base = words.joined(separator: " ")
        switch self {
        case .upperCase:
            return name.uppercased()
        case .punctuation:
            guard let form else { return base + "." }
            return base + ", " + (form.hasSuffix(".") ? form : form + ".")
        case .legalFormDropped:
            return form == nil ? base + " Inc" : base
        case .legalFormChanged:
            let others: [String] = ["Inc", "LLC", "Corp", "Co"].filter { $0 != form?.replacingPeriods }
            return base + " " + random.pick(others)
        case .abbreviated:
            var last = Array(words.removeLast())
            if last.count > 3 {
                last = [last[0]] + last.dropFirst().filter { !"aeiou".contains($0) }
            }
            return (words + [String(last)] + (form.map { [$0] } ?? [])).joined(separator: " ")
        case .typo:
            var letters = Array(base)
            let positions = letters.indices.filter { $0 > 0 && letters[$0].isLetter }
            letters.remove(at: random.pick(positions))
            return String(letters) + (form.map { " " + $0 } ?? "")
        case .storeNumber:
            return name + " #" + Digits.padded(random.within(1...9_999), 4)
        case .truncated:
            let kept = name.uppercased().filter { $0.isLetter || $0.isNumber || $0 == " " }
            return String(kept.prefix(16)).trimmingTrailingSpaces
        }
    }
}

extension String {
    fileprivate var replacingPeriods: String { filter { $0 != "." } }

    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
