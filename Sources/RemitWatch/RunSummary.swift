import Foundation
import RemitCore

/// What the service needs from a finished run's `summary.json`: its errors, formats and record count.
///
/// Read back from the file rather than from the job, so the ledger states exactly what the report states.
package struct RunSummary: Sendable {
    /// Every error the report lists, compiler style (`path:line:col: error: message ...`).
    package var errors: [String]
    /// The format of each remittance input, in input order.
    package var formats: [String]
    /// Payments, remittance lines, deductions and bank transactions read.
    package var records: Int64

    /// - Throws: `Diagnostic` when the file is not the summary the report writer makes.
    package init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = root["files"] as? [[String: Any]]
        else {
            throw Diagnostic(.error, code: "watch.summary", "not a Remit summary", at: .wholeFile(path))
        }
        var errors: [String] = []
        for file in files {
            for diagnostic in file["diagnostics"] as? [[String: Any]] ?? []
            where diagnostic["severity"] as? String == "error" {
                errors.append(diagnostic["text"] as? String ?? "\(diagnostic)")
            }
        }
        if let export = root["invoice_export"] as? [String: Any] {
            for diagnostic in export["diagnostics"] as? [[String: Any]] ?? []
            where diagnostic["severity"] as? String == "error" {
                errors.append(diagnostic["text"] as? String ?? "\(diagnostic)")
            }
        }
        self.errors = errors
        formats = files.map { $0["format"] as? String ?? "unknown" }
        let overall = root["overall"] as? [String: Any] ?? [:]
        records = ["payments", "lines_in", "deductions", "bank_transactions"].reduce(Int64(0)) {
            $0 + Int64((overall[$1] as? Int) ?? 0)
        }
    }
}
