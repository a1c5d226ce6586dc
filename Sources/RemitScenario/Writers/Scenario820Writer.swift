/// Writes payments as one X12 820 interchange (version 004010): one transaction set per payment, one
/// segment per line. A line's source is its RMR segment's line.
enum Scenario820Writer {
    static let receiver = "REMITDEMO"

    static func write(
        name: String, number: Int, payments: [(index: Int, payment: PlannedPayment)]
    ) -> WrittenFile {
        var out = LineText()
        var located: [WrittenFile.LocatedLine] = []
        let control = Digits.padded(number, 9)
        let day = payments.first?.payment.date ?? ScenarioPlanner.paymentDays
        out.add(
            "ISA*00*          *00*          *ZZ*" + pad("SCENARIO", 15) + "*ZZ*" + pad(receiver, 15) + "*"
                + day.short + "*0800*U*00401*" + control + "*0*P*>~")
        out.add("GS*RA*SCENARIO*\(receiver)*\(day.compact)*0800*\(number)*X*004010~")
        for (setNumber, (index, payment)) in payments.enumerated() {
            let segments = transactionSet(payment, control: Digits.padded(setNumber + 1, 4))
            for segment in segments {
                if let line = segment.line {
                    located.append(
                        WrittenFile.LocatedLine(
                            payment: index, line: line, fileLine: out.nextLine,
                            column: amountPaidOffset(segment.text) + 1))
                }
                out.add(segment.text + "~")
            }
        }
        out.add("GE*\(payments.count)*\(number)~")
        out.add("IEA*1*\(control)~")
        return WrittenFile(name: name, text: out.text, located: located)
    }

    /// The segments of one 820, each with the index of the line it opens (for RMR segments).
    static func transactionSet(_ payment: PlannedPayment, control: String) -> [(text: String, line: Int?)] {
        var segments: [(text: String, line: Int?)] = [
            ("ST*820*" + control, nil),
            ("BPR*C*\(payment.total.plain)*C*ACH*CCP***********\(payment.date.compact)", nil),
            ("TRN*1*\(payment.trace)", nil),
            ("N1*PR*" + payment.payer.name + (payment.payer.id.map { "*91*" + $0 } ?? ""), nil),
            ("N1*PE*REMIT DEMO SUPPLY CO", nil),
        ]
        for (index, line) in payment.lines.enumerated() {
            var rmr = "RMR*\(line.qualifier)*\(line.reference)*PI*\(line.paid.plain)"
            if let total = line.invoiceTotal {
                rmr += "*" + total.plain
                if let discount = line.discount { rmr += "*" + discount.plain }
            }
            segments.append((rmr, index))
            if let po = line.purchaseOrder { segments.append(("REF*PO*" + po, nil)) }
            for adjustment in line.adjustments {
                segments.append(("ADX*-\(adjustment.amount.plain)*\(adjustment.code)", nil))
            }
        }
        segments.append(("SE*\(segments.count + 1)*" + control, nil))
        return segments
    }

    /// Where RMR04 starts in an RMR segment's text: after its fourth `*`.
    static func amountPaidOffset(_ rmr: String) -> Int {
        var stars = 0
        for (offset, character) in rmr.utf8.enumerated() where character == UInt8(ascii: "*") {
            stars += 1
            if stars == 4 { return offset + 1 }
        }
        return rmr.utf8.count
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
