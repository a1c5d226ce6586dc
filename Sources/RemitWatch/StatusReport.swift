import RemitCore
import RemitPipeline

/// `remit status`: what the ledger holds, as text for people or JSON Lines for programs.
package enum StatusReport {
    /// Renders every entry and duplicate of the ledger at `path`, then a totals line.
    ///
    /// - Throws: `SQLiteError` when the ledger cannot be read.
    package static func render(ledgerPath path: String, json: Bool) throws -> String {
        let ledger = try Ledger(path: path)
        let entries = try ledger.entries()
        let duplicates = try ledger.duplicates()
        var lines: [String] = []
        var totals: [String: Int] = [:]
        for entry in entries {
            let outcome = entry.state == .done ? (entry.outcome?.rawValue ?? "done") : "in progress (\(entry.state))"
            totals[entry.state == .done ? (entry.outcome?.rawValue ?? "done") : "in progress", default: 0] += 1
            if json {
                var writer = JSONWriter()
                writer.beginObject()
                writer.field("kind", "input")
                writer.field("name", entry.name)
                writer.field("sha256", entry.sha256)
                writer.field("size", Int(entry.size))
                writer.field("state", entry.state.rawValue)
                writer.field("outcome", entry.outcome?.rawValue)
                writer.field("format", entry.format)
                writer.field("first_seen", entry.firstSeen)
                writer.field("finished", entry.finished)
                writer.field("output_folder", entry.outputFolder)
                writer.key("outputs")
                writer.beginArray()
                entry.outputs.forEach { writer.string($0) }
                writer.endArray()
                writer.field("moved_to", entry.destination)
                writer.field("records", entry.records.map { Int($0) })
                writer.field("duration_ms", entry.durationMillis.map { Int($0) })
                writer.key("errors")
                writer.beginArray()
                (entry.errors ?? "").split(separator: "\n").forEach { writer.string(String($0)) }
                writer.endArray()
                writer.endObject()
                lines.append(String(decoding: writer.bytes, as: UTF8.self))
                continue
            }
            var line = "\(outcome)  \(entry.name)"
            if let sha = entry.sha256 { line += "  sha256=\(sha.prefix(12))" }
            line += "  size=\(entry.size)  seen=\(entry.firstSeen)"
            if let finished = entry.finished { line += "  finished=\(finished)" }
            if let format = entry.format { line += "  format=\(format)" }
            if let records = entry.records { line += "  records=\(records)" }
            if let folder = entry.outputFolder, !entry.outputs.isEmpty {
                line += "  outputs=\(folder)/ (\(entry.outputs.count) files)"
            }
            if let destination = entry.destination { line += "  moved_to=\(destination)" }
            lines.append(line)
            for error in (entry.errors ?? "").split(separator: "\n") { lines.append("    " + error) }
        }
        for duplicate in duplicates {
            totals["duplicate", default: 0] += 1
            if json {
                var writer = JSONWriter()
                writer.beginObject()
                writer.field("kind", "duplicate")
                writer.field("name", duplicate.name)
                writer.field("sha256", duplicate.sha256)
                writer.field("seen", duplicate.seen)
                writer.field("moved_to", duplicate.destination)
                writer.endObject()
                lines.append(String(decoding: writer.bytes, as: UTF8.self))
            } else {
                lines.append(
                    "duplicate  \(duplicate.name)  sha256=\(duplicate.sha256.prefix(12))  seen=\(duplicate.seen)  "
                        + "moved_to=\(duplicate.destination)")
            }
        }
        if !json {
            let order = ["processed", "failed", "duplicate", "quarantined", "vanished", "in progress"]
            let summary = order.compactMap { key in totals[key].map { "\($0) \(key)" } }
            lines.append(
                "\(entries.count + duplicates.count) files seen"
                    + (summary.isEmpty ? "" : ": " + summary.joined(separator: ", ")) + "; ledger \(path)")
        }
        return lines.joined(separator: "\n")
    }
}
