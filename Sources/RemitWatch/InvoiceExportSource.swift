import RemitArchive
import RemitCore

/// Where the invoice export comes from: one file, or a folder of exports of which the newest complete one
/// is used.
package struct InvoiceExportSource: Sendable {
    package var path: String
    /// An export modified less than this long ago (nanoseconds) may still be being written.
    package var settleNanos: Int64
    package var fileSystem: FileSystem

    package init(path: String, settleNanos: Int64 = 1_000_000_000, fileSystem: FileSystem = .live) {
        self.path = path
        self.settleNanos = settleNanos
        self.fileSystem = fileSystem
    }

    /// The export to use now.
    ///
    /// In a folder: regular files with a visible, non-temporary name that have not changed for the settle
    /// time, newest modification first, ties broken by the larger name.
    /// - Throws: `Diagnostic` naming the path when there is no usable export.
    package func current(now: Int64) throws(Diagnostic) -> String {
        let info: FileSystem.Status?
        do {
            // The operator named this path: a link to the export or its folder is followed.
            info = try fileSystem.status(path, followingLink: true)
        } catch {
            throw Diagnostic(.error, code: "watch.invoices-unreadable", "\(error)", at: .wholeFile(path))
        }
        guard let info else {
            throw Diagnostic(
                .error, code: "watch.invoices-missing", "the invoice export does not exist", at: .wholeFile(path),
                hint: "--invoices names an export file or a folder of exports")
        }
        if info.kind == .regular { return path }
        guard info.kind == .directory else {
            throw Diagnostic(
                .error, code: "watch.invoices-not-file", "the invoice export is neither a file nor a folder",
                at: .wholeFile(path))
        }
        var best: (modified: Int64, name: String)?
        do {
            for name in try fileSystem.list(path) where !InboxNames.isIgnored(name) {
                guard let entry = try fileSystem.status(path + "/" + name), entry.kind == .regular, entry.size > 0,
                    now - entry.modified >= settleNanos
                else { continue }
                if best.map({ ($0.modified, $0.name) < (entry.modified, name) }) ?? true {
                    best = (entry.modified, name)
                }
            }
        } catch {
            throw Diagnostic(.error, code: "watch.invoices-unreadable", "\(error)", at: .wholeFile(path))
        }
        guard let best else {
            throw Diagnostic(
                .error, code: "watch.invoices-none", "the folder holds no complete invoice export",
                at: .wholeFile(path),
                hint: "an export counts once it has a visible, non-temporary name and has not changed for "
                    + "\(settleNanos / 1_000_000) ms (--settle-ms)")
        }
        return path.hasSuffix("/") ? path + best.name : path + "/" + best.name
    }

    /// Whether the folder holds an export that `current` passes over only because it changed less than the
    /// settle time ago: one that will be usable shortly, so `--once` waits for it rather than give up.
    ///
    /// One stamped further ahead of `now` than the settle time (a wrong clock where it was written) is not:
    /// `current` would pass over it until that time comes, however long that is.
    package func hasSettlingExport(now: Int64) -> Bool {
        guard let info = try? fileSystem.status(path, followingLink: true), info.kind == .directory,
            let names = try? fileSystem.list(path)
        else { return false }
        for name in names where !InboxNames.isIgnored(name) {
            if let entry = try? fileSystem.status(path + "/" + name), entry.kind == .regular, entry.size > 0,
                now - entry.modified < settleNanos, entry.modified - now < settleNanos
            {
                return true
            }
        }
        return false
    }
}
