import Foundation
import RemitCore
import RemitInvoices
import Testing

/// Locates the repository's fixtures and layouts from this file's path, and reads exports at every chunk size.
enum Fixtures {
    static let root: String = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.path
            }
            directory = directory.deletingLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static var mappings: String { root + "/mappings" }

    static func path(_ name: String) -> String { root + "/fixtures/invoices/" + name }

    static func layout(_ name: String) throws -> InvoiceLayout {
        try InvoiceLayout.resolve(nameOrPath: name, mappingsDirectory: mappings)
    }

    static let chunkSizes = [1, 2, 7, 64, FileReader.defaultChunkSize]

    /// The export read whole, after checking that chunk sizes 1, 2, 7 and 64 give the identical result.
    static func read(
        _ fixture: String, layout name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> InvoiceExport {
        let layout = try layout(name)
        let results = try chunkSizes.map {
            try InvoiceExportReader.read(path: path(fixture), layout: layout, chunkSize: $0)
        }
        for (size, result) in zip(chunkSizes, results) {
            #expect(result == results.last!, "chunk size \(size) differs from whole", sourceLocation: sourceLocation)
        }
        let export = results.last!
        #expect(
            export.rowsRead == export.invoices.count + export.rowsSkipped + export.rowsRejected,
            "every row is accounted for", sourceLocation: sourceLocation)
        return export
    }

    static func amount(_ text: String) -> FixedDecimal {
        do { return try FixedDecimal.parse(text) } catch { fatalError("bad test amount \(text)") }
    }

    static func date(_ text: String) -> CalendarDate? { CalendarDate.parseISO(text) }
}
