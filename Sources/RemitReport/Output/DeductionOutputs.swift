import RemitCore

/// `deductions.jsonl` and `deductions.csv`: the deduction register, one canonical record per deduction.
enum DeductionOutputs {
    static func writeJSONLines(_ deductions: [Deduction], to file: inout OutputFile) throws(SystemCallError) {
        var writer = JSONWriter()
        for deduction in deductions {
            CanonicalRecord.deduction(deduction).writeJSON(into: &writer)
            writer.newline()
            try file.write(writer.bytes)
            writer.removeAll()
        }
    }

    static func writeCSV(_ deductions: [Deduction], to file: inout OutputFile) throws(SystemCallError) {
        var writer = CSVWriter()
        writer.writeHeader(RecordCSV.header(for: "deduction"))
        for deduction in deductions {
            writer.writeRow(RecordCSV.row(.deduction(deduction)))
            try file.write(writer.bytes)
            writer.removeAll()
        }
        try file.write(writer.bytes)
    }
}
