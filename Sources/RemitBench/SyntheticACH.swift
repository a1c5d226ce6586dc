import RemitCore

/// Writes a synthetic NACHA file of about a requested size: batches of CTX entries, each carrying an X12 820
/// with six RMR lines cut into 80-character addenda, and every tenth entry a CCD+ with one text addenda.
///
/// Records are 94 characters, one per line; batch and file controls add up and the last block is filled
/// with `9` records, so a correct reader reports nothing.
struct SyntheticACH {
    static let entriesPerBatch = 100
    static let odfi = "02100002"

    /// Writes `targetBytes` or a little more to `path`.
    ///
    /// - Returns: the bytes written and the number of entries.
    static func write(path: String, targetBytes: Int64) throws -> (bytes: Int64, entries: Int) {
        let output = try BufferedOutput(creating: path)
        var text: [UInt8] = []
        text.reserveCapacity(1 << 16)
        var written: Int64 = 0
        var entries = 0
        var records = 0
        var batches = 0
        var file = (count: 0, hash: 0, credits: 0)
        func record(_ line: String) {
            precondition(line.utf8.count == 94, line)
            text.append(contentsOf: line.utf8)
            text.append(0x0A)
            records += 1
        }
        record("101 0910000191021000021" + "2612040700A094101" + pad("ACME BANK", 23) + pad("ORIGINATING BANK", 31))
        while written + Int64(text.count) < targetBytes {
            batches += 1
            let batch = String(repeating: "0", count: 7 - String(batches).count) + String(batches)
            record(
                "5220" + pad("PAYER \(batches % 997)", 16) + pad("", 20) + "1411223344CTXPAYMENTS  " + "      261204"
                    + "   1" + odfi + batch)
            var count = 0
            var hash = 0
            var credits = 0
            for _ in 0..<entriesPerBatch {
                entries += 1
                let trace = odfi + digits(entries, 7)
                let cents = 10_000 + entries % 9_973 * 17
                let ccd = entries % 10 == 0
                let addenda: [String]
                if ccd {
                    addenda = [pad("RMR*IV*INV-\(entries)*PI*\(money(cents))\\", 80)]
                } else {
                    addenda = slices(remittance(number: entries, cents: cents))
                }
                let middle = "6220910000197700112233       " + digits(cents, 10) + pad("C\(entries % 500)", 15)
                record(
                    middle
                        + (ccd
                            ? pad("ACME FOODS LLC", 24) : digits(addenda.count, 4) + pad("ACME FOODS LLC", 16) + "    ")
                        + "1" + trace)
                for (index, payload) in addenda.enumerated() {
                    record("705" + payload + digits(index + 1, 4) + trace.suffix(7))
                }
                count += 1 + addenda.count
                hash += 9_100_001
                credits += cents
            }
            record(
                "8220" + digits(count, 6) + digits(hash % 10_000_000_000, 10) + digits(0, 12) + digits(credits, 12)
                    + "1411223344" + pad("", 25) + odfi + batch)
            file.count += count
            file.hash += hash
            file.credits += credits
            if text.count > 1 << 15 {
                try output.write(text)
                written += Int64(text.count)
                text.removeAll(keepingCapacity: true)
            }
        }
        let blocks = (records + 1 + 9) / 10
        record(
            "9" + digits(batches, 6) + digits(blocks, 6) + digits(file.count, 8)
                + digits(file.hash % 10_000_000_000, 10)
                + digits(0, 12) + digits(file.credits, 12) + pad("", 39))
        while records % 10 != 0 { record(String(repeating: "9", count: 94)) }
        try output.write(text)
        written += Int64(text.count)
        try output.close()
        return (written, entries)
    }

    /// An 820 paying six invoices whose amounts add up to `cents`.
    private static func remittance(number: Int, cents: Int) -> String {
        let control = digits(number % 1_000_000_000, 9)
        var segments = [
            "ISA*00*          *00*          *ZZ*PAYER          *ZZ*ACMEFOODS      *261204*1200*^*00501*"
                + "\(control)*0*P*>",
            "GS*RA*PAYER*ACMEFOODS*20261204*1200*\(number % 1_000_000)*X*005010", "ST*820*0001",
            "BPR*C*\(money(cents))*C*ACH*CTX************20261204", "TRN*1*T\(number)", "N1*PR*PAYER \(number % 997)",
        ]
        let share = cents / 6
        for line in 0..<6 {
            let amount = line == 5 ? cents - share * 5 : share
            segments.append("RMR*IV*INV-\(number)-\(line)*PI*\(money(amount))*\(money(amount))")
        }
        segments.append("SE*\(segments.count - 1)*0001")
        segments += ["GE*1*\(number % 1_000_000)", "IEA*1*\(control)"]
        return segments.joined(separator: "\\") + "\\"
    }

    private static func slices(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return stride(from: 0, to: bytes.count, by: 80).map {
            pad(String(decoding: bytes[$0..<min($0 + 80, bytes.count)], as: UTF8.self), 80)
        }
    }

    private static func money(_ cents: Int) -> String { "\(cents / 100)." + digits(cents % 100, 2) }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.utf8.count))
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
