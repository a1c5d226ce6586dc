import Foundation
import RemitCore
import Testing

@Suite struct PartnerMatchingSettingsTests {
    static func write(_ json: String) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("remit-matching-\(UUID().uuidString)")
        let folder = base.appendingPathComponent("partners/acme")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"name": "Acme", "payer_ids": ["A1"]}"#.utf8).write(
            to: folder.appendingPathComponent("partner.json"))
        try Data(json.utf8).write(to: folder.appendingPathComponent("matching.json"))
        return base.path
    }

    @Test func readsEveryField() throws {
        let base = try Self.write(
            #"{"reference_cleanup": {"strip_prefixes": ["AC-"], "strip_suffixes": ["/1"], "keep_last": 8},"#
                + #" "tolerance": {"amount": "2.50", "percent": "0.25"}, "discount_grace_days": 5}"#)
        let directory = try PartnerDirectory.load(mappingsDirectory: base)
        let settings = try #require(directory.partners.first?.matching)
        #expect(settings.stripPrefixes == ["AC-"])
        #expect(settings.stripSuffixes == ["/1"])
        #expect(settings.keepLast == 8)
        #expect(settings.toleranceAmount == (try FixedDecimal.parse("2.50")))
        #expect(settings.tolerancePercent == (try FixedDecimal.parse("0.25")))
        #expect(settings.discountGraceDays == 5)
    }

    @Test(arguments: [
        (#"{"tolerence": {}}"#, "'tolerence'"),
        (#"{"tolerance": {"amount": 2.5}}"#, "'tolerance.amount'"),
        (#"{"tolerance": {"amount": "-1"}}"#, "must not be negative"),
        (#"{"tolerance": {"percent": "150"}}"#, "'tolerance.percent'"),
        (#"{"discount_grace_days": -2}"#, "'discount_grace_days'"),
        (#"{"reference_cleanup": {"strip_prefixes": "AC-"}}"#, "'reference_cleanup.strip_prefixes'"),
        (#"[1]"#, "JSON object"),
    ])
    func refusesABadFileNamingTheField(_ json: String, _ expected: String) throws {
        let base = try Self.write(json)
        do {
            _ = try PartnerDirectory.load(mappingsDirectory: base)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.code == "mapping.partner-matching")
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(error.location.file.hasSuffix("partners/acme/matching.json"))
        }
    }
}
