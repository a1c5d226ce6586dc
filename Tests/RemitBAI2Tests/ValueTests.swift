import RemitCore
import Testing

@testable import RemitBAI2

@Suite struct ValueTests {
    @Test(arguments: [
        ("0000", BAI2Time.clock(minutes: 0, seconds: nil)), ("2359", .clock(minutes: 1439, seconds: nil)),
        ("2400", .endOfDay), ("9999", .endOfDay), ("24:00", .endOfDay), ("17:20", .clock(minutes: 1040, seconds: nil)),
        ("07:54:12", .clock(minutes: 474, seconds: 12)),
    ])
    func acceptedTimes(text: String, time: BAI2Time) {
        #expect(BAI2Time.parse(Array(text.utf8)) == time)
    }

    @Test(arguments: ["2401", "1260", "7:54", "", "12345", "ab:cd", "23:59:60"])
    func refusedTimes(text: String) {
        #expect(BAI2Time.parse(Array(text.utf8)) == nil)
    }

    @Test func amountsAreIntegersInMinorUnits() {
        #expect(BAI2Number.amount(Array("+000000000000".utf8)) == .success(0))
        #expect(BAI2Number.amount(Array("000000000002500".utf8)) == .success(2500))
        #expect(BAI2Number.amount(Array("-1260161341762".utf8)) == .success(-1_260_161_341_762))
        #expect(BAI2Number.amount(Array("999999999999999999".utf8)) == .success(999_999_999_999_999_999))
        #expect(BAI2Number.amount(Array("1000000000000000000".utf8)) == .failure(.tooManyDigits))
        #expect(BAI2Number.amount(Array("12 3".utf8)) == .failure(.invalidCharacter(UInt8(ascii: " "), at: 2)))
        #expect(BAI2Number.amount(Array("1-2".utf8)) == .failure(.invalidCharacter(UInt8(ascii: "-"), at: 1)))
        #expect(BAI2Number.amount(Array("+".utf8)) == .failure(.noDigits))
    }
}
