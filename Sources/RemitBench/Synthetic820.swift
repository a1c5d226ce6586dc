import RemitCore

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a synthetic 820 file of about a requested size: realistic remittances, many of them.
///
/// Each transaction set pays 40 invoices with one payment; every fifth line is short-paid with an ADX
/// deduction and a REF text under it, every seventh takes a discount, and each set carries one unattached
/// chargeback under ENT. Amounts, references and control numbers vary from set to set so that nothing can
/// be cached by the parser. The output is valid X12: envelopes, segment counts and control numbers agree.
struct Synthetic820 {
    static let linesPerTransaction = 40
    static let transactionsPerGroup = 1_000

    /// Writes `targetBytes` or a little more to `path`.
    ///
    /// - Returns: the bytes written and the number of transaction sets.
    static func write(path: String, targetBytes: Int64) throws -> (bytes: Int64, transactions: Int) {
        let output = try BufferedOutput(creating: path)
        var text: [UInt8] = []
        text.reserveCapacity(1 << 16)
        var written: Int64 = 0
        var transactions = 0
        var interchange = 0
        while written + Int64(text.count) < targetBytes {
            interchange += 1
            let control = pad(interchange, 9)
            append(
                &text,
                "ISA*00*          *00*          *ZZ*BIGMART        *ZZ*ACMEFOODS      *261130*0715*U*00401*"
                    + control + "*0*P*>~\n")
            append(&text, "GS*RA*BIGMART*ACMEFOODS*20261130*0715*\(interchange)*X*004010~\n")
            var sets = 0
            while sets < transactionsPerGroup && written + Int64(text.count) < targetBytes {
                sets += 1
                transactions += 1
                transaction(number: transactions, into: &text)
                if text.count > 1 << 15 {
                    try output.write(text)
                    written += Int64(text.count)
                    text.removeAll(keepingCapacity: true)
                }
            }
            append(&text, "GE*\(sets)*\(interchange)~\nIEA*1*\(control)~\n")
        }
        try output.write(text)
        written += Int64(text.count)
        try output.close()
        return (written, transactions)
    }

    /// One 820 with `linesPerTransaction` invoices; its BPR02 equals the RMR04 amounts paid less the unattached
    /// chargeback (an ADX under an RMR explains that line's short pay, which RMR04 already shows).
    private static func transaction(number: Int, into text: inout [UInt8]) {
        let control = pad(number % 10_000, 4)
        var body: [String] = []
        var totalCents = 0
        var lines: [String] = []
        let chargebackCents = 25_000 + number % 97 * 100
        totalCents -= chargebackCents
        for line in 0..<linesPerTransaction {
            let invoice = 100_000 + (number * linesPerTransaction + line) % 900_000
            let billedCents = 50_000 + (number * 7 + line * 131) % 400_000
            var paidCents = billedCents
            var discountCents = 0
            var adjustment: (cents: Int, code: String)?
            if line % 7 == 3 {
                discountCents = billedCents / 50
                paidCents = billedCents - discountCents
            }
            if line % 5 == 1 {
                let short = 1_000 + (number + line) % 50 * 100
                paidCents = billedCents - short
                adjustment = (short, ["01", "04", "06", "16", "56"][(number + line) % 5])
            }
            var rmr = "RMR*IV*\(invoice)*PI*\(money(paidCents))*\(money(billedCents))"
            if discountCents > 0 { rmr += "*\(money(discountCents))" }
            lines.append(rmr)
            lines.append("REF*PO*45\(pad(invoice % 100_000, 6))")
            totalCents += paidCents
            if let adjustment {
                lines.append("ADX*-\(money(adjustment.cents))*\(adjustment.code)*CM*DM\(invoice)")
                lines.append("REF*ZZ*DEDUCTION NOTE FOR INVOICE \(invoice) SEE PORTAL")
            }
        }
        body.append("ST*820*\(control)")
        body.append(
            "BPR*I*\(money(totalCents))*C*ACH*CTX*01*011000015*DA*1234567890*1041234567**01*021000021*DA*9876543210"
                + "*20261130")
        body.append("TRN*1*ACH\(pad(number, 10))*1041234567")
        body.append("CUR*PR*USD")
        body.append("N1*PR*BIGMART STORES INC*92*BM001")
        body.append("N1*PE*ACME FOODS LLC*91*ACME01")
        body.append("ENT*1")
        body.append("ADX*-\(money(chargebackCents))*70*CM*CB\(pad(number, 7))")
        body.append("REF*ZZ*ASN NOT RECEIVED")
        body.append(contentsOf: lines)
        body.append("SE*\(body.count + 1)*\(control)")
        for segment in body { append(&text, segment + "~\n") }
    }

    private static func append(_ text: inout [UInt8], _ string: String) {
        text.append(contentsOf: string.utf8)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Cents as `1234.56`, with a leading minus for negative amounts.
    private static func money(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        return sign + String(magnitude / 100) + "." + pad(magnitude % 100, 2)
    }
}
