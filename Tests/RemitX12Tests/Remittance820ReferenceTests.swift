import RemitCore
import RemitX12
import Testing

/// Heading REF segments (check number, voucher, vendor number) are kept on the payment; REF under a line or
/// an adjustment stays with it.
@Suite struct Remittance820ReferenceTests {
    @Test func headingReferencesAreKeptInOrderWithTheirDescriptions() throws {
        let sink = Fixtures.read(
            Inline.file([
                "ST*820*0001", "BPR*C*100.00*C*CHK", "TRN*1*CHK40012", "REF*CK*40012", "N1*PR*CORNER GROCER",
                "REF*VR*V-7712*VENDOR NUMBER AT PAYER", "REF*ZZ**SECOND NOTICE", "ENT*1", "RMR*IV*A-1**100.00",
                "REF*PO*PO-1", "SE*11*0001",
            ]))
        #expect(sink.diagnostics.isEmpty)
        let payment = try #require(sink.payments.first)
        #expect(
            payment.references == [
                PaymentReference(qualifier: "CK", value: "40012"),
                PaymentReference(qualifier: "VR", value: "V-7712", description: "VENDOR NUMBER AT PAYER"),
                PaymentReference(qualifier: "ZZ", value: nil, description: "SECOND NOTICE"),
            ])
        #expect(
            payment.references.map(\.text) == ["CK=40012", "VR=V-7712 (VENDOR NUMBER AT PAYER)", "ZZ (SECOND NOTICE)"])
        #expect(sink.lines.first?.purchaseOrder == "PO-1", "a REF under the RMR is the line's")
    }

    @Test func aHeadingReferenceWithoutQualifierOrValueIsReportedAndNotKept() throws {
        // REF*VR (segment 5) has no value; REF**X (segment 6) has no qualifier.
        let sink = Fixtures.read(
            Inline.file([
                "ST*820*0001", "BPR*C*100.00*C*CHK", "REF*VR", "REF**X", "REF*CK*1", "RMR*IV*A-1**100.00", "SE*7*0001",
            ]))
        #expect(sink.codes == ["x12.ref", "x12.ref"])
        #expect(sink.diagnostics.map(\.location.segmentIndex) == [5, 6])
        #expect(sink.diagnostics.map(\.location.element) == ["REF02", "REF01"])
        #expect(sink.payments.first?.references == [PaymentReference(qualifier: "CK", value: "1")])
    }

    @Test func referencesBeyondTheLimitAreReportedOnceAndDropped() throws {
        let limit = 100
        let references = (1...(limit + 5)).map { "REF*ZZ*R\($0)" }
        let sink = Fixtures.read(
            Inline.file(
                ["ST*820*0001", "BPR*C*100.00*C*CHK"] + references + [
                    "RMR*IV*A-1**100.00", "SE*\(references.count + 4)*0001",
                ]))
        #expect(sink.codes == ["x12.ref-limit"])
        // ST is segment 3, BPR 4, so REF number `limit + 1` is segment `limit + 5`.
        #expect(sink.diagnostics.first?.location.segmentIndex == limit + 5)
        let payment = try #require(sink.payments.first)
        #expect(payment.references.count == limit)
        #expect(payment.references.last == PaymentReference(qualifier: "ZZ", value: "R\(limit)"))
    }

    @Test func eachPaymentHasItsOwnReferences() {
        let first = ["ST*820*0001", "BPR*C*1.00*C*CHK", "REF*CK*1", "RMR*IV*A**1.00", "SE*5*0001"]
        let second = ["ST*820*0002", "BPR*C*2.00*C*CHK", "RMR*IV*B**2.00", "SE*4*0002"]
        let sink = Fixtures.read(
            Inline.lines(
                [Inline.isa(), Inline.gs()] + first + second + ["GE*2*1", "IEA*1*000000001"]))
        #expect(sink.payments.map(\.references.count) == [1, 0])
    }
}
