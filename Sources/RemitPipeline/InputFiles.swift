import RemitArchive
import RemitCore

#if canImport(Glibc)
    import Glibc
#endif

/// The files one input named on the command line stands for: itself, or each member of a .zip.
///
/// A .zip is recognised by its content, as `remit watch` recognises it, and opened under the same limits and
/// refusals (links, names leaving the folder, encryption, zip bombs). Its members are read one at a time,
/// each as an input of its own: a member is expanded into a private temporary folder, read, and removed
/// before the next, so at most one member is ever on disk. A member goes by `archive.zip!member.xml` in
/// records and messages. Members that are archives themselves are not opened.
struct InputFiles {
    /// One file to read, and the name it goes by.
    struct File {
        /// Where the bytes are: the input itself, or the member expanded into the temporary folder.
        var path: String
        /// The input as named, or `archive.zip!member.xml`.
        var name: String
        /// Why a member could not be expanded (damaged data, a CRC mismatch), located in the archive; there
        /// is nothing at `path` then.
        var failure: Diagnostic?
    }

    var limits = ArchiveLimits()
    var fileSystem = FileSystem.live

    /// Calls `body` with each file `path` stands for, in archive order.
    ///
    /// - Throws: `Diagnostic` when the archive as a whole is refused (located by byte offset in the archive)
    ///   or holds no file; `SystemCallError` when the temporary folder cannot be made or removed; whatever
    ///   `body` throws, which ends the reading.
    func forEach(_ path: String, _ body: (File) throws -> Void) throws {
        let expander = InputExpander(limits: limits, fileSystem: fileSystem)
        let packing: InputExpander.Packing
        do {
            packing = try expander.packing(of: path)
        } catch {
            // Not even readable: handled as a plain input, whose reading reports the error.
            packing = .plain
        }
        guard packing == .zip else { return try body(File(path: path, name: path)) }
        let archive = try ZipArchive(path: path, limits: limits, fileSystem: fileSystem)
        let members = archive.entries.filter { !ZipArchive.isSkipped($0) }
        guard !members.isEmpty else {
            throw Diagnostic(.error, code: "zip.empty", "the archive holds no files", at: .wholeFile(path))
        }
        let folder = try fileSystem.makeUniqueFolder(in: Self.temporaryParent, prefix: "remit-zip-")
        do {
            for member in members {
                let name = path + "!" + member.name
                let expanded: String
                do {
                    expanded = try archive.expand(member, into: folder)
                } catch let diagnostic as Diagnostic {
                    try? fileSystem.removeTree(folder + "/" + member.name)  // what was written before the failure
                    try body(File(path: "", name: name, failure: diagnostic))
                    continue
                } catch let error as SystemCallError {
                    // The member could not be written out (disk full, a name the folder refuses): its own
                    // error, and the other members are still read.
                    try? fileSystem.removeTree(folder + "/" + member.name)
                    try body(File(path: "", name: name, failure: Self.unpackingFailed(member, path, error)))
                    continue
                }
                try body(File(path: expanded, name: name))
                try fileSystem.removeTree(expanded)
            }
        } catch {
            try? fileSystem.removeTree(folder)  // the first error is the one to report
            throw error
        }
        try fileSystem.removeTree(folder)
    }

    private static func unpackingFailed(_ member: ZipArchive.Entry, _ path: String, _ error: SystemCallError)
        -> Diagnostic
    {
        Diagnostic(
            .error, code: "zip.unpack-failed", "entry '\(member.name)' could not be unpacked: \(error)",
            at: SourceLocation(file: path, line: 0, column: 0, byteOffset: member.directoryOffset))
    }

    /// `$TMPDIR`, else `/tmp`.
    static var temporaryParent: String {
        if let value = getenv("TMPDIR"), value.pointee != 0 {
            let path = String(cString: value)
            return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        }
        return "/tmp"
    }
}
