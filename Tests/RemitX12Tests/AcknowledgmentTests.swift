import RemitCore
import RemitX12
import Testing

/// What the acknowledgment says for cases no golden file shows: warnings as errors noted, several groups,
/// and the control numbers and time it is given.
@Suite struct AcknowledgmentTests {
    static let stamp = AcknowledgmentDocument.Stamp(date: "20261203", time: "0815")

    static func render(_ text: String, implementation: Bool = false) -> [String] {
        let (documents, _) = X12Acknowledger.acknowledge(
            Array(text.utf8), file: "in.edi", implementationAcknowledgments: implementation)
        var next = 41
        return documents.map { document in
            let numbers = Array(next..<(next + document.controlNumbersNeeded))
            next += numbers.count
            return document.render(controlNumbers: numbers, stamp: stamp)
        }
    }

    /// The segments between the ST and the SE of the acknowledgment.
    static func body(_ document: String) -> [String] {
        let segments = document.split(separator: "\n").map { String($0.dropLast()) }
        guard let start = segments.firstIndex(where: { $0.hasPrefix("ST*") }),
            let end = segments.firstIndex(where: { $0.hasPrefix("SE*") })
        else { return [] }
        return Array(segments[(start + 1)..<end])
    }

    @Test func warningsAboutSyntaxAreAcceptedWithErrorsNamingSegmentAndElement() {
        // BPR is position 2 in the set (BPR03 'X' is not a code), DTM position 4 (DTM02 is not a date), the
        // stray ZZZ position 5.
        let text = Inline.file([
            "ST*820*0001", "BPR*I*100.00*X*ACH", "TRN*1*T1", "DTM*097*2026130", "ZZZ*1", "N1*PR*PAYER",
            "RMR*IV*INV-1**100.00", "SE*8*0001",
        ])
        let documents = Self.render(text)
        #expect(documents.count == 1)
        #expect(
            Self.body(documents[0]) == [
                "AK1*RA*1", "AK2*820*0001", "AK3*BPR*2**8", "AK4*3**7*X", "AK3*DTM*4**8", "AK4*2**8*2026130",
                "AK3*ZZZ*5**2", "AK5*E*5", "AK9*E*1*1*1",
            ])
    }

    @Test func anMissingMemoNumberAndAnExplicitDecimalPointAreNotedOnThe812() {
        let text = Inline.file(
            ["ST*812*0001", "BCD*20260105**I*44.00*D", "SE*3*0001"], functionalID: "CD")
        let body = Self.body(Self.render(text)[0])
        #expect(
            body == [
                "AK1*CD*1", "AK2*812*0001", "AK3*BCD*2**8", "AK4*2**1", "AK4*4**6*44.00", "AK5*E*5", "AK9*E*1*1*1",
            ])
    }

    @Test func theInterchangeIsAddressedBackAndNumberedFromTheGivenNumbers() {
        let document = Self.render(Inline.file(Inline.oneInvoice))[0]
        let lines = document.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "ISA*00*          *00*          *ZZ*RECEIVER       *ZZ*SENDER         *261203*0815*U*00401*"
                + "000000041*0*P*:~")
        #expect(lines[1] == "GS*FA*RECEIVER*SENDER*20261203*0815*42*X*004010~")
        #expect(lines.suffix(3) == ["SE*6*0001~", "GE*1*42~", "IEA*1*000000041~"])
        #expect(lines.first?.count == 106, "ISA is 105 bytes and its terminator")
    }

    @Test func onlyGroupsOf005010XGetA999AndOnlyWhenAsked() {
        let text =
            Inline.file(Inline.oneInvoice, version: "005010X218", isaVersion: "00501")
        #expect(Self.render(text).map { $0.contains("ST*997*0001~") } == [true])
        let answered = Self.render(text, implementation: true)
        #expect(answered.count == 1)
        #expect(answered[0].contains("ST*999*0001*005010X231A1~\nAK1*RA*1*005010X218~\nAK2*820*0001~\nIK5*A~"))
        #expect(answered[0].contains("*^*00501*000000041*"))
    }

    @Test func aGroupWithAWrongCountAndControlNumberSaysSoInAK9() {
        let text = Inline.lines([
            Inline.isa(), Inline.gs(), "ST*820*0001", "BPR*I*1*C*ACH", "RMR*IV*1**1", "SE*4*0001", "GE*2*9",
            "IEA*1*000000001",
        ])
        #expect(Self.body(Self.render(text)[0]).last == "AK9*E*2*1*1*4*5")
    }

    @Test func theStampReadsAnISO8601UTCTime() {
        #expect(
            AcknowledgmentDocument.Stamp(iso8601: "2026-12-03T12:05:09Z")
                == AcknowledgmentDocument.Stamp(date: "20261203", time: "1205"))
        #expect(AcknowledgmentDocument.Stamp(iso8601: "2026-12-03T12:05:09+01:00") == nil)
    }
}
