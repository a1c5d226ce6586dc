import RemitCore

extension InvoiceLayout: Decodable {
    private static let topLevelKeys = [
        "name", "description", "separator", "encoding", "skip_lines", "columns", "required_columns",
        "default_currency", "numbers", "dates", "skip_rows",
    ]

    /// Reads and checks a layout file's JSON object; `source` stays empty until `InvoiceLayout.parse` sets it.
    ///
    /// - Throws: `LayoutFieldError` naming the first bad field, or the decoder's `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LayoutKey.self)
        try container.refuseUnknownKeys(InvoiceLayout.topLevelKeys)
        let columns = try InvoiceLayout.decodeColumns(container)
        let currency = try InvoiceLayout.decodeDefaultCurrency(container, columns: columns)
        self.init(
            name: try container.optionalString("name")?.trimmingWhitespace() ?? "",
            summary: try container.optionalString("description") ?? "",
            separator: try InvoiceLayout.decodeSeparator(container),
            encoding: try InvoiceLayout.decodeEncoding(container),
            skipLines: try InvoiceLayout.decodeSkipLines(container),
            columns: columns,
            requiredFields: try InvoiceLayout.decodeRequired(container, columns: columns),
            defaultCurrency: currency,
            numbers: try InvoiceLayout.decodeNumbers(container),
            dateFormats: try InvoiceLayout.decodeDates(container),
            skipRules: try InvoiceLayout.decodeSkipRules(container, columns: columns))
    }

    private static func decodeSeparator(_ container: KeyedDecodingContainer<LayoutKey>) throws -> UInt8 {
        guard let text = try container.optionalString("separator") else { return UInt8(ascii: ",") }
        let named: [String: String] = ["tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"]
        let value = named[text.lowercased()] ?? text
        let bytes = Array(value.utf8)
        guard bytes.count == 1, bytes[0] != UInt8(ascii: "\""), bytes[0] != 0x0A, bytes[0] != 0x0D,
            !(0x30...0x39).contains(bytes[0])
        else {
            throw container.fail(
                "separator",
                "must be one ASCII character other than a quote, a digit or a line end, or one of "
                    + "tab, comma, semicolon, pipe; got '\(text)'")
        }
        return bytes[0]
    }

    private static func decodeEncoding(_ container: KeyedDecodingContainer<LayoutKey>) throws -> TextEncoding {
        guard let text = try container.optionalString("encoding") else { return .utf8 }
        guard let encoding = TextEncoding(name: text) else {
            let known = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
            throw container.fail("encoding", "unknown encoding '\(text)'; use one of \(known)")
        }
        return encoding
    }

    private static func decodeSkipLines(_ container: KeyedDecodingContainer<LayoutKey>) throws -> Int {
        guard container.contains("skip_lines") else { return 0 }
        guard let value = try? container.decode(Int.self, forKey: "skip_lines"), (0...10_000).contains(value) else {
            throw container.fail("skip_lines", "expected a whole number from 0 to 10000")
        }
        return value
    }

    private static func decodeColumns(_ container: KeyedDecodingContainer<LayoutKey>) throws -> [InvoiceField: [String]]
    {
        guard container.contains("columns") else {
            throw container.fail(
                "columns", "is required: it maps invoice_number, amount and other fields to header names")
        }
        guard let nested = try? container.nestedContainer(keyedBy: LayoutKey.self, forKey: "columns") else {
            throw container.fail("columns", "expected an object mapping field names to header spellings")
        }
        try nested.refuseUnknownKeys(InvoiceField.allCases.map(\.rawValue))
        var columns: [InvoiceField: [String]] = [:]
        var owners: [String: InvoiceField] = [:]
        for field in InvoiceField.allCases {
            guard let spellings = try nested.stringList(field.rawValue) else { continue }
            for spelling in spellings {
                let key = HeaderName.normalize(spelling)
                if let owner = owners[key], owner != field {
                    throw nested.fail(
                        field.rawValue, "'\(spelling)' is also listed for \(owner.rawValue); a header maps to one field"
                    )
                }
                owners[key] = field
            }
            columns[field] = spellings
        }
        for field in InvoiceField.allCases where InvoiceField.alwaysRequired.contains(field) && columns[field] == nil {
            throw container.fail("columns", "needs header spellings for \(field.rawValue)")
        }
        return columns
    }

    private static func decodeRequired(
        _ container: KeyedDecodingContainer<LayoutKey>, columns: [InvoiceField: [String]]
    ) throws -> Set<InvoiceField> {
        guard let names = try container.stringList("required_columns") else { return InvoiceField.alwaysRequired }
        var required = InvoiceField.alwaysRequired
        for name in names {
            guard let field = InvoiceField(rawValue: name) else {
                throw container.fail("required_columns", "unknown field '\(name)'")
            }
            guard columns[field] != nil else {
                throw container.fail("required_columns", "'\(name)' has no header spellings under columns")
            }
            required.insert(field)
        }
        return required
    }

    private static func decodeDefaultCurrency(
        _ container: KeyedDecodingContainer<LayoutKey>, columns: [InvoiceField: [String]]
    ) throws -> String? {
        guard let code = try container.optionalString("default_currency") else {
            if columns[.currency] == nil {
                throw container.fail("default_currency", "is required when columns has no currency entry")
            }
            return nil
        }
        guard Currency.isWellFormed(code) else {
            throw container.fail("default_currency", "expected a three-letter ISO 4217 code in capitals, got '\(code)'")
        }
        return code
    }

    private static func decodeNumbers(_ container: KeyedDecodingContainer<LayoutKey>) throws -> NumberFormat {
        guard container.contains("numbers") else { return NumberFormat() }
        guard let nested = try? container.nestedContainer(keyedBy: LayoutKey.self, forKey: "numbers") else {
            throw container.fail("numbers", "expected an object")
        }
        try nested.refuseUnknownKeys(["decimal_separator", "thousands_separator", "negative", "currency_symbols"])
        var format = NumberFormat()
        if let decimal = try nested.optionalString("decimal_separator") {
            guard decimal == "." || decimal == "," else {
                throw nested.fail("decimal_separator", "must be \".\" or \",\", got '\(decimal)'")
            }
            format.decimalSeparator = decimal.unicodeScalars.first!
        }
        if nested.contains("thousands_separator") {
            let list: [String]
            if let single = try? nested.decode(String.self, forKey: "thousands_separator") {
                list = single.isEmpty ? [] : [single]
            } else if let several = try? nested.decode([String].self, forKey: "thousands_separator") {
                list = several
            } else {
                throw nested.fail("thousands_separator", "expected a character or a list of characters")
            }
            for text in list {
                guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first,
                    !"0123456789+-()".unicodeScalars.contains(scalar), scalar != format.decimalSeparator
                else {
                    throw nested.fail(
                        "thousands_separator",
                        "'\(text)' cannot separate thousands: use one character that is not a digit, sign, "
                            + "parenthesis or the decimal separator")
                }
                format.thousandsSeparators.append(scalar)
            }
        }
        if let styles = try nested.stringList("negative") {
            format.negativeStyles = try styles.map { name in
                guard let style = NumberFormat.NegativeStyle(rawValue: name) else {
                    let known = NumberFormat.NegativeStyle.allCases.map(\.rawValue).joined(separator: ", ")
                    throw nested.fail("negative", "unknown style '\(name)'; use \(known)")
                }
                return style
            }
        }
        if let symbols = try nested.stringList("currency_symbols") {
            for symbol in symbols {
                let clashes = symbol.unicodeScalars.contains {
                    (0x30...0x39).contains($0.value) || $0 == format.decimalSeparator
                        || format.thousandsSeparators.contains($0) || "+-()".unicodeScalars.contains($0)
                        || $0.properties.isWhitespace
                }
                if clashes {
                    throw nested.fail(
                        "currency_symbols", "'\(symbol)' contains a digit, sign, space or separator")
                }
            }
            format.currencySymbols = symbols
        }
        return format
    }

    private static func decodeDates(_ container: KeyedDecodingContainer<LayoutKey>) throws -> [DatePattern] {
        guard let patterns = try container.stringList("dates") else { return [try! DatePattern("yyyy-MM-dd")] }
        var compiled: [DatePattern] = []
        for (index, pattern) in patterns.enumerated() {
            do {
                compiled.append(try DatePattern(pattern))
            } catch {
                let field = patterns.count > 1 ? "dates[\(index)]" : "dates"
                throw LayoutFieldError(
                    field: (container.codingPath + [LayoutKey(field)]).fieldPath, message: error.reason)
            }
        }
        return compiled
    }

    private static func decodeSkipRules(
        _ container: KeyedDecodingContainer<LayoutKey>, columns: [InvoiceField: [String]]
    ) throws -> [SkipRule] {
        guard container.contains("skip_rows") else { return [] }
        guard var list = try? container.nestedUnkeyedContainer(forKey: "skip_rows") else {
            throw container.fail("skip_rows", "expected a list of rules")
        }
        var rules: [SkipRule] = []
        while !list.isAtEnd {
            let index = list.currentIndex
            guard let rule = try? list.nestedContainer(keyedBy: LayoutKey.self) else {
                throw container.fail("skip_rows[\(index)]", "expected an object")
            }
            rules.append(try decodeSkipRule(rule, columns: columns))
        }
        return rules
    }

    private static func decodeSkipRule(
        _ rule: KeyedDecodingContainer<LayoutKey>, columns: [InvoiceField: [String]]
    ) throws -> SkipRule {
        try rule.refuseUnknownKeys(["field", "header", "matches", "empty", "reason", "only_if_empty"])
        let target: SkipRule.Target
        let targetText: String
        if let name = try rule.optionalString("field") {
            if rule.contains("header") { throw rule.fail("header", "give either field or header, not both") }
            guard let field = InvoiceField(rawValue: name) else { throw rule.fail("field", "unknown field '\(name)'") }
            guard columns[field] != nil else {
                throw rule.fail("field", "'\(name)' has no header spellings under columns")
            }
            target = .field(field)
            targetText = name
        } else if let headers = try rule.stringList("header") {
            target = .header(headers)
            targetText = headers[0]
        } else {
            target = .anyCell
            targetText = "a cell"
        }
        let condition: SkipRule.Condition
        let conditionText: String
        if let pattern = try rule.optionalString("matches") {
            if rule.contains("empty") { throw rule.fail("empty", "give either matches or empty, not both") }
            do {
                _ = try Regex(pattern)
            } catch {
                throw rule.fail("matches", "not a valid regular expression: \(error)")
            }
            condition = .matches(pattern)
            conditionText = "matches /\(pattern)/"
        } else if rule.contains("empty") {
            guard (try? rule.decode(Bool.self, forKey: "empty")) == true else {
                throw rule.fail("empty", "must be true (leave it out otherwise)")
            }
            if target == .anyCell { throw rule.fail("empty", "needs a field or header to look at") }
            condition = .isEmpty
            conditionText = "is empty"
        } else {
            throw rule.fail("matches", "a rule needs matches (a regular expression) or \"empty\": true")
        }
        var onlyIfEmpty: InvoiceField?
        if let name = try rule.optionalString("only_if_empty") {
            guard let field = InvoiceField(rawValue: name) else {
                throw rule.fail("only_if_empty", "unknown field '\(name)'")
            }
            guard columns[field] != nil else {
                throw rule.fail("only_if_empty", "'\(name)' has no header spellings under columns")
            }
            onlyIfEmpty = field
        }
        let reason = try rule.optionalString("reason")?.trimmingWhitespace() ?? ""
        return SkipRule(
            target: target, condition: condition, reason: reason.isEmpty ? "\(targetText) \(conditionText)" : reason,
            onlyIfEmpty: onlyIfEmpty)
    }
}
