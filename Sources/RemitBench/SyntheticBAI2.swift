import RemitCore

/// Writes a synthetic BAI2 file of about a requested size: many accounts, each with a day's details.
///
/// Every account has an 03 with four status and two summary codes (every third one continued on an 88),
/// then eight 16 records mixing lockbox, ACH, wire, check and fee codes, funds types Z, 0, 1, S and V,
/// references, and text with commas and slashes (a quarter of it continued on 88s). Amounts vary from
/// record to record. Every 49, 98 and 99 adds up, so a correct reader reports nothing.
struct SyntheticBAI2 {
    static let accountsPerGroup = 1_000
    static let codes = ["115", "142", "165", "195", "175", "475", "698", "142"]

    /// Writes `targetBytes` or a little more to `path`.
    ///
    /// - Returns: the bytes written and the number of detail records.
    static func write(path: String, targetBytes: Int64) throws -> (bytes: Int64, details: Int) {
        let output = try BufferedOutput(creating: path)
        var text: [UInt8] = []
        text.reserveCapacity(1 << 16)
        var written: Int64 = 0
        var details = 0
        var fileRecords = 1
        var fileTotal: Int64 = 0
        var groups = 0
        append(&text, "01,121000248,ACMEFOODS,261130,0715,1,,,2/\n")
        while written + Int64(text.count) < targetBytes {
            groups += 1
            append(&text, "02,ACMEFOODS,121000248,1,261129,\(groups % 2 == 0 ? "2400" : "0715"),USD,2/\n")
            var groupRecords = 1
            var groupTotal: Int64 = 0
            var accounts = 0
            while accounts < accountsPerGroup && written + Int64(text.count) < targetBytes {
                accounts += 1
                let (records, total) = account(number: groups * accountsPerGroup + accounts, into: &text)
                details += 8
                groupRecords += records
                groupTotal += total
                if text.count > 1 << 15 {
                    try output.write(text)
                    written += Int64(text.count)
                    text.removeAll(keepingCapacity: true)
                }
            }
            groupRecords += 1
            append(&text, "98,\(groupTotal),\(accounts),\(groupRecords)/\n")
            fileRecords += groupRecords
            fileTotal += groupTotal
        }
        fileRecords += 1
        append(&text, "99,\(fileTotal),\(groups),\(fileRecords)/\n")
        try output.write(text)
        written += Int64(text.count)
        try output.close()
        return (written, details)
    }

    /// One account, 03 through 49. Returns its record count and control total.
    private static func account(number: Int, into text: inout [UInt8]) -> (records: Int, total: Int64) {
        var records = 1
        let opening = Int64(number % 97 * 104_729 + 10_000)
        var amounts: [Int64] = []
        for index in 0..<8 { amounts.append(Int64((number * 7_919 + index * 1_237) % 2_500_000 + 100)) }
        let credits = amounts[0..<5].reduce(0, +) + amounts[7]
        let debits = amounts[5] + amounts[6]
        let closing = opening + credits - debits
        var total = opening + closing + opening + closing + credits + debits
        let account = "00" + String(400_000_000 + number)
        if number % 3 == 0 {
            append(&text, "03,\(account),USD,010,\(opening),,,015,\(closing),,,040,\(opening),,/\n")
            append(&text, "88,045,\(closing),,,100,\(credits),6,0,400,\(debits),2,0/\n")
            records += 1
        } else {
            append(
                &text,
                "03,\(account),USD,010,\(opening),,,015,\(closing),,,040,\(opening),,,045,\(closing),,,"
                    + "100,\(credits),6,0,400,\(debits),2,0/\n")
        }
        for (index, amount) in amounts.enumerated() {
            let code = codes[index]
            let reference = "B\(number)X\(index)"
            switch index {
            case 0:
                append(
                    &text, "16,\(code),\(amount),Z,\(reference),LBX\(number % 1000),LOCKBOX 4471 DEPOSIT, 12 ITEMS\n")
            case 1:
                append(&text, "16,\(code),\(amount),0,\(reference),INV\(number)-1,ACH CREDIT ACME/RETAIL\n")
                append(&text, "88,SEC: CCD, CO ID 1234567890, ENTRY DESCR PAYMENT\n")
                records += 1
            case 2:
                append(&text, "16,\(code),\(amount),1,\(reference),,/\n")
            case 3:
                append(&text, "16,\(code),\(amount),S,\(amount / 2),\(amount / 4),\(amount - amount / 2 - amount / 4),")
                append(&text, "\(reference),FW\(number)/\n")
                append(&text, "88,OBI: INV \(number)/\(number + 1), PO 7781 ORIGINATOR BIGMART STORES INC\n")
                append(&text, "88,IMAD 20261129MMQFMP2X00\(number % 10000)\n")
                records += 2
            case 4:
                append(&text, "16,\(code),\(amount),V,261130,0900,\(reference),,CHECK DEPOSIT\n")
            default:
                append(&text, "16,\(code),\(amount),,\(reference),\(number),/\n")
            }
            records += 1
            total += amount
        }
        records += 1
        append(&text, "49,\(total),\(records)/\n")
        return (records, total)
    }

    private static func append(_ text: inout [UInt8], _ string: String) {
        text.append(contentsOf: string.utf8)
    }
}
