import Foundation
import RemitCore
import Testing

/// A partner's own rows beat its portal list, which beats the standard list; each answer cites its row.
@Suite struct PartnerReasonCodesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let header = "code_list\tcode\tcategory\tmeaning\n"

    /// A mappings folder with one partner `acme` (payer id A1, portal list PORTAL-X) and its own rows.
    static func mappings(ownRows: String?, portal: String? = "PORTAL-X") throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("remit-codes-\(UUID().uuidString)")
        let folder = base.appendingPathComponent("partners/acme")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let portalField = portal.map { #", "portal_codes": "\#($0)""# } ?? ""
        try Data(#"{"name": "Acme Retail", "payer_ids": ["A1"]\#(portalField)}"#.utf8)
            .write(to: folder.appendingPathComponent("partner.json"))
        if let ownRows {
            try Data((header + ownRows).utf8).write(to: folder.appendingPathComponent("reason-codes.tsv"))
        }
        return base.path
    }

    static func standard() throws -> ReasonCrosswalk {
        var crosswalk = ReasonCrosswalk()
        try crosswalk.load(
            header + "X12-426\t06\tshortage\tqty\nX12-426\t14\treturns\tpromo return\nPORTAL-X\t14\tshortage\tshort\n"
                + "PORTAL-X\t15\tdamage\tdamaged\n", name: "std.tsv")
        return crosswalk
    }

    static func deduction(code: String?, payerID: String?, list: String? = "X12-426") throws -> Deduction {
        let crosswalk = try standard()
        let (category, source) = crosswalk.categorize(code: code, codeList: list ?? "X12-426")
        return Deduction(
            id: "d", paymentID: nil, lineID: nil, amount: Money(FixedDecimal(units: 100, scale: 2), "USD"),
            reasonCode: code, reasonCodeList: list, category: category, categorySource: source, reasonText: nil,
            invoiceReference: nil, memoNumber: nil, memoQualifier: nil,
            payer: Party(name: nil, idQualifier: nil, id: payerID), paymentTrace: nil, origin: .stated,
            provenance: Provenance(
                location: SourceLocation(file: "f", line: 1, column: 1, byteOffset: 0), fileSHA256: "",
                envelope: EnvelopeKeys(), transactionID: ""))
    }

    static func codes(ownRows: String?, portal: String? = "PORTAL-X") throws -> PartnerReasonCodes {
        let folder = try mappings(ownRows: ownRows, portal: portal)
        return try PartnerReasonCodes.load(
            partners: try PartnerDirectory.load(mappingsDirectory: folder), standard: try standard())
    }

    @Test(arguments: [
        // The partner's own row for the list wins over its portal list and the standard list.
        ("14", "X12-426", DeductionCategory.compliance, "mappings/partners/acme/reason-codes.tsv:2"),
        // A '*' row applies to a code in any list.
        ("77", "EDIFACT-4465", .freight, "mappings/partners/acme/reason-codes.tsv:3"),
        // No own row: the portal list decides.
        ("15", "X12-426", .damage, "std.tsv:5"),
        // Neither: the standard list's answer stands.
        ("06", "X12-426", .shortage, "std.tsv:2"),
    ])
    func ownRowsThenPortalListThenStandard(
        code: String, list: String, category: DeductionCategory, source: String
    ) throws {
        let codes = try Self.codes(ownRows: "X12-426\t14\tcompliance\tacme fine\n*\t77\tfreight\tacme freight\n")
        let result = codes.recategorize(try Self.deduction(code: code, payerID: "a1", list: list))
        #expect(result.category == category)
        #expect(result.categorySource == source)
    }

    @Test func anotherPayersDeductionIsLeftAsItsParserDecided() throws {
        let codes = try Self.codes(ownRows: "X12-426\t14\tcompliance\tacme fine\n")
        let other = try Self.deduction(code: "14", payerID: "ZZ9")
        #expect(codes.recategorize(other) == other)
        #expect(other.categorySource == "std.tsv:3")
        let noCode = try Self.deduction(code: nil, payerID: "A1")
        #expect(codes.recategorize(noCode) == noCode)
    }

    @Test func aBadPartnerRowIsRefusedWithItsFileAndLine() throws {
        do {
            _ = try Self.codes(ownRows: "X12-426\t14\tcompliance\tok\nX12-426\t15\tchargeback\tbad\n")
            Issue.record("a partner file with a bad category was accepted")
        } catch {
            let error = try #require(error as? Diagnostic)
            #expect(error.code == "mapping.category")
            #expect(error.location.line == 3)
            #expect(error.location.file.hasSuffix("partners/acme/reason-codes.tsv"))
        }
    }

    @Test func aPortalListNoCrosswalkHasIsRefused() throws {
        do {
            _ = try Self.codes(ownRows: nil, portal: "PORTAL-NOPE")
            Issue.record("an unknown portal list was accepted")
        } catch {
            let error = try #require(error as? Diagnostic)
            #expect(error.code == "mapping.partner")
            #expect(error.location.file.hasSuffix("partners/acme/partner.json"))
        }
    }

    @Test func nothingConfiguredIsEmpty() throws {
        #expect(try Self.codes(ownRows: nil, portal: nil).isEmpty)
        #expect(!(try Self.codes(ownRows: nil)).isEmpty)
    }

    @Test func theShippedMappingsLoadAndBigMartsOwnCodesWin() throws {
        let folder = Self.root.appendingPathComponent("mappings").path
        var standard = ReasonCrosswalk()
        for name in ["edifact-4465.tsv", "retailer-portal.tsv", "x12-426.tsv"] {
            let path = folder + "/reason-codes/" + name
            try standard.load(try String(contentsOfFile: path, encoding: .utf8), name: "mappings/reason-codes/" + name)
        }
        #expect(standard.entry(code: "30", codeList: "PORTAL-WALMART")?.category == .duplicate)
        #expect(standard.entry(code: "coop", codeList: "PORTAL-AMAZON")?.category == .advertising)
        let codes = try PartnerReasonCodes.load(
            partners: try PartnerDirectory.load(mappingsDirectory: folder), standard: standard)
        var deduction = try Self.deduction(code: "AB", payerID: "BM001")
        deduction.category = standard.categorize(code: "AB", codeList: "X12-426").category
        #expect(deduction.category == .unidentified, "AB is a payroll code in the X12 426 list")
        let decided = codes.recategorize(deduction)
        #expect(decided.category == .shortage)
        #expect(decided.categorySource == "mappings/partners/bigmart/reason-codes.tsv:6")
    }
}
