/// A coding key for any name, so layout decoding can list the keys present and refuse unknown ones.
struct LayoutKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init(stringLiteral value: String) { stringValue = value }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A layout field with a bad value; `InvoiceLayout.load` turns it into a diagnostic naming the file.
struct LayoutFieldError: Error, Sendable {
    /// Dotted path of the field, e.g. `numbers.decimal_separator` or `skip_rows[2].matches`.
    var field: String
    var message: String
}

extension Array where Element == any CodingKey {
    /// `numbers.decimal_separator`, `skip_rows[1].matches`.
    var fieldPath: String {
        var text = ""
        for key in self {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "(top level)" : text
    }
}

extension KeyedDecodingContainer where Key == LayoutKey {
    func path(_ key: String) -> String { (codingPath + [LayoutKey(key)]).fieldPath }

    func fail(_ key: String, _ message: String) -> LayoutFieldError {
        LayoutFieldError(field: path(key), message: message)
    }

    /// Refuses keys not in `known`, so a misspelt field is an error rather than silently ignored.
    func refuseUnknownKeys(_ known: [String]) throws(LayoutFieldError) {
        for key in allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            throw fail(key.stringValue, "unknown field; fields allowed here: " + known.joined(separator: ", "))
        }
    }

    /// A value given as one string or a list of strings, each non-empty after trimming; nil when absent.
    func stringList(_ key: String) throws -> [String]? {
        guard contains(LayoutKey(key)) else { return nil }
        let values: [String]
        if let single = try? decode(String.self, forKey: LayoutKey(key)) {
            values = [single]
        } else if let list = try? decode([String].self, forKey: LayoutKey(key)) {
            values = list
        } else {
            throw fail(key, "expected a text or a list of texts")
        }
        if values.isEmpty { throw fail(key, "the list is empty") }
        if values.contains(where: { $0.trimmingWhitespace().isEmpty }) { throw fail(key, "contains an empty text") }
        return values
    }

    func optionalString(_ key: String) throws -> String? {
        guard contains(LayoutKey(key)) else { return nil }
        guard let value = try? decode(String.self, forKey: LayoutKey(key)) else { throw fail(key, "expected a text") }
        return value
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (including no-break spaces).
    func trimmingWhitespace() -> String {
        guard let head = unicodeScalars.first, let tail = unicodeScalars.last else { return "" }
        if !head.isSpace && !tail.isSpace { return String(self) }
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.isSpace }),
            let last = scalars.lastIndex(where: { !$0.isSpace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    /// Whether this is white space (Unicode White_Space), answered without a property lookup for ASCII.
    var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }
}
