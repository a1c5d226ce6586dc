import Foundation
import RemitCore
import Testing

@Suite struct PartnerDirectoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func findsTheBundledPartnerByIdOrName() throws {
        let directory = try PartnerDirectory.load(mappingsDirectory: Self.root.appendingPathComponent("mappings").path)
        #expect(directory.partner(for: Party(name: nil, idQualifier: "92", id: "bm001"))?.key == "bigmart")
        #expect(
            directory.partner(for: Party(name: "Big-Mart Stores, Inc.", idQualifier: nil, id: nil))?.key == "bigmart")
        #expect(directory.partner(for: Party(name: "Corner Grocer Co", idQualifier: nil, id: "C200")) == nil)
    }

    @Test func refusesABrokenPartnerFile() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("remit-partners-\(UUID().uuidString)")
        let folder = base.appendingPathComponent("partners/acme")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"payer_ids": ["A1"]}"#.utf8).write(to: folder.appendingPathComponent("partner.json"))
        do {
            _ = try PartnerDirectory.load(mappingsDirectory: base.path)
            Issue.record("a partner file without a name was accepted")
        } catch {
            #expect(error.code == "mapping.partner")
            #expect(error.location.file.hasSuffix("partners/acme/partner.json"))
        }
    }
}
