import RemitCore
import Testing

@testable import RemitBAI2

@Suite struct TypeCodeTableTests {
    @Test func shippedTableListsEveryCodeOnce() {
        let table = Fixtures.typeCodes
        #expect(table.count == 484)
        let lockbox = table.listed(115)
        #expect(lockbox?.direction == .credit && lockbox?.level == .detail && lockbox?.carriesPayment == true)
        #expect(table.listed(165)?.carriesPayment == true)
        #expect(table.listed(195)?.name == "Incoming Money Transfer")
        #expect(table.listed(475)?.direction == .debit)
        #expect(table.listed(475)?.carriesPayment == false)
        #expect(table.listed(555)?.isReversal == true)
        #expect(table.listed(10)?.level == .status)
        #expect(table.listed(890)?.direction == BAI2TypeCode.Direction.none)
        #expect(table.listed(999) == nil)
    }

    @Test(arguments: [
        (5, false, BAI2TypeCode.Direction.none, BAI2TypeCode.Level.status), (250, true, .credit, .detail),
        (650, false, .debit, .summary), (710, false, .none, .status), (740, true, .credit, .detail),
        (790, true, .debit, .detail), (850, true, .none, .detail), (915, false, .none, .status),
        (925, false, .credit, .summary), (987, true, .debit, .detail),
    ])
    func rangeRulesForUnlistedCodes(
        value: Int, inDetail: Bool, direction: BAI2TypeCode.Direction, level: BAI2TypeCode.Level
    ) {
        let code = BAI2TypeCodeTable().classify(value, code: "x", inDetail: inDetail)
        #expect(code.direction == direction)
        #expect(code.level == level)
        #expect(!code.isListed)
    }

    @Test func laterRowsOverrideEarlierOnes() throws {
        var table = Fixtures.typeCodes
        try table.load(
            "code\tdirection\tlevel\tpayment\treversal\tname\n987\tcredit\tdetail\tyes\tno\tBank sweep in\n",
            name: "bank.tsv")
        #expect(table.listed(987)?.direction == .credit)
        #expect(table.listed(987)?.carriesPayment == true)
    }

    @Test func badRowsAreLocated() {
        var table = BAI2TypeCodeTable()
        let text =
            "# comment\ncode\tdirection\tlevel\tpayment\treversal\tname\n142\tcredit\tdetail\tyes\tno\tACH\n"
            + "14\tcredit\tdetail\tyes\tno\tshort\n"
        #expect {
            try table.load(text, name: "bad.tsv")
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.code == "mapping.type-code" && diagnostic?.location.line == 4
                && diagnostic?.location.file == "bad.tsv"
        }
        #expect(throws: Diagnostic.self) {
            try table.load(
                "code\tdirection\tlevel\tpayment\treversal\tname\n142\tsideways\tdetail\tno\tno\tx\n", name: "b")
        }
        #expect(throws: Diagnostic.self) { try table.load("code\tname\n", name: "b") }
    }
}
