import RemitCore
import RemitReport
import Testing

@Suite struct CSVWriterTests {
    private func line(_ cells: [CSVCell]) -> String {
        var writer = CSVWriter()
        writer.writeRow(cells)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("", ""),
        ("Café", "Café"),
    ])
    func quotesOnlyWhenNeeded(text: String, written: String) {
        #expect(line([.text(text)]) == written + "\r\n")
    }

    @Test(arguments: [
        ("=1+2", "'=1+2"), ("+41 22", "'+41 22"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""), ("a=b", "a=b"), ("'quoted", "'quoted"),
    ])
    func guardsTextThatStartsLikeAFormula(text: String, written: String) {
        #expect(line([.text(text)]) == written + "\r\n")
    }

    @Test func guardsAndQuotesAHyperlinkFormula() {
        let cell = CSVCell.text("=HYPERLINK(\"http://evil.example/x\",\"Click\")")
        #expect(line([cell]) == "\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"Click\"\")\"\r\n")
    }

    @Test(arguments: [("-12.50", "-12.50"), ("0", "0"), ("1234.5", "1234.5"), ("", "")])
    func leavesPlainNumbersAlone(text: String, written: String) {
        #expect(line([.number(text)]) == written + "\r\n")
    }

    @Test(arguments: [("-1+2", "'-1+2"), ("=7", "'=7"), ("-", "'-"), ("-1.", "'-1."), ("+5", "'+5")])
    func guardsNumberCellsThatAreNotPlainNumbers(text: String, written: String) {
        #expect(line([.number(text)]) == written + "\r\n")
    }

    @Test func separatesCellsWithCommasAndEndsRowsWithCRLF() {
        var writer = CSVWriter()
        writer.writeHeader(["a", "b", "c"])
        writer.writeRow([.text("x"), .amount(Money(FixedDecimal(units: -1050, scale: 2), "USD")), .integer(nil)])
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "a,b,c\r\nx,-10.50,\r\n")
    }

    @Test func writesAmountsWithTheCurrencysMinorDigits() {
        #expect(
            line([.amount(Money(FixedDecimal(units: 5, scale: 0), "JPY")), .amount(Money(.zero, "KWD"))])
                == "5,0.000\r\n")
    }
}
