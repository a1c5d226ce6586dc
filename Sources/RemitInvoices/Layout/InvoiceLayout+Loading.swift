import Foundation
import RemitCore

extension InvoiceLayout {
    /// Layout files larger than this are refused; real ones are a few kilobytes.
    static let maxFileBytes = 1 << 20

    /// Reads a layout from JSON text.
    ///
    /// - Parameters:
    ///   - json: the file's bytes.
    ///   - source: the path diagnostics name; also the default layout name (its last component without `.json`).
    /// - Throws: `Diagnostic` (code `layout.json` or `layout.field`) naming `source` and the bad field.
    public static func parse(json: [UInt8], source: String) throws(Diagnostic) -> InvoiceLayout {
        var layout: InvoiceLayout
        do {
            layout = try JSONDecoder().decode(InvoiceLayout.self, from: Data(json))
        } catch let error as LayoutFieldError {
            throw badField(source: source, field: error.field, message: error.message)
        } catch let error as DecodingError {
            throw describe(error, source: source, json: json)
        } catch {
            throw Diagnostic(.error, code: "layout.json", "cannot read layout: \(error)", at: .wholeFile(source))
        }
        layout.source = source
        if layout.name.isEmpty { layout.name = defaultName(for: source) }
        return layout
    }

    /// Loads the layout file at `path`.
    ///
    /// - Throws: `Diagnostic` naming the file, and the field when one is bad (code `layout.field`), or saying
    ///   why the file could not be read (code `layout.read`).
    public static func load(path: String, calls: SystemCalls = .live) throws(Diagnostic) -> InvoiceLayout {
        var bytes: [UInt8] = []
        do {
            try FileReader(path: path, chunkSize: 64 * 1024, calls: calls).forEachChunk { chunk in
                bytes.append(contentsOf: chunk)
                if bytes.count > maxFileBytes { throw LayoutTooLarge() }
            }
        } catch is LayoutTooLarge {
            throw Diagnostic(
                .error, code: "layout.read", "layout file is larger than \(maxFileBytes) bytes", at: .wholeFile(path))
        } catch {
            throw Diagnostic(.error, code: "layout.read", "cannot read layout file: \(error)", at: .wholeFile(path))
        }
        return try parse(json: bytes, source: path)
    }

    /// Finds the layout a user named: a path to a `.json` file, or a name looked up as
    /// `mappingsDirectory/layouts/NAME.json`.
    ///
    /// - Throws: `Diagnostic` (code `layout.unknown`) listing the available names when there is no such layout;
    ///   whatever `load(path:calls:)` throws.
    public static func resolve(
        nameOrPath: String, mappingsDirectory: String, calls: SystemCalls = .live
    ) throws(Diagnostic) -> InvoiceLayout {
        if nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") {
            return try load(path: nameOrPath, calls: calls)
        }
        let directory = layoutsDirectory(mappingsDirectory)
        let path = directory + "/" + nameOrPath + ".json"
        guard !nameOrPath.isEmpty, FileManager.default.fileExists(atPath: path) else {
            let names = availableNames(mappingsDirectory: mappingsDirectory)
            throw Diagnostic(
                .error, code: "layout.unknown", "no invoice layout named '\(nameOrPath)' in \(directory)",
                at: .wholeFile(nameOrPath),
                hint: names.isEmpty
                    ? "give the path of a layout .json file"
                    : "available: \(names.joined(separator: ", ")); or give the path of a layout .json file")
        }
        return try load(path: path, calls: calls)
    }

    /// Names of the layouts in `mappingsDirectory/layouts`, sorted.
    public static func availableNames(mappingsDirectory: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: layoutsDirectory(mappingsDirectory))) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    private static func layoutsDirectory(_ mappingsDirectory: String) -> String {
        (mappingsDirectory.hasSuffix("/") ? String(mappingsDirectory.dropLast()) : mappingsDirectory) + "/layouts"
    }

    private static func defaultName(for source: String) -> String {
        let last = source.split(separator: "/").last.map(String.init) ?? source
        return last.hasSuffix(".json") ? String(last.dropLast(5)) : last
    }

    private struct LayoutTooLarge: Error {}

    private static func badField(source: String, field: String, message: String) -> Diagnostic {
        Diagnostic(
            .error, code: "layout.field", "layout field '\(field)': \(message)",
            at: SourceLocation.wholeFile(source).element(field),
            hint: "see docs/invoice-layouts.md for the layout file format")
    }

    private static func describe(_ error: DecodingError, source: String, json: [UInt8]) -> Diagnostic {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // JSONDecoder says only that the data is not JSON; JSONSerialization says where.
            var detail = context.debugDescription
            do {
                _ = try JSONSerialization.jsonObject(with: Data(json))
            } catch let error as NSError {
                if let reason = error.userInfo[NSDebugDescriptionErrorKey] as? String { detail = reason }
            }
            return Diagnostic(
                .error, code: "layout.json", "layout file is not valid JSON: \(detail)", at: .wholeFile(source))
        case .dataCorrupted(let context):
            return badField(source: source, field: context.codingPath.fieldPath, message: context.debugDescription)
        case .typeMismatch(let type, let context):
            return badField(
                source: source, field: context.codingPath.fieldPath, message: "has the wrong type (expected \(type))")
        case .valueNotFound(let type, let context):
            return badField(
                source: source, field: context.codingPath.fieldPath, message: "is missing (expected \(type))")
        case .keyNotFound(let key, let context):
            return badField(
                source: source, field: (context.codingPath + [key]).fieldPath, message: "is required")
        @unknown default:
            return Diagnostic(.error, code: "layout.json", "cannot read layout: \(error)", at: .wholeFile(source))
        }
    }
}
