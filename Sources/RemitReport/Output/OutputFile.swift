import RemitCore

/// One report file being written under a temporary name, buffered, then synced and closed.
///
/// `ReportWriter` renames the file into place only after every output is complete, so a reader of the
/// output directory sees either the previous file or the whole new one, never part of it.
struct OutputFile {
    /// Bytes gathered before each write(2).
    static let bufferSize = 1 << 20

    let finalPath: String
    let temporaryPath: String
    private let calls: SystemCalls
    private let fd: Int32
    private var buffer: [UInt8] = []

    /// Creates or truncates the temporary file `.<name>.tmp` in `directory`.
    ///
    /// A failed run leaves that file behind; the next run into the same directory truncates it.
    init(name: String, directory: String, calls: SystemCalls) throws(SystemCallError) {
        let separator = directory.hasSuffix("/") ? "" : "/"
        finalPath = directory + separator + name
        temporaryPath = directory + separator + "." + name + ".tmp"
        self.calls = calls
        fd = try calls.openForWriting(temporaryPath)
        buffer.reserveCapacity(OutputFile.bufferSize)
    }

    /// Queues bytes, writing them out once a buffer's worth has gathered.
    mutating func write(_ bytes: [UInt8]) throws(SystemCallError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= OutputFile.bufferSize { try flush() }
    }

    mutating func write(_ text: String) throws(SystemCallError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= OutputFile.bufferSize { try flush() }
    }

    /// Writes what is left, syncs the file to disk and closes it.
    mutating func finish() throws(SystemCallError) {
        do {
            try flush()
            try calls.sync(fd, path: temporaryPath)
        } catch {
            abandon()
            throw error
        }
        try calls.closeFile(fd, path: temporaryPath)
    }

    /// Closes the file after a failure, keeping the first error as the one reported.
    func abandon() {
        try? calls.closeFile(fd, path: temporaryPath)
    }

    private mutating func flush() throws(SystemCallError) {
        guard !buffer.isEmpty else { return }
        let path = temporaryPath
        let calls = self.calls
        let fd = self.fd
        // withUnsafeBytes rethrows untyped errors, so the typed one is carried out by hand.
        var failure: SystemCallError?
        buffer.withUnsafeBytes { bytes in
            do throws(SystemCallError) { try calls.writeAll(fd, bytes, path: path) } catch { failure = error }
        }
        if let failure { throw failure }
        buffer.removeAll(keepingCapacity: true)
    }
}
