import RemitCore
import Testing

@testable import RemitBAI2

/// The 02 group status: what it stamps on the group's transactions and which groups the reader reports.
@Suite struct GroupStatusTests {
    static let date = CalendarDate(year: 2024, month: 1, day: 4)!

    /// One group of status `status` with account 1 (two credits) and account 2 (no detail at all).
    static func file(status: String) -> [String] {
        [
            "01,SENDER,RECEIVER,240105,0800,1,,,2/", "02,RECEIVER,BANKID,\(status),240104,0800,USD,2/",
            "03,1,,,,,/", "16,142,100,,,,/", "16,142,250,,,,/", "49,350,4/",
            "03,2,,,,,/", "49,0,2/",
            "98,350,2,8/", "99,350,1,10/",
        ]
    }

    @Test(arguments: [("2", "deletion"), ("3", "correction"), ("4", "test_only")])
    func everyTransactionOfTheGroupCarriesItsStatus(status: String, marked: String) {
        for chunkSize in [1, 7, nil] {
            let sink = Fixtures.read(lines: Self.file(status: status), chunkSize: chunkSize)
            #expect(sink.codes == ["bai2.group-status"])
            #expect(sink.transactions.count == 2)
            #expect(sink.transactions.allSatisfy { $0.status == marked })
        }
    }

    @Test func anUpdateGroupCarriesNoStatusAndIsNotReported() {
        let sink = Fixtures.read(lines: Self.file(status: "1"))
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.transactions.map(\.status) == [nil, nil])
        #expect(sink.statusGroups.isEmpty)
    }

    @Test(arguments: [1, 2, 7, 64, nil])
    func aDeletionIsReportedWithEveryAccountEvenOneWithoutDetails(chunkSize: Int?) throws {
        let sink = Fixtures.read(lines: Self.file(status: "2"), chunkSize: chunkSize)
        let group = try #require(sink.statusGroups.first)
        #expect(sink.statusGroups.count == 1)
        #expect(group.status == .deletion)
        #expect(group.originator == "BANKID")
        #expect(group.asOfDate == Self.date)
        #expect(group.accounts == ["1", "2"])
        #expect(group.location.line == 2 && group.location.byteOffset == 38)
        // Reported once the group is over: after its accounts' ends, before nothing else of it.
        guard case .statusGroup = sink.events.last else {
            Issue.record("the group was not reported last: \(sink.events.last.map { "\($0)" } ?? "no event")")
            return
        }
    }

    @Test func aGroupWithoutItsTrailerIsReportedWhenTheNextGroupOpens() {
        let sink = Fixtures.read(lines: [
            "01,SENDER,RECEIVER,240105,0800,1,,,2/", "02,RECEIVER,BANKID,3,240104,0800,USD,2/",
            "03,1,,,,,/", "16,142,100,,,,/", "49,100,3/",
            "02,RECEIVER,BANKID,1,240104,0800,USD,2/", "03,1,,,,,/", "16,142,100,,,,/", "49,100,3/", "98,100,1,5/",
            "99,200,2,11/",
        ])
        #expect(sink.codes == ["bai2.group-status", "bai2.missing-98"])
        #expect(sink.statusGroups.map(\.status) == [.correction])
        #expect(sink.statusGroups.map(\.accounts) == [["1"]])
        #expect(sink.transactions.map(\.status) == ["correction", nil])
    }

    @Test func theWarningSaysWhatBecomesOfTheGroup() throws {
        let deletion = try #require(Fixtures.read(lines: Self.file(status: "2")).diagnostics.first)
        #expect(deletion.severity == .warning)
        #expect(deletion.message.contains("marked 'deletion' and are not cash"))
        #expect(deletion.message.contains("sets aside the credits read before it in the same run"))
        #expect(deletion.hint?.contains("earlier run is not withdrawn") == true)
        let test = try #require(Fixtures.read(lines: Self.file(status: "4")).diagnostics.first)
        #expect(test.message.contains("marked 'test_only' and are not cash"))
        let unknown = Fixtures.read(lines: Self.file(status: "7"))
        #expect(unknown.diagnostics.first?.message.contains("read as an update") == true)
        #expect(unknown.transactions.map(\.status) == [nil, nil])
        #expect(unknown.statusGroups.isEmpty)
    }
}
