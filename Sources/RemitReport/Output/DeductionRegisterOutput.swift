import RemitCore

/// `deduction-register.csv`: the deductions still open after the run, each with the date its age is measured
/// from, its age in days and its age bucket; in register order, then the 812 memos not yet taken.
enum DeductionRegisterOutput {
    static func writeCSV(_ aging: DeductionAging, to file: inout OutputFile) throws(SystemCallError) {
        var writer = CSVWriter()
        writer.writeHeader(CSVColumn.header(columns))
        let asOf = aging.asOf?.description
        for item in aging.open {
            writer.writeRow(CSVColumn.row(columns, Row(item: item, asOf: asOf)))
            try file.write(writer.bytes)
            writer.removeAll()
        }
        try file.write(writer.bytes)
    }

    struct Row {
        var item: OpenDeduction
        var asOf: String?
        var deduction: Deduction { item.deduction }
    }

    static let columns: [CSVColumn<Row>] = [
        CSVColumn("deduction_id") { .text($0.deduction.id) },
        CSVColumn("origin") { .text($0.deduction.origin.rawValue) },
        CSVColumn("category") { .text($0.deduction.category.rawValue) },
        CSVColumn("payer_name") { .optional($0.deduction.payer.name) },
        CSVColumn("payer_id_qualifier") { .optional($0.deduction.payer.idQualifier) },
        CSVColumn("payer_id") { .optional($0.deduction.payer.id) },
        CSVColumn("invoice_reference") { .optional($0.deduction.invoiceReference) },
        CSVColumn("memo_number") { .optional($0.deduction.memoNumber) },
        CSVColumn("reason_code") { .optional($0.deduction.reasonCode) },
        CSVColumn("reason_code_list") { .optional($0.deduction.reasonCodeList) },
        CSVColumn("currency") { .text($0.deduction.amount.currency) },
        CSVColumn("amount") { .amount($0.deduction.amount) },
        CSVColumn("date") { .optional($0.item.date?.description) },
        CSVColumn("date_from") { .text($0.item.dateSource.rawValue) },
        CSVColumn("as_of") { .optional($0.asOf) },
        CSVColumn("age_days") { .integer($0.item.ageDays) },
        CSVColumn("age_bucket") { .text($0.item.bucket.rawValue) },
        CSVColumn("payment_id") { .optional($0.deduction.paymentID) },
        CSVColumn("line_id") { .optional($0.deduction.lineID) },
        CSVColumn("source_file") { .text($0.deduction.provenance.location.file) },
        CSVColumn("source_line") { .integer($0.deduction.provenance.location.line) },
    ]
}
