/// Writes payments as one camt.054.001.08 notification: one booked credit entry per payment, its
/// transaction details naming the debtor and carrying one `Strd` block per remittance line.
enum ScenarioCamt054Writer {
    static func write(
        name: String, number: Int, payments: [(index: Int, payment: PlannedPayment)]
    ) -> WrittenFile {
        var out = LineText()
        var located: [WrittenFile.LocatedLine] = []
        let day = payments.first?.payment.date ?? ScenarioPlanner.paymentDays
        out.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.add("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">")
        out.add("  <BkToCstmrDbtCdtNtfctn>")
        out.add("    <GrpHdr><MsgId>SCN-054-\(number)</MsgId><CreDtTm>\(day.iso)T08:00:00</CreDtTm></GrpHdr>")
        out.add("    <Ntfctn>")
        out.add("      <Id>NTF-\(number)</Id>")
        out.add("      <CreDtTm>\(day.iso)T08:00:00</CreDtTm>")
        out.add("      <Acct><Id><Othr><Id>7700112233</Id></Othr></Id></Acct>")
        for (entry, (index, payment)) in payments.enumerated() {
            let amount = payment.total.plain
            out.add("      <Ntry>")
            out.add("        <Amt Ccy=\"USD\">\(amount)</Amt>")
            out.add("        <CdtDbtInd>CRDT</CdtDbtInd>")
            out.add("        <Sts><Cd>BOOK</Cd></Sts>")
            out.add("        <BookgDt><Dt>\(payment.date.iso)</Dt></BookgDt>")
            out.add("        <ValDt><Dt>\(payment.date.iso)</Dt></ValDt>")
            out.add("        <AcctSvcrRef>BANK-\(number)-\(entry + 1)</AcctSvcrRef>")
            out.add(
                "        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly>"
                    + "</Domn></BkTxCd>")
            out.add("        <NtryDtls>")
            out.add("          <TxDtls>")
            out.add("            <Refs><EndToEndId>\(payment.trace)</EndToEndId></Refs>")
            out.add("            <Amt Ccy=\"USD\">\(amount)</Amt>")
            out.add("            <CdtDbtInd>CRDT</CdtDbtInd>")
            out.add(
                "            <RltdPties><Dbtr><Pty>" + ISOStructuredBlock.party(payment.payer)
                    + "</Pty></Dbtr><Cdtr><Pty><Nm>Remit Demo Supply Co</Nm></Pty></Cdtr></RltdPties>")
            out.add("            <RmtInf>")
            for (lineIndex, line) in payment.lines.enumerated() {
                let at = ISOStructuredBlock.write(line, indent: "              ", into: &out)
                located.append(WrittenFile.LocatedLine(payment: index, line: lineIndex, fileLine: at, column: 0))
            }
            out.add("            </RmtInf>")
            out.add("          </TxDtls>")
            out.add("        </NtryDtls>")
            out.add("      </Ntry>")
        }
        out.add("    </Ntfctn>")
        out.add("  </BkToCstmrDbtCdtNtfctn>")
        out.add("</Document>")
        return WrittenFile(name: name, text: out.text, located: located)
    }
}
