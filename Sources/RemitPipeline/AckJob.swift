import Foundation
import RemitCore
import RemitX12

/// `remit ack`: writes a 997 (or 999) per interchange received, into an output folder.
public enum AckJob {
    /// What `remit ack` was asked to do.
    public struct Options: Sendable {
        public var inputs: [String]
        public var outputDirectory: String
        /// Answer 005010X groups with a 999 instead of a 997.
        public var implementationAcknowledgments: Bool
        /// The control-number file; see `ControlNumberCounter`.
        public var counterPath: String
        /// ISO 8601 UTC time written into the acknowledgments; see `RunTime`.
        public var runTime: String

        public init(
            inputs: [String], outputDirectory: String, implementationAcknowledgments: Bool, counterPath: String,
            runTime: String
        ) {
            self.inputs = inputs
            self.outputDirectory = outputDirectory
            self.implementationAcknowledgments = implementationAcknowledgments
            self.counterPath = counterPath
            self.runTime = runTime
        }
    }

    /// Acknowledges every interchange of every input; an input that is not X12 is reported and skipped.
    ///
    /// - Returns: the outcome; `recordsWritten` counts the acknowledgment files written.
    /// - Throws: `Diagnostic` when the counter or an output cannot be written (nothing more is written then).
    public static func run(_ options: Options, printer: DiagnosticPrinter, calls: SystemCalls = .live) throws
        -> (outcome: JobOutcome, written: [String])
    {
        guard let stamp = AcknowledgmentDocument.Stamp(iso8601: options.runTime) else {
            throw Diagnostic(.error, code: "ack.time", "run time '\(options.runTime)' is not UTC", at: .wholeFile(""))
        }
        try ReconcileJob.createOutputDirectory(options.outputDirectory)
        // `-o acks/` names files `acks/NAME`, not `acks//NAME` (and `-o /` names them `/NAME`): paths are
        // `folder + "/" + NAME`, so the folder is kept without its trailing slashes.
        var folder = options.outputDirectory
        while folder.hasSuffix("/") { folder.removeLast() }
        let counter = ControlNumberCounter(path: options.counterPath)
        var written: [String] = []
        var taken: Set<String> = []
        var errors = 0
        var warnings = 0
        var rejected = false
        // A file that cannot be acknowledged: its one error, counted, and the run ends in failure.
        func reject(_ diagnostic: Diagnostic) {
            printer.print(diagnostic)
            errors += 1
            rejected = true
        }
        for path in options.inputs {
            let reader = FileReader(path: path, calls: calls)
            var prefix: [UInt8] = []
            do {
                // The first chunk tells whether this is X12 at all; reading stops there.
                _ = try FileReader(path: path, chunkSize: 4096, calls: calls).forEachChunk { chunk in
                    prefix = Array(chunk)
                    throw FirstChunkRead()
                }
            } catch is FirstChunkRead {
            } catch {
                reject(Diagnostic(.error, code: "input.unreadable", "cannot read file: \(error)", at: .wholeFile(path)))
                continue
            }
            guard prefix.withUnsafeBytes({ X12Reader.looksLikeX12($0) }) else {
                reject(
                    Diagnostic(
                        .error, code: "ack.not-x12",
                        "not an X12 file (no ISA header at the start); nothing to acknowledge",
                        at: SourceLocation(file: path, line: 1, column: 1, byteOffset: 0)))
                continue
            }
            let documents: [AcknowledgmentDocument]
            let diagnostics: [Diagnostic]
            do {
                (documents, diagnostics) = try X12Acknowledger.acknowledge(
                    file: path, implementationAcknowledgments: options.implementationAcknowledgments
                ) { body in _ = try reader.forEachChunk { body($0) } }
            } catch {
                reject(Diagnostic(.error, code: "input.unreadable", "cannot read file: \(error)", at: .wholeFile(path)))
                continue
            }
            for diagnostic in diagnostics {
                printer.print(diagnostic)
                if diagnostic.severity == .error { errors += 1 }
                if diagnostic.severity == .warning { warnings += 1 }
            }
            if documents.isEmpty {
                reject(
                    Diagnostic(
                        .error, code: "ack.no-interchange", "no interchange with a functional group to acknowledge",
                        at: .wholeFile(path)))
            }
            let base = URL(fileURLWithPath: path).lastPathComponent
            for document in documents {
                let numbers = try counter.reserve(document.controlNumbersNeeded)
                let text = document.render(controlNumbers: numbers, stamp: stamp)
                let name = try publish(
                    Array(text.utf8), in: folder, base: "\(base).\(document.receivedControl)",
                    kind: document.kind.rawValue, taken: &taken, calls: calls)
                written.append(name)
                taken.insert(name)
                printer.print(
                    message: "\(folder)/\(name): \(document.kind.rawValue) for interchange "
                        + "\(document.receivedControl), groups " + document.groupStatuses.joined(separator: ", "))
            }
        }
        return (
            JobOutcome(inputRejected: rejected, recordsWritten: written.count, errors: errors, warnings: warnings),
            written
        )
    }

