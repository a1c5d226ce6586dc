/// The rows of each layout's export; see `ScenarioExportLayout`.
enum ExportRows {
    static func generic(_ groups: ExportGroups, subtotals: Bool) -> String {
        var out = LineText()
        out.add(
            "invoice_number,customer_id,customer_name,po_number,invoice_date,due_date,amount,open_amount,currency,terms"
        )
        for group in groups.groups {
            for item in group.items {
                out.add(
                    csv([
                        item.number, group.customer.id, group.customer.name, item.purchaseOrder, item.date.iso,
                        item.due.iso, item.amount.plain, item.amount.plain, "USD", item.terms.rawValue,
                    ]))
            }
            if subtotals {
                let sum = group.total.plain
                out.add(csv(["Subtotal " + group.customer.id, "", "", "", "", "", sum, sum, "USD", ""]))
            }
        }
        if subtotals { out.add(csv(["Total", "", "", "", "", "", groups.total.plain, groups.total.plain, "", ""])) }
        return out.text
    }

    /// SAP FBL5N saved with European settings: `;`, `1.234,56`, `50,00-`, `dd.MM.yyyy`; a subtotal line per
    /// account and a total line, both without a document number.
    static func sap(_ groups: ExportGroups, subtotals: Bool) -> String {
        var out = LineText()
        out.add(
            "Account;Name 1;Assignment;Document Number;Reference;Document Date;Net Due Date;Amount in doc. curr.;"
                + "Document currency;Payment terms")
        var document = 1_800_000_000
        for group in groups.groups {
            for item in group.items {
                document += 1
                let number = item.isCreditMemo ? "16" + String(document).dropFirst(2) : String(document)
                out.add(
                    [
                        group.customer.id, group.customer.name, item.purchaseOrder, number, item.number,
                        item.date.dotted, item.due.dotted, item.amount.european, "USD", item.terms.sapKey,
                    ].joined(separator: ";"))
            }
            if subtotals {
                out.add(["*", "", "", "", "", "", "", group.total.european, "USD", ""].joined(separator: ";"))
            }
        }
        if subtotals {
            out.add(["**", "", "", "", "", "", "", groups.total.european, "USD", ""].joined(separator: ";"))
        }
        return out.text
    }

    /// NetSuite A/R aging detail: every value quoted, `$1,234.56`, `($450.00)`, `M/d/yyyy`, a type column
    /// with payments among the rows, and total rows.
    static func netsuite(_ groups: ExportGroups, subtotals: Bool) -> String {
        var out = LineText()
        out.add(
            quoted([
                "Type", "Date", "Document Number", "Name", "Customer ID", "PO/Check Number", "Due Date", "Age",
                "Amount",
                "Open Balance", "Currency", "Terms",
            ]))
        for group in groups.groups {
            for item in group.items {
                let age = ScenarioBook.exportDay.number - item.date.number
                out.add(
                    quoted([
                        item.isCreditMemo ? "Credit Memo" : "Invoice", item.date.americanShort, item.number,
                        group.customer.name, group.customer.id, item.purchaseOrder, item.due.americanShort, String(age),
                        item.amount.dollars, item.amount.dollars, "USD", item.terms.rawValue,
                    ]))
            }
            for receipt in group.receipts {
                out.add(
                    quoted([
                        "Payment", receipt.date.americanShort, receipt.number, group.customer.name, group.customer.id,
                        "CHK " + receipt.number.dropFirst(3), "", "", "-" + Cents(-receipt.amount.value).dollars,
                        "-" + Cents(-receipt.amount.value).dollars, "USD", "",
                    ]))
            }
            if subtotals {
                let sum = group.total.dollars
                out.add(quoted(["Total", "", "", group.customer.name, "", "", "", "", sum, sum, "", ""]))
            }
        }
        if subtotals {
            let sum = groups.total.dollars
            out.add(quoted(["Total", "", "", "", "", "", "", "", sum, sum, "", ""]))
        }
        return out.text
    }

