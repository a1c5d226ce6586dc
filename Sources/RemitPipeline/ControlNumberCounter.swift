import Foundation
import RemitCore

#if canImport(Glibc)
    import Glibc
#endif

/// Hands out interchange and group control numbers for outgoing acknowledgments, remembered in a file so a
/// number is never used twice, across runs and restarts.
///
/// The file holds the last number used, in decimal, and a line feed. Reserving locks the file, reads it,
/// writes the new last number to a temporary file, syncs it and renames it over the old one, all before the
/// numbers are used: a crash after reserving loses numbers, never repeats them. Numbers run from 1 to
/// 999999999 (nine digits, ISA13's width) and then start again at 1.
public struct ControlNumberCounter: Sendable {
    public let path: String
    public static let maximum = 999_999_999

    public init(path: String) {
        self.path = path
    }

    /// Reserves `count` numbers and returns them in order.
    ///
    /// - Throws: `Diagnostic` (`ack.counter`) when the file cannot be locked, read, parsed or replaced.
    public func reserve(_ count: Int) throws(Diagnostic) -> [Int] {
        let lockPath = path + ".lock"
        let lock = Glibc.open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw failure("open", lockPath) }
        defer { _ = Glibc.close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("flock", lockPath) }
        }
        defer { _ = flock(lock, LOCK_UN) }
        var last = 0
        if let text = try savedText() {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let value = Int(trimmed), value >= 0, value <= Self.maximum else {
                throw Diagnostic(
                    .error, code: "ack.counter", "control number file holds '\(trimmed.prefix(20))', not a number",
                    at: .wholeFile(path), hint: "it must hold the last control number used, 0 to 999999999")
            }
            last = value
        }
        var numbers: [Int] = []
        for _ in 0..<count {
            last = last >= Self.maximum ? 1 : last + 1
            numbers.append(last)
        }
        do {
            try AckJob.write(Array((String(last) + "\n").utf8), to: path, calls: .live)
        } catch {
            throw Diagnostic(
                .error, code: "ack.counter", "cannot save the control number: \(error)", at: .wholeFile(path))
        }
        return numbers
    }

    /// The file's text, nil when there is no file. A number needs far less than 64 bytes; a longer file is
    /// refused, never cut (cutting `000…001` could read as 0 and repeat numbers).
    ///
    /// - Throws: `Diagnostic` naming the failed call and its errno (a folder in the file's place, no permission).
    private func savedText() throws(Diagnostic) -> String? {
        let calls = SystemCalls.live
        let fd: Int32
        do {
            fd = try calls.openForReading(path)
        } catch {
            if error.errno == ENOENT { return nil }
            throw unreadable(error)
        }
        defer { try? calls.closeFile(fd, path: path) }
        var bytes = [UInt8](repeating: 0, count: 65)
        var count = 0
        do {
            while count < bytes.count {
                let got = try bytes.withUnsafeMutableBytes {
                    try calls.readSome(fd, into: $0.baseAddress! + count, count: $0.count - count, path: path)
                }
                if got == 0 { break }
                count += got
            }
        } catch {
            throw unreadable(error)
        }
        guard count < bytes.count else {
            throw Diagnostic(
                .error, code: "ack.counter", "control number file is longer than 64 bytes, not a number",
                at: .wholeFile(path), hint: "it must hold the last control number used, 0 to 999999999")
        }
        return String(decoding: bytes[0..<count], as: UTF8.self)
    }

    private func unreadable(_ error: any Error) -> Diagnostic {
        Diagnostic(
            .error, code: "ack.counter", "cannot read the control number file: \(error)", at: .wholeFile(path))
    }

    private func failure(_ call: String, _ file: String) -> Diagnostic {
        Diagnostic(
            .error, code: "ack.counter", "cannot \(call) the control number file: \(String(cString: strerror(errno)))",
            at: .wholeFile(file))
    }
}
