import RemitCore
import Testing

/// Statement and payment totals are exact however many amounts they add up: a running total that passes
/// 18 digits is neither dropped nor replaced by zero.
@Suite struct ExactTotalTests {
    /// The largest plausible amount: fourteen digits before the point.
    static let largest = "99999999999999.99"

    /// A camt.053 with `credits` entries of `largest` in, then `debits` of it out, and the stated figures.
    static func statement(credits: Int, debits: Int, opening: String, closing: String) -> String {
        func entry(_ indicator: String) -> String {
            "<Ntry><Amt Ccy=\"EUR\">\(largest)</Amt><CdtDbtInd>\(indicator)</CdtDbtInd><Sts>BOOK</Sts></Ntry>\n"
        }
        let header = """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
            <GrpHdr><MsgId>BIG</MsgId><CreDtTm>2026-12-05T18:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>S1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">\(opening)</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-05</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">\(closing)</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-05</Dt></Dt></Bal>
            <TxsSummry><TtlNtries><NbOfNtries>\(credits + debits)</NbOfNtries>
            <TtlNetNtryAmt>0.00</TtlNetNtryAmt><CdtDbtInd>CRDT</CdtDbtInd></TtlNtries></TxsSummry>

            """
        return header + String(repeating: entry("CRDT"), count: credits)
            + String(repeating: entry("DBIT"), count: debits) + "</Stmt></BkToCstmrStmt></Document>\n"
    }

    /// 1,000 credits of 10^14 pass what a `FixedDecimal` holds (about 9.2 × 10^16 at two decimals) before the
    /// 1,000 debits bring the net back to zero; the opening and closing balances agree, so nothing is wrong.
    @Test func aRunningTotalBeyondEighteenDigitsStillTiesOut() throws {
        let sink = try Fixtures.read(
            text: Self.statement(credits: 1000, debits: 1000, opening: "5.00", closing: "5.00"))
        #expect(sink.bankTransactions.count == 2000)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics.prefix(3))")
    }

    @Test func aBalanceThatCannotTieOutSaysItsTotalIsBeyondEighteenDigits() throws {
        let sink = try Fixtures.read(text: Self.statement(credits: 1000, debits: 0, opening: "5.00", closing: "5.00"))
        let balance = try #require(sink.diagnostic("iso20022.balance"))
        #expect(balance.message.contains("plus booked entries a total beyond 18 digits in EUR"))
        #expect(balance.location.path == "/Document/BkToCstmrStmt/Stmt[1]/Bal[2]/Amt")
        let net = sink.diagnostics.filter { $0.code == "iso20022.summary" }.map(\.message)
        #expect(net == ["TxsSummry TtlNtries net amount says 0.00 but the entries give a total beyond 18 digits"])
    }

    /// One payment remitting 1,000 documents of the largest amount: the lines' total cannot be shown, so the
    /// payment's tie-out says so at the payment's amount instead of quoting a wrong figure.
    @Test func linesBeyondEighteenDigitsAreALocatedErrorNotAWrongTieOut() throws {
        let block =
            "<Strd><RfrdDocInf><Nb>INV</Nb></RfrdDocInf>"
            + "<RfrdDocAmt><RmtdAmt Ccy=\"EUR\">\(Self.largest)</RmtdAmt></RfrdDocAmt></Strd>"
        let text = """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>M</MsgId><CreDtTm>2026-12-04T08:00:00</CreDtTm></GrpHdr><Ntfctn><Id>N</Id>
            <Ntry><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><NtryDtls><TxDtls>
            <Amt Ccy="EUR">100.00</Amt><RmtInf>\(String(repeating: block, count: 1000))</RmtInf>
            </TxDtls></NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
            """
        let sink = try Fixtures.read(text: text)
        #expect(sink.lines.count == 1000)
        #expect(sink.codes == ["iso20022.overflow"])
        let error = sink.diagnostic("iso20022.overflow")
        #expect(error?.severity == .error)
        #expect(error?.message.contains("tie-out is not computed") == true)
        #expect(error?.location.path == "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]/Amt")
        let summary = try #require(sink.summaries.first)
        #expect(summary.linesTotal == nil)
        #expect(summary.imbalance == nil)
    }
}
