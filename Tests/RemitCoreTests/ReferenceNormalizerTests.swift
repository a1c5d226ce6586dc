import RemitCore
import Testing

@Suite struct ReferenceNormalizerTests {
    @Test(arguments: [
        ("inv-000123", "123"), ("# 123", "123"), ("00123", "123"), ("INV123", "123"), ("Invoice No. 77", "77"),
        ("INVNO", "INVNO"), ("NOTE5", "NOTE5"),
        ("INVERNESS9", "INVERNESS9"), ("A-0001", "A0001"), ("0", "0"), ("000", "0"), ("NO. 5", "5"),
    ])
    func normalizes(raw: String, expected: String) {
        #expect(ReferenceNormalizer.normalize(raw) == expected)
    }
}
