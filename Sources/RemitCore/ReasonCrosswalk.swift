/// Maps a partner's reason code to a canonical deduction category, saying which row decided.
///
/// Loaded from tab-separated files under `mappings/`: `code_list`, `code`, `category`, `meaning`, with a
/// header line; `#` starts a comment line. Later rows override earlier ones for the same code list and
/// code, so a partner file loaded after the defaults wins.
public struct ReasonCrosswalk: Sendable {
    public struct Entry: Sendable, Hashable {
        public var category: DeductionCategory
        public var meaning: String
        /// `path:line` of the row.
        public var source: String
    }

    private var entries: [Key: Entry] = [:]

    private struct Key: Hashable, Sendable {
        var codeList: String
        var code: String
    }

    public init() {}

    public var count: Int { entries.count }

    /// The category for `code` in `codeList`, or `unidentified` with the reason it fell through.
    public func categorize(code: String?, codeList: String) -> (category: DeductionCategory, source: String) {
        guard let code, !code.isEmpty else { return (.unidentified, "rule:no-reason-code") }
        if let entry = entries[Key(codeList: codeList, code: code.uppercased())] {
            return (entry.category, entry.source)
        }
        return (.unidentified, "rule:unmapped-code")
    }

    public func entry(code: String, codeList: String) -> Entry? {
        entries[Key(codeList: codeList, code: code.uppercased())]
    }

    /// Whether any row belongs to `codeList`.
    public func hasCodeList(_ codeList: String) -> Bool {
        entries.keys.contains { $0.codeList == codeList }
    }

    /// Adds the rows of one crosswalk file.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - name: how rows are cited in `categorySource`, usually the path relative to the mappings folder.
    ///   - path: the file as read, for error locations; `name` when not given.
    /// - Throws: `Diagnostic` naming the first bad row's line and byte offset; nothing from the file is added then.
    public mutating func load(_ text: String, name: String, path: String? = nil) throws(Diagnostic) {
        var added: [Key: Entry] = [:]
        var sawHeader = false
        var lineNumber = 0
        var lineStart: Int64 = 0
        let file = path ?? name
        // "\r\n" is one Character in Swift, so CRLF files must be split on both forms.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let location = SourceLocation(file: file, line: lineNumber, column: 1, byteOffset: lineStart)
            lineStart += Int64(rawLine.utf8.count) + 1
            if text.utf8[rawLine.endIndex...].starts(with: "\r\n".utf8) { lineStart += 1 }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                guard fields.count >= 3, fields[0] == "code_list", fields[1] == "code", fields[2] == "category" else {
                    throw Diagnostic(
                        .error, code: "mapping.header",
                        "expected the header code_list, code, category, "
                            + "meaning separated by tabs", at: location)
                }
                continue
            }
            guard fields.count >= 3 else {
                throw Diagnostic(
                    .error, code: "mapping.columns",
                    "row has \(fields.count) tab-separated fields, "
                        + "needs at least 3 (code_list, code, category)", at: location)
            }
            guard !fields[0].isEmpty, !fields[1].isEmpty else {
                throw Diagnostic(.error, code: "mapping.empty", "code_list and code must not be empty", at: location)
            }
            guard let category = DeductionCategory(rawValue: fields[2]) else {
                let known = DeductionCategory.allCases.map(\.rawValue).joined(separator: ", ")
                throw Diagnostic(
                    .error, code: "mapping.category", "unknown category '\(fields[2])'", at: location,
                    hint: "use one of: \(known)")
            }
            let meaning = fields.count > 3 ? fields[3] : ""
            added[Key(codeList: fields[0], code: fields[1].uppercased())] =
                Entry(category: category, meaning: meaning, source: "\(name):\(lineNumber)")
        }
        if !sawHeader {
            throw Diagnostic(
                .error, code: "mapping.header", "crosswalk has no header line",
                at: SourceLocation(file: file, line: 1, column: 1, byteOffset: 0))
        }
        entries.merge(added) { _, new in new }
    }
}