    /// `BASE.KIND`, or `BASE-2.KIND`, `BASE-3.KIND`... when that name is taken: written by this run or an
    /// earlier one into the same folder. Two interchanges with one control number (a resend appended to a
    /// file, inputs of one name in two folders, the same file acknowledged again) each keep their
    /// acknowledgment, and one already sent to the partner is never replaced.
    static func uniqueName(base: String, kind: String, isTaken: (String) -> Bool) -> String {
        var name = base + "." + kind
        var number = 1
        while isTaken(name) {
            number += 1
            name = base + "-\(number)." + kind
        }
        return name
    }

    /// Writes `bytes` under a temporary name of this process, syncs it, and links it into `folder` under the first
    /// name `uniqueName` finds free. `link` fails rather than replace a file, so a name another run (or anything
    /// else) took since it was found free is passed over for the next: nothing already there is replaced.
    ///
    /// - Returns: the name written.
    static func publish(
        _ bytes: [UInt8], in folder: String, base: String, kind: String, taken: inout Set<String>,
        calls: SystemCalls
    ) throws(SystemCallError) -> String {
        let temporary = folder + "/.\(base).\(kind).\(getpid()).tmp"
        try writeSynced(bytes, to: temporary, calls: calls)
        defer { try? calls.removeFile(temporary) }
        while true {
            let name = uniqueName(base: base, kind: kind) {
                taken.contains($0) || FileManager.default.fileExists(atPath: folder + "/" + $0)
            }
            do {
                try calls.linkFile(temporary, to: folder + "/" + name)
                return name
            } catch where error.errno == EEXIST {
                taken.insert(name)
            } catch where error.errno == EPERM || error.errno == EOPNOTSUPP {
                // A file system without hard links: the rename of before, which a concurrent run can race.
                try calls.renameFile(temporary, to: folder + "/" + name)
                return name
            }
        }
    }

    /// Writes `bytes` under a temporary name, syncs and renames it into place.
    static func write(_ bytes: [UInt8], to path: String, calls: SystemCalls) throws(SystemCallError) {
        let temporary = path + ".tmp"
        try writeSynced(bytes, to: temporary, calls: calls)
        try calls.renameFile(temporary, to: path)
    }

    /// Writes `bytes` to `temporary` and syncs it.
    static func writeSynced(_ bytes: [UInt8], to temporary: String, calls: SystemCalls) throws(SystemCallError) {
        let fd = try calls.openForWriting(temporary)
        let failure = bytes.withUnsafeBytes { buffer -> SystemCallError? in
            do {
                try calls.writeAll(fd, buffer, path: temporary)
                try calls.sync(fd, path: temporary)
                return nil
            } catch let error as SystemCallError {
                return error
            } catch {
                return SystemCallError(call: "write", path: temporary, errno: EIO)
            }
        }
        if let failure {
            try? calls.closeFile(fd, path: temporary)
            throw failure
        }
        try calls.closeFile(fd, path: temporary)
    }
}

/// Stops reading a file after its first chunk.
private struct FirstChunkRead: Error {}
