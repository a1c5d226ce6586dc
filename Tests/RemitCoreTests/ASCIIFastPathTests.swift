import Testing

@testable import RemitCore

/// The byte-by-byte paths for ASCII text must give what the Unicode-aware paths give. Appending a no-break
/// space (not a letter or digit, but whitespace) sends the same text down the Unicode path without changing
/// the answer, so each case compares the two paths directly.
@Suite struct ASCIIFastPathTests {
    static let unicodeSpace = "\u{00A0}"

    /// Every ASCII byte between two letters, at the ends, and in a few realistic names and ids.
    static let samples: [String] = {
        var texts = (0..<128).map { "a" + String(UnicodeScalar(UInt8($0))) + "Z9" }
        texts += (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts += [
            "", " ", "Big-Mart Stores, Inc.", "  bm001 ", "\tK12\r\n", "o'Neil & Sons", "ACME\u{0B}CO", "x\u{1C}y",
            "inv-000123/A", "ALT 77", "...", "a.b.c",
        ]
        return texts
    }()

    @Test(arguments: samples)
    func nameKeysAgree(_ text: String) {
        #expect(PartnerDirectory.nameKey(text) == PartnerDirectory.nameKey(text + Self.unicodeSpace))
    }

    @Test(arguments: samples)
    func idKeysAgree(_ text: String) {
        #expect(PartnerDirectory.idKey(text) == PartnerDirectory.idKey(text + Self.unicodeSpace))
    }

    @Test func otherTextStillGoesThroughUnicode() {
        #expect(PartnerDirectory.nameKey("Café Ñandú 12") == "CAFÉÑANDÚ12")
        #expect(PartnerDirectory.nameKey("Straße") == "STRASSE")
        #expect(PartnerDirectory.idKey(" é\u{2003}1 ") == "É1")
    }

    /// Every reference of up to four characters over letters and marks the normalizer treats specially: the
    /// shortcut for text that is already a key must agree with the full normalization, which a trailing `-`
    /// (dropped by it) forces.
    @Test func referenceShortcutAgreesWithFullNormalization() {
        let alphabet = ["A", "I", "N", "V", "O", "R", "U", "M", "P", "0", "1", "9", "a", "-"]
        var texts = [""]
        var checked = 0
        for _ in 0..<4 {
            texts = texts.flatMap { text in alphabet.map { text + $0 } }
            for text in texts {
                #expect(ReferenceNormalizer.normalize(text) == ReferenceNormalizer.normalize(text + "-"), "\(text)")
                checked += 1
            }
        }
        #expect(checked > 40_000)
        #expect(ReferenceNormalizer.normalize("PO12000011") == "PO12000011")
        #expect(ReferenceNormalizer.normalize("NUM42") == "42")
    }
}

@Suite struct FixedDecimalFormattingTests {
    @Test(arguments: [
        (Int64(5), UInt8(2), UInt8(0), "0.05"), (-5, 2, 0, "-0.05"), (0, 0, 0, "0"), (0, 0, 2, "0.00"),
        (1250, 0, 2, "1250.00"), (123_456, 2, 2, "1234.56"), (-10, 2, 2, "-0.10"), (15, 3, 0, "0.015"),
        (Int64.min, 18, 0, "-9.223372036854775808"), (Int64.max, 0, 0, "9223372036854775807"),
        (1, 18, 0, "0.000000000000000001"),
    ])
    func writesTheDigits(units: Int64, scale: UInt8, minimumScale: UInt8, expected: String) {
        #expect(FixedDecimal(units: units, scale: scale).formatted(minimumScale: minimumScale) == expected)
    }

    /// Reading the text back gives the same value with at least the scale asked for.
    @Test func formattedTextReadsBack() throws {
        var seed: UInt64 = 7
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // At most 15 digits, so the text with up to three more zeros still parses (18 digits at most).
            let units = Int64(bitPattern: seed) >> Int64(14 + seed % 50)
            let scale = UInt8(seed >> 60)
            let value = FixedDecimal(units: units, scale: scale)
            let minimum = UInt8((seed >> 8) % 4)
            let text = value.formatted(minimumScale: minimum)
            let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
            let read = try FixedDecimal.parse(text)
            #expect(read == value, "\(units) at scale \(scale): \(text)")
            #expect(decimals == Int(max(scale, minimum)) || value.rescaled(to: minimum) == nil, "\(text)")
        }
    }
}
