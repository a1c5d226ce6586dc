import RemitCore

/// Writes the open-items export (generic layout) that a synthetic 820 from `Synthetic820` pays against.
///
/// The 820's lines name invoices 100000 to 999999 in turn, each with its billed amount (RMR05); the export
/// lists every one of them, in the order the 820 first names them, with that amount open, for the 820's
/// payer (BM001). An invoice whose line takes a discount carries `2/10 NET 30` terms dated within the
/// window. Past 900,000 rows come invoices no line names, left open. An 820 longer than 900,000 lines
/// names some invoices again; those lines find them already paid.
enum SyntheticInvoices {
    /// Writes `count` invoices to `path`.
    ///
    /// - Returns: the bytes written.
    static func write(path: String, count: Int) throws -> Int64 {
        let output = try BufferedOutput(creating: path)
        var text =
            "invoice_number,customer_id,customer_name,po_number,invoice_date,due_date,amount,open_amount,"
            + "currency,terms\n"
        var written: Int64 = 0
        let lines = Synthetic820.linesPerTransaction
        for row in 0..<count {
            let invoice: Int
            let cents: Int
            var terms = "NET 30"
            if row < 900_000 {
                // The row-th line of the 820 (counting from transaction 1) first names this invoice.
                let position = row + lines
                let (number, line) = (position / lines, position % lines)
                invoice = 100_000 + position % 900_000
                cents = 50_000 + (number * 7 + line * 131) % 400_000
                if line % 7 == 3 { terms = "2/10 NET 30" }
            } else {
                invoice = 1_000_000 + row
                cents = 10_000 + row % 90_000 * 7
            }
            let amount = String(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + String(cents % 100)
            text += "\(invoice),BM001,BigMart Stores Inc,45\(pad(invoice % 100_000, 6)),2026-11-25,2026-12-25,"
            text += "\(amount),\(amount),USD,\(terms)\n"
            if text.utf8.count > 1 << 16 {
                try output.write(text)
                written += Int64(text.utf8.count)
                text = ""
            }
        }
        try output.write(text)
        written += Int64(text.utf8.count)
        try output.close()
        return written
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
