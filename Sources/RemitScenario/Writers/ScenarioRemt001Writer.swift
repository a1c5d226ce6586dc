/// Writes payments as one remt.001.001.04 remittance advice: one `RmtInf` per payment, its original
/// payment naming the debtor, amount, date and end-to-end id.
enum ScenarioRemt001Writer {
    static func write(
        name: String, number: Int, payments: [(index: Int, payment: PlannedPayment)]
    ) -> WrittenFile {
        var out = LineText()
        var located: [WrittenFile.LocatedLine] = []
        let day = payments.first?.payment.date ?? ScenarioPlanner.paymentDays
        out.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.add("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:remt.001.001.04\">")
        out.add("  <RmtAdvc>")
        out.add(
            "    <GrpHdr><MsgId>SCN-REMT-\(number)</MsgId><CreDtTm>\(day.iso)T07:00:00</CreDtTm>"
                + "<InitgPty><Nm>Remittance Portal</Nm></InitgPty></GrpHdr>")
        for (advice, (index, payment)) in payments.enumerated() {
            out.add("    <RmtInf>")
            out.add("      <RmtId>RA-\(number)-\(advice + 1)</RmtId>")
            for (lineIndex, line) in payment.lines.enumerated() {
                let at = ISOStructuredBlock.write(line, indent: "      ", into: &out)
                located.append(WrittenFile.LocatedLine(payment: index, line: lineIndex, fileLine: at, column: 0))
            }
            out.add("      <OrgnlPmtInf>")
            out.add("        <Refs><EndToEndId>\(payment.trace)</EndToEndId></Refs>")
            out.add("        <Amt><InstdAmt Ccy=\"USD\">\(payment.total.plain)</InstdAmt></Amt>")
            out.add("        <ReqdExctnDt><Dt>\(payment.date.iso)</Dt></ReqdExctnDt>")
            out.add("        <Dbtr>" + ISOStructuredBlock.party(payment.payer) + "</Dbtr>")
            out.add("        <Cdtr><Nm>Remit Demo Supply Co</Nm></Cdtr>")
            out.add("      </OrgnlPmtInf>")
            out.add("    </RmtInf>")
        }
        out.add("  </RmtAdvc>")
        out.add("</Document>")
        return WrittenFile(name: name, text: out.text, located: located)
    }
}
