import Foundation
import RemitCore
import Testing

/// 820 shapes and header quirks from the research notes that no other test covers: an ADX before any ENT,
/// children of RMR that carry nothing, NM1 naming the payer, a credit memo taken, dots in ISA02/ISA04, and
/// an 820 and an 812 in one interchange.
@Suite struct Remittance820ShapeTests {
    @Test func adxStraightAfterTheHeadingIsUnattachedAndKeepsItsREFText() throws {
        let sink = Fixtures.read(
            Inline.file([
                "ST*820*0001", "BPR*I*90*C*ACH", "N1*PR*PAYER", "ADX*-10*ZZ*CM*CB1", "REF*UQ*77*LATE ASN FINE",
                "RMR*IV*A**100", "IT1*1*10*EA*10", "SAC*A*C310***500", "TXI*ST*1", "SE*10*0001",
            ]))
        #expect(sink.diagnostics.isEmpty, "IT1, SAC and TXI under an RMR are skipped silently")
        let deduction = try #require(sink.deductions.first)
        #expect(sink.deductions.count == 1)
        #expect(deduction.lineID == nil)
        #expect(deduction.amount == usd(1_000))
        #expect(deduction.reasonCode == "ZZ")
        #expect(deduction.category == .unidentified)
        #expect(deduction.categorySource == "reason-codes/x12-426.tsv:486", "ZZ has a row of its own")
        #expect(deduction.reasonText == "77 LATE ASN FINE")
        #expect(deduction.memoNumber == "CB1")
        #expect(sink.summaries.map(\.imbalance) == [usd(0)], "90 = 100 paid less 10 withheld")
    }

    @Test func nm1NamesThePayerWhenThereIsNoN1() throws {
        let sink = Fixtures.read(
            Inline.file(["ST*820*0001", "BPR*I*90*C*ACH", "NM1*PR*2*PAYER CO*****92*P9", "RMR*IV*A**90", "SE*5*0001"]))
        #expect(sink.payments.map(\.payer) == [Party(name: "PAYER CO", idQualifier: "92", id: "P9")])
        #expect(sink.lines.map(\.payer.id) == ["P9"])
        #expect(sink.diagnostics.isEmpty)
    }

    @Test func aCreditMemoTakenIsANegativeLineNotADeduction() throws {
        let sink = Fixtures.read(
            Inline.file([
                "ST*820*0001", "BPR*I*75*C*ACH", "N1*PR*PAYER", "RMR*IV*INV-1**100*100", "RMR*CM*CM-7**-25*-25",
                "SE*6*0001",
            ]))
        #expect(sink.lines.map(\.referenceQualifier) == ["IV", "CM"])
        #expect(sink.lines.map(\.amountPaid) == [usd(10_000), usd(-2_500)])
        #expect(sink.deductions.isEmpty)
        #expect(sink.diagnostics.isEmpty)
    }

    @Test func referencesAndDatesBeforeAnyRMRInTheDetailAreIgnoredQuietly() {
        let sink = Fixtures.read(
            Inline.file([
                "ST*820*0001", "BPR*I*10*C*ACH", "ENT*1", "REF*DP*0042", "DTM*003*20260101", "RMR*IV*A**10",
                "SE*7*0001",
            ]))
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.lines.map(\.invoiceDate) == [nil], "a DTM*003 before the RMR is not that line's")
    }

    @Test func dotsInISA02AndISA04AreData() {
        let header = Inline.isa().replacingOccurrences(
            of: "00*          *00*          ", with: "00*..........*00*..........")
        let text = Inline.lines(
            [header, Inline.gs()] + Inline.oneInvoice + ["GE*1*1", "IEA*1*000000001"])
        let sink = Fixtures.read(text)
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.payments.map(\.amount) == [usd(10_000)])
    }

    @Test func an820GroupAndAn812GroupInOneInterchangeAreBothRead() {
        let text = Inline.lines(
            [
                Inline.isa(), Inline.gs(functionalID: "CD", control: "1"), "ST*812*0001", "BCD*20260105*CB1*I*1000*D",
                "CDD*70*D**1000", "SE*4*0001", "GE*1*1", Inline.gs(control: "2"),
            ] + Inline.oneInvoice + ["GE*1*2", "IEA*2*000000001"])
        let sink = Fixtures.read(text)
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.summaries.map(\.kind) == ["812", "820"])
        #expect(sink.deductions.map(\.origin) == [.announced])
        #expect(sink.payments.count == 1)
    }
}
