import RemitACH

/// The kinds of input Remit recognises by content, never by file name.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    case x12
    case bai2
    case ach
    case iso20022 = "iso20022"
    case unknown

    /// Looks at the first bytes of a file.
    ///
    /// X12 starts with `ISA` (after an optional UTF-8 BOM and white space), BAI2 with `01,`, ISO 20022 with
    /// `<` (an XML declaration or the `Document` element; in UTF-16 after its byte order mark), NACHA (ACH)
    /// with a `101` file header record of 94 characters.
    public static func detect(prefix: [UInt8]) -> InputFormat {
        if ACHReader.looksLikeACH(prefix) { return .ach }
        // UTF-16 XML, either byte order, after its byte order mark: libxml2 decodes it as it does any encoding.
        if prefix.starts(with: [0xFF, 0xFE, 0x3C, 0x00]) || prefix.starts(with: [0xFE, 0xFF, 0x00, 0x3C]) {
            return .iso20022
        }
        var start = 0
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < prefix.count, [0x20, 0x09, 0x0A, 0x0D].contains(prefix[start]) { start += 1 }
        let rest = prefix[start...]
        if startsWithISA(rest) { return .x12 }
        if rest.starts(with: Array("01,".utf8)) { return .bai2 }
        if rest.starts(with: Array("<".utf8)) { return .iso20022 }
        return .unknown
    }

    /// Whether `bytes` start with `ISA`, where a file hard-wrapped at a width of one or two bytes may have a
    /// line break (CR, LF or CRLF) between the letters.
    private static func startsWithISA(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        for (step, letter) in "ISA".utf8.enumerated() {
            if step > 0 {
                var skipped = 0
                while skipped < 2 && index < bytes.endIndex && [0x0A, 0x0D].contains(bytes[index]) {
                    index += 1
                    skipped += 1
                }
            }
            guard index < bytes.endIndex && bytes[index] == letter else { return false }
            index += 1
        }
        return true
    }
}
