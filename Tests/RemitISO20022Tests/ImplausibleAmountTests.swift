import RemitCore
import Testing

/// ISO 20022 amounts go through `FixedDecimal.parseAmount`: false precision and huge figures are located errors.
@Suite struct ImplausibleAmountTests {
    static func notification(entry: String, remitted: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
          <BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-12-04T08:00:00</CreDtTm></GrpHdr>
            <Ntfctn>
              <Id>N1</Id>
              <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
              <Ntry>
                <Amt Ccy="EUR">\(entry)</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
                <NtryDtls><TxDtls>
                  <Amt Ccy="EUR">\(entry)</Amt>
                  <CdtDbtInd>CRDT</CdtDbtInd>
                  <RmtInf><Strd><RfrdDocInf><Nb>INV-1</Nb></RfrdDocInf>
                    <RfrdDocAmt><RmtdAmt Ccy="EUR">\(remitted)</RmtdAmt></RfrdDocAmt></Strd></RmtInf>
                </TxDtls></NtryDtls>
              </Ntry>
            </Ntfctn>
          </BkToCstmrDbtCdtNtfctn>
        </Document>

        """
    }

    @Test(arguments: [
        ("12.3456789", "7 decimals; a money amount has at most 4"),
        ("99999999999999999", "17 digits before the decimal point; a money amount has at most 14"),
        ("0.000000000000000001", "18 decimals; a money amount has at most 4"),
    ])
    func anImplausibleEntryAmountIsALocatedError(text: String, reason: String) throws {
        let sink = try Fixtures.read(text: Self.notification(entry: text, remitted: "1.00"))
        #expect(sink.records.isEmpty)
        let error = try #require(sink.diagnostic("iso20022.amount"))
        #expect(error.severity == .error)
        #expect(error.message == "'\(text)' is not an amount: \(reason)")
        #expect(error.location.file == "test.xml")
        #expect(error.location.line == 9)
        #expect(error.location.path == "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/Amt")
        #expect(sink.summaries.map(\.status) == [.rejected])
    }

    /// A sign stands at the start, so the reason must not say it is misplaced; it is refused for being there.
    @Test(arguments: ["-250.00", "+250.00"])
    func aSignedAmountIsRefusedForItsSign(text: String) throws {
        let sink = try Fixtures.read(text: Self.notification(entry: text, remitted: "1.00"))
        #expect(sink.records.isEmpty)
        let error = try #require(sink.diagnostic("iso20022.amount"))
        #expect(
            error.message == "'\(text)' is not an amount: a sign is not allowed; the direction is given by CdtDbtInd")
        #expect(error.location.line == 9)
    }

    @Test func anImplausibleRemittedAmountIsALocatedError() throws {
        let sink = try Fixtures.read(text: Self.notification(entry: "10.00", remitted: "10.00001"))
        let error = try #require(sink.diagnostic("iso20022.amount"))
        #expect(error.message == "'10.00001' is not an amount: 5 decimals; a money amount has at most 4")
        #expect(error.location.line == 16)
        #expect(sink.lines.isEmpty)
    }
}