    /// QuickBooks A/R Aging Detail: four title lines, rows grouped under aging headings each closed by a
    /// `Total for` row, `(75.50)` negatives, `MM/dd/yyyy`, no customer number column.
    static func quickbooks(_ groups: ExportGroups) -> String {
        var out = LineText()
        out.add(quoted(["Remit Demo Supply Co"]))
        out.add(quoted(["A/R Aging Detail"]))
        out.add(quoted(["As of November 30, 2026"]))
        out.add("")
        let header = [
            "", "Date", "Transaction Type", "Num", "Customer", "P. O. #", "Terms", "Due Date", "Past Due", "Amount",
            "Open Balance",
        ]
        out.add(quoted(header))
        let empty = Array(repeating: "", count: header.count - 1)
        let buckets = [
            "Current", "1 - 30 days past due", "31 - 60 days past due", "61 - 90 days past due", "91 and over",
        ]
        var grand = Cents.zero
        for (bucket, title) in buckets.enumerated() {
            var rows: [[String]] = []
            var sum = Cents.zero
            for group in groups.groups {
                for item in group.items where agingBucket(item.due) == bucket {
                    let late = ScenarioBook.exportDay.number - item.due.number
                    rows.append([
                        "", item.date.american, item.isCreditMemo ? "Credit Memo" : "Invoice", item.number,
                        group.customer.name, item.purchaseOrder, item.terms.rawValue, item.due.american, String(late),
                        item.amount.parenthesized, item.amount.parenthesized,
                    ])
                    sum = sum + item.amount
                }
                for receipt in group.receipts where agingBucket(receipt.date) == bucket {
                    rows.append([
                        "", receipt.date.american, "Payment", receipt.number, group.customer.name, "", "",
                        receipt.date.american, "", receipt.amount.parenthesized, receipt.amount.parenthesized,
                    ])
                }
            }
            guard !rows.isEmpty else { continue }
            out.add(quoted([title] + empty))
            for row in rows { out.add(quoted(row)) }
            out.add(quoted(["Total for " + title] + empty.dropLast(2) + [sum.parenthesized, sum.parenthesized]))
            out.add(quoted([""] + empty))
            grand = grand + sum
        }
        out.add(quoted(["TOTAL"] + empty.dropLast(2) + [grand.parenthesized, grand.parenthesized]))
        return out.text
    }

    /// Oracle Receivables saved as tab-delimited text: class column (INV, CM, PMT), `DD-MON-YYYY`, total rows.
    static func oracle(_ groups: ExportGroups, subtotals: Bool) -> String {
        var out = LineText()
        out.add(
            [
                "Customer Name", "Customer Number", "Transaction Number", "Class", "Transaction Date", "Due Date",
                "Purchase Order", "Original Amount", "Amount Due Remaining", "Currency", "Payment Terms",
            ].joined(separator: "\t"))
        for group in groups.groups {
            for item in group.items {
                out.add(
                    [
                        group.customer.name, group.customer.id, item.number, item.isCreditMemo ? "CM" : "INV",
                        item.date.oracle, item.due.oracle, item.purchaseOrder, item.amount.groupedWithLeadingMinus,
                        item.amount.groupedWithLeadingMinus, "USD", item.terms.rawValue,
                    ].joined(separator: "\t"))
            }
            for receipt in group.receipts {
                out.add(
                    [
                        group.customer.name, group.customer.id, receipt.number, "PMT", receipt.date.oracle,
                        receipt.date.oracle, "", receipt.amount.groupedWithLeadingMinus,
                        receipt.amount.groupedWithLeadingMinus, "USD", "",
                    ].joined(separator: "\t"))
            }
            if subtotals {
                let sum = group.total.groupedWithLeadingMinus
                out.add(
                    ["Total " + group.customer.name, "", "", "", "", "", "", sum, sum, "", ""].joined(separator: "\t"))
            }
        }
        if subtotals {
            let sum = groups.total.groupedWithLeadingMinus
            out.add(["Grand Total", "", "", "", "", "", "", sum, sum, "", ""].joined(separator: "\t"))
        }
        return out.text
    }

    /// 0: not yet due; 1–4: 1–30, 31–60, 61–90 and more than 90 days past due on the export day.
    static func agingBucket(_ due: ScenarioDay) -> Int {
        let late = ScenarioBook.exportDay.number - due.number
        if late <= 0 { return 0 }
        return min(4, (late - 1) / 30 + 1)
    }

    /// Comma-separated, a cell quoted only when it holds a comma, a quote or a line end.
    static func csv(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? quote(cell) : cell
        }.joined(separator: ",")
    }

    /// Comma-separated, every cell quoted.
    static func quoted(_ cells: [String]) -> String {
        cells.map(quote).joined(separator: ",")
    }

    static func quote(_ cell: String) -> String {
        "\"" + cell.replacingQuotes + "\""
    }
}

extension String {
    fileprivate var replacingQuotes: String {
        var result = ""
        for character in self {
            if character == "\"" { result += "\"\"" } else { result.append(character) }
        }
        return result
    }
}
