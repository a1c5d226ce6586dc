import Foundation

/// A generated scenario: an open-items export in every shipped layout, remittance files in every supported
/// format, and the truth about each remittance line.
package struct Scenario: Sendable {
    package var noise: NoiseLevel
    package var seed: UInt64
    package var book: ScenarioBook
    package var payments: [PlannedPayment]
    /// Remittance files, by name, in the order `remit reconcile` should read them (names sort that way).
    package var remittances: [(name: String, text: String)]
    package var exports: [(layout: ScenarioExportLayout, text: String)]
    package var truth: [TruthRecord]

    /// Most payments one remittance file holds.
    static let paymentsPerFile = 40

    /// Generates a scenario of about `invoices` open invoices. The same arguments give the same scenario.
    package init(noise: NoiseLevel, seed: UInt64, invoices: Int) {
        self.noise = noise
        self.seed = seed
        var random = ScenarioRandom(seed: seed)
        let rates = noise.rates
        let book = ScenarioBook.make(invoiceCount: max(10, invoices), rates: rates, random: &random)
        var planner = ScenarioPlanner(book: book, random: random, rates: rates)
        planner.plan()
        self.book = planner.book
        payments = planner.payments
        exports = ScenarioExportLayout.allCases.map { ($0, $0.write(planner.book, subtotals: rates.subtotalRows)) }
        let files = Self.writeRemittances(payments)
        remittances = files.map { ($0.name, $0.text) }
        truth = Self.truth(files: files, payments: payments)
    }

    /// Payments per format in files of at most `paymentsPerFile`; second copies in one last file of their
    /// format, so that every first copy is read before them.
    static func writeRemittances(_ payments: [PlannedPayment]) -> [WrittenFile] {
        var files: [WrittenFile] = []
        for format in RemittanceFormat.allCases {
            let mine = payments.indices.filter { payments[$0].format == format }
            let first = mine.filter { payments[$0].copyOf == nil }
            var chunks = stride(from: 0, to: first.count, by: paymentsPerFile).map {
                Array(first[$0..<min($0 + paymentsPerFile, first.count)])
            }
            let copies = mine.filter { payments[$0].copyOf != nil }
            if !copies.isEmpty { chunks.append(copies) }
            for (offset, chunk) in chunks.enumerated() {
                let number = offset + 1
                let name = "\(format.fileStem)-\(Digits.padded(number, 3)).\(format.fileExtension)"
                let items = chunk.map { (index: $0, payment: payments[$0]) }
                switch format {
                case .x12: files.append(Scenario820Writer.write(name: name, number: number, payments: items))
                case .ctx: files.append(ScenarioCTXWriter.write(name: name, number: number, payments: items))
                case .camt054: files.append(ScenarioCamt054Writer.write(name: name, number: number, payments: items))
                case .remt001: files.append(ScenarioRemt001Writer.write(name: name, number: number, payments: items))
                }
            }
        }
        return files
    }

    static func truth(files: [WrittenFile], payments: [PlannedPayment]) -> [TruthRecord] {
        var records: [TruthRecord] = []
        for file in files {
            for located in file.located {
                let payment = payments[located.payment]
                let line = payment.lines[located.line]
                records.append(
                    TruthRecord(
                        file: file.name, line: located.fileLine, column: located.column,
                        format: payment.format.rawValue,
                        payer: payment.payer.name, payerID: payment.payer.id, reference: line.reference,
                        amount: line.paid.plain, invoices: line.truth, pays: line.pays, noise: line.noise,
                        trap: line.trap))
            }
        }
        return records
    }

    /// Writes the scenario into `directory` (created if missing): `open-items.LAYOUT.csv` (`.tsv` for
    /// Oracle), `remittances/`, `truth.jsonl` and `scenario.txt`.
    ///
    /// - Throws: the file system's error when a file cannot be written.
    package func write(to directory: String) throws {
        let root = URL(fileURLWithPath: directory)
        let folder = root.appendingPathComponent("remittances")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (layout, text) in exports {
            try Data(text.utf8).write(to: root.appendingPathComponent(layout.fileName))
        }
        for (name, text) in remittances {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines = Data()
        for record in truth {
            lines.append(try encoder.encode(record))
            lines.append(0x0A)
        }
        try lines.write(to: root.appendingPathComponent("truth.jsonl"))
        try Data(description.utf8).write(to: root.appendingPathComponent("scenario.txt"))
    }

    /// What was generated, in a few lines.
    package var description: String {
        let invoices = book.invoices.filter { !$0.isCreditMemo }.count
        let creditMemos = book.invoices.count - invoices
        let traps = truth.filter { $0.trap != nil }.count
        var text = "scenario noise=\(noise.rawValue) seed=\(seed): \(book.customers.count) customers, "
        text += "\(invoices) invoices, \(creditMemos) credit memos, \(book.receipts.count) payment rows; "
        text += "\(payments.count) payments, \(truth.count) remittance lines (\(traps) traps) "
        text += "in \(remittances.count) files\n"
        for format in RemittanceFormat.allCases {
            let lines = truth.filter { $0.format == format.rawValue }.count
            let files = remittances.filter { $0.name.hasPrefix(format.fileStem + "-") }.count
            text += "  \(format.rawValue): \(lines) lines in \(files) files\n"
        }
        text += "exports: " + exports.map { $0.layout.fileName }.joined(separator: ", ") + "\n"
        return text
    }
}
