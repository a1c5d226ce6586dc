import RemitCore

extension Reassociator {
    /// Words of a company name that say nothing about which company it is.
    static let genericNameWords: Set<String> = [
        "AG", "AND", "CO", "COMPANY", "CORP", "CORPORATION", "GMBH", "INC", "LLC", "LP", "LTD", "OF", "PLC", "SA",
        "THE",
    ]

    /// The comparison form of a reference: upper-case letters and digits only, leading zeros dropped.
    static func key(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.isASCII && isAlphanumeric(scalar) {
            if scalars.isEmpty && scalar == "0" { continue }
            scalars.append(Unicode.Scalar(UInt8(scalar.value)).uppercased)
        }
        return String(scalars)
    }

    /// The words of a text in comparison form: split at anything but ASCII letters and digits.
    static func words(_ text: String?) -> [String] {
        guard let text else { return [] }
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII && isAlphanumeric(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(key(current))
                current = ""
            }
        }
        if !current.isEmpty { words.append(key(current)) }
        return words.filter { !$0.isEmpty }
    }

    /// Whether every distinctive word of `name` is a word of `text`, or the name written without spaces is.
    static func nameAppears(_ name: String, in text: [String]) -> Bool {
        let parts = words(name).filter { !genericNameWords.contains($0) }
        guard !parts.isEmpty else { return false }
        let present = Set(text)
        return parts.allSatisfy(present.contains) || present.contains(parts.joined())
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
    }
}

extension Unicode.Scalar {
    /// The ASCII upper-case form of an ASCII letter; anything else unchanged.
    fileprivate var uppercased: Unicode.Scalar {
        ("a"..."z").contains(self) ? Unicode.Scalar(value - 32)! : self
    }
}

extension Reassociator {
    /// File and transaction id: a bank entry and the details read inside it share both.
    static func entryKey(_ provenance: Provenance) -> String {
        provenance.location.file + "\u{0}" + provenance.transactionID
    }
}
