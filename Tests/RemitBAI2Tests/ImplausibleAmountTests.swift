import RemitCore
import Testing

@testable import RemitBAI2

/// A 16 whose amount is not a plausible money amount is refused where it stands; the file goes on.
@Suite struct ImplausibleAmountTests {
    static let lines = [
        "01,SENDER,RECEIVER,240105,0800,1,,,2/", "02,RECEIVER,SENDER,1,240104,2400,USD,2/",
        "03,555,USD,,,,/",
        "16,195,99999999999999999,,BR1,CR1,HUGE/",
        "16,195,12500,,BR2,CR2,SMALL/",
        "49,100000000000012499,4/", "98,100000000000012499,1,6/", "99,100000000000012499,1,8/",
    ]

    @Test(arguments: [1, 2, 7, 64, nil])
    func aSeventeenDigitAmountIsALocatedError(chunkSize: Int?) throws {
        let sink = Fixtures.read(lines: Self.lines, chunkSize: chunkSize)
        #expect(sink.transactions.map(\.amount) == [Money(FixedDecimal(units: 12_500, scale: 2), "USD")])
        let error = try #require(sink.diagnostic("bai2.amount"))
        #expect(error.severity == .error)
        #expect(error.location.file == "test.bai2")
        #expect(error.location.line == 4)
        #expect(error.location.element == "16.2")
        #expect(
            error.message
                == "'99999999999999999' is not an amount: 999999999999999.99 USD has 15 digits before the decimal "
                + "point; a money amount has at most 14")
        // The bank's control totals still count the refused amount, so they tie.
        #expect(sink.diagnostics.map(\.code) == ["bai2.amount"])
    }

    @Test func fourteenDigitsOfDollarsAreAccepted() throws {
        var lines = Self.lines
        lines[3] = "16,195,9999999999999999,,BR1,CR1,LARGE/"
        lines[5...7] = ["49,10000000000012499,4/", "98,10000000000012499,1,6/", "99,10000000000012499,1,8/"]
        let sink = Fixtures.read(lines: lines)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.transactions.first?.amount.formattedAmount == "99999999999999.99")
    }

    /// Ten 49 totals of 18 digits each add up past what 64 bits hold: the 98 comparison is replaced by an
    /// overflow error at the trailer, never a wrapped-around "computed" figure; the 99 adds the 98 as stated.
    @Test func groupAndFileTotalsThatOverflowAreErrorsNotWrappedSums() throws {
        var lines = ["01,SENDER,RECEIVER,240105,0800,1,,,2/", "02,RECEIVER,SENDER,1,240104,2400,USD,2/"]
        for account in 0..<10 { lines += ["03,\(500 + account),USD,,,,/", "49,999999999999999999,2/"] }
        lines += ["98,1,10,22/", "99,1,1,24/"]
        let sink = Fixtures.read(lines: lines)
        let atTrailers = sink.diagnostics.filter { $0.location.line > 22 }
        #expect(atTrailers.map(\.code) == ["bai2.overflow"], "\(atTrailers)")
        #expect(atTrailers.map { $0.location.element ?? "" } == ["98.1"])
    }
}
