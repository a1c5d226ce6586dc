import RemitCore
import Testing

@Suite struct ReasonCrosswalkTests {
    @Test func laterRowsOverrideAndEveryAnswerCitesItsRow() throws {
        var crosswalk = ReasonCrosswalk()
        try crosswalk.load("code_list\tcode\tcategory\tmeaning\nX12-426\t01\tpricing\tprice\n# note\n", name: "a.tsv")
        try crosswalk.load("code_list\tcode\tcategory\tmeaning\r\nX12-426\t01\tcompliance\tlocal\r\n", name: "b.tsv")
        #expect(crosswalk.categorize(code: "01", codeList: "X12-426") == (.compliance, "b.tsv:2"))
        #expect(crosswalk.categorize(code: "99", codeList: "X12-426") == (.unidentified, "rule:unmapped-code"))
        #expect(crosswalk.categorize(code: nil, codeList: "X12-426") == (.unidentified, "rule:no-reason-code"))
    }

    @Test(arguments: [
        ("code_list\tcode\tcategory\nX12-426\t01\tbogus\n", 2, "mapping.category"),
        ("code_list\tcode\tcategory\nX12-426\t01\n", 2, "mapping.columns"),
        ("code,list\n", 1, "mapping.header"),
        ("code_list\tcode\tcategory\nX12-426\t01\tpricing\n\t02\tpricing\n", 3, "mapping.empty"),
    ])
    func refusesABadRowWithItsLine(text: String, line: Int, code: String) {
        var crosswalk = ReasonCrosswalk()
        do {
            try crosswalk.load(text, name: "bad.tsv")
            Issue.record("accepted a bad crosswalk")
        } catch {
            #expect(error.location.line == line)
            #expect(error.code == code)
        }
        #expect(crosswalk.count == 0)
    }

    @Test(arguments: ["\n", "\r\n"])
    func locatesABadRowInTheFileAsRead(lineEnd: String) {
        let rows = ["code_list\tcode\tcategory", "# local codes", "X12-426\t01\tbogus"]
        let text = rows.joined(separator: lineEnd) + lineEnd
        var crosswalk = ReasonCrosswalk()
        do {
            try crosswalk.load(text, name: "mappings/reason-codes/x.tsv", path: "/srv/maps/reason-codes/x.tsv")
            Issue.record("accepted a bad crosswalk")
        } catch {
            #expect(error.location.file == "/srv/maps/reason-codes/x.tsv")
            #expect(error.location.line == 3)
            // The third row starts after the two rows before it and their line ends.
            #expect(
                error.location.byteOffset == Int64(rows[0].utf8.count + rows[1].utf8.count + 2 * lineEnd.utf8.count))
        }
    }
}
