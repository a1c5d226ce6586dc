/// Writes payments as a NACHA file of CTX entries, one batch per payment, each entry's addenda carrying
/// the 820 (segments ended by `\`) cut into 80-character payloads. Records are 94 characters, one per
/// line; controls add up and the last block is filled with `9` records.
///
/// A line's source is the addenda record and column holding the first character of its RMR04.
enum ScenarioCTXWriter {
    static let originatingBank = "02100002"
    static let receivingBank = "09100001"

    static func write(
        name: String, number: Int, payments: [(index: Int, payment: PlannedPayment)]
    ) -> WrittenFile {
        var out = LineText()
        var located: [WrittenFile.LocatedLine] = []
        let day = payments.first?.payment.date ?? ScenarioPlanner.paymentDays
        func record(_ text: String) {
            precondition(text.utf8.count == 94, "a NACHA record is 94 characters: \(text)")
            out.add(text)
        }
        record(
            "101 " + receivingBank + "91" + originatingBank + "1" + day.short + "0800"
                + modifier(number) + "094101" + pad("REMIT DEMO BANK", 23) + pad("PAYERS BANK", 23) + pad("", 8))
        var fileEntries = 0
        var fileHash = 0
        var fileCredits: Int64 = 0
        for (batchIndex, (index, payment)) in payments.enumerated() {
            let batch = Digits.padded(batchIndex + 1, 7)
            let company = pad(String(payment.payer.name.uppercased().prefix(16)), 16)
            let companyID = "1" + Digits.padded(payment.customer % 1_000_000_000, 9)
            record(
                "5220" + company + pad("", 20) + companyID + "CTX" + pad("PAYMENTS", 10) + pad("", 6)
                    + payment.date.short + "   1" + originatingBank + batch)
            let (x12, offsets) = interchange(payment, control: number * 1_000 + batchIndex + 1)
            let payloads = slices(x12)
            let cents = payment.total.value
            record(
                "622" + receivingBank + "9" + pad("7700112233", 17) + Digits.padded(cents, 10)
                    + pad("C" + String(payment.customer), 15) + Digits.padded(payloads.count, 4)
                    + pad("REMIT DEMO SUPPLY", 16) + "    1" + payment.trace)
            let firstAddenda = out.nextLine
            for (sequence, payload) in payloads.enumerated() {
                record("705" + payload + Digits.padded(sequence + 1, 4) + payment.trace.suffix(7))
            }
            for (line, offset) in offsets.enumerated() {
                // The payload starts in the record's fourth column.
                located.append(
                    WrittenFile.LocatedLine(
                        payment: index, line: line, fileLine: firstAddenda + offset / 80, column: 4 + offset % 80))
            }
            let count = 1 + payloads.count
            let hash = Int(receivingBank)!
            record(
                "8220" + Digits.padded(count, 6) + Digits.padded(hash, 10) + Digits.padded(0, 12)
                    + Digits.padded(cents, 12) + companyID + pad("", 25) + originatingBank + batch)
            fileEntries += count
            fileHash += hash
            fileCredits += cents
        }
        let blocks = (out.lineCount + 1 + 9) / 10
        record(
            "9" + Digits.padded(payments.count, 6) + Digits.padded(blocks, 6) + Digits.padded(fileEntries, 8)
                + Digits.padded(fileHash % 10_000_000_000, 10) + Digits.padded(0, 12) + Digits.padded(fileCredits, 12)
                + pad("", 39))
        while out.lineCount % 10 != 0 { record(String(repeating: "9", count: 94)) }
        return WrittenFile(name: name, text: out.text, located: located)
    }

    /// The 820 interchange as one string, and for each line the offset of its RMR04's first character.
    static func interchange(_ payment: PlannedPayment, control: Int) -> (String, [Int]) {
        let number = Digits.padded(control % 1_000_000_000, 9)
        var text =
            "ISA*00*          *00*          *ZZ*" + Scenario820Writer.pad("SCENARIO", 15) + "*ZZ*"
            + Scenario820Writer.pad(Scenario820Writer.receiver, 15) + "*" + payment.date.short
            + "*0800*U*00401*" + number + "*0*P*>\\"
        text += "GS*RA*SCENARIO*\(Scenario820Writer.receiver)*\(payment.date.compact)*0800*\(control)*X*004010\\"
        var offsets: [Int] = []
        for segment in Scenario820Writer.transactionSet(payment, control: "0001") {
            if segment.line != nil {
                offsets.append(text.utf8.count + Scenario820Writer.amountPaidOffset(segment.text))
            }
            text += segment.text + "\\"
        }
        text += "GE*1*\(control)\\IEA*1*\(number)\\"
        return (text, offsets)
    }

    static func slices(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return stride(from: 0, to: bytes.count, by: 80).map {
            pad(String(decoding: bytes[$0..<min($0 + 80, bytes.count)], as: UTF8.self), 80)
        }
    }

    /// The file id modifier, `A` to `Z` then `0` to `9`.
    static func modifier(_ number: Int) -> String {
        let symbols = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String(symbols[(number - 1) % symbols.count])
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let clipped = String(text.prefix(width))
        return clipped + String(repeating: " ", count: max(0, width - clipped.utf8.count))
    }
}
