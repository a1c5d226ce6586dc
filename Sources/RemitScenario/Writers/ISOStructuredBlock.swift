/// The ISO 20022 `Strd` block of one remittance line, element by element on lines of their own, so that
/// `RmtdAmt` (the line's source in Remit) has a line to itself.
enum ISOStructuredBlock {
    /// Writes the block and returns the line `RmtdAmt` was written on.
    static func write(_ line: PlannedLine, indent: String, into out: inout LineText) -> Int {
        out.add(indent + "<Strd>")
        if !line.reference.isEmpty {
            let type = line.qualifier == "PO" ? "PUOR" : "CINV"
            out.add(
                indent + "  <RfrdDocInf><Tp><CdOrPrtry><Cd>\(type)</Cd></CdOrPrtry></Tp><Nb>"
                    + XMLText.escaped(line.reference) + "</Nb></RfrdDocInf>")
        }
        out.add(indent + "  <RfrdDocAmt>")
        if let total = line.invoiceTotal { out.add(indent + "    <DuePyblAmt Ccy=\"USD\">\(total.plain)</DuePyblAmt>") }
        if let discount = line.discount {
            out.add(
                indent
                    + "    <DscntApldAmt><Tp><Cd>TMDS</Cd></Tp><Amt Ccy=\"USD\">\(discount.plain)</Amt></DscntApldAmt>")
        }
        for adjustment in line.adjustments {
            out.add(
                indent + "    <AdjstmntAmtAndRsn><Amt Ccy=\"USD\">\(adjustment.amount.plain)</Amt>"
                    + "<CdtDbtInd>CRDT</CdtDbtInd><Rsn>\(adjustment.code)</Rsn></AdjstmntAmtAndRsn>")
        }
        let remitted = out.nextLine
        out.add(indent + "    <RmtdAmt Ccy=\"USD\">\(line.paid.plain)</RmtdAmt>")
        out.add(indent + "  </RfrdDocAmt>")
        out.add(indent + "</Strd>")
        return remitted
    }

    /// `Nm`, and the customer number as an organisation id when the payer sends it.
    static func party(_ payer: PlannedPayer) -> String {
        var text = "<Nm>" + XMLText.escaped(payer.name) + "</Nm>"
        if let id = payer.id { text += "<Id><OrgId><Othr><Id>" + XMLText.escaped(id) + "</Id></Othr></OrgId></Id>" }
        return text
    }
}

enum XMLText {
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
