import Foundation
import RemitCore

@testable import RemitWatch

/// A temporary inbox, output folder and invoice export, and a `remit watch` process running on them.
///
/// The process runs in the temporary root with relative paths (`inbox`, `out`, `invoices.csv`), so two
/// roots given the same files produce byte-identical reports.
final class WatchHarness {
    let root: URL
    var inbox: URL { root.appendingPathComponent("inbox") }
    var out: URL { root.appendingPathComponent("out") }
    private(set) var process: Process?
    private var logHandle: FileHandle?
    var logURL: URL { root.appendingPathComponent("watch.log") }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `remit` binary: `REMIT_EXECUTABLE` when set (a release build for measurements), else the one
    /// `swift test` built beside the test bundle.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["REMIT_EXECUTABLE"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("remit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/remit")
    }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("remit-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("fixtures/retail/open-items.csv"),
            to: root.appendingPathComponent("invoices.csv"))
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: root)
    }

    /// Starts `remit watch inbox --invoices invoices.csv --out out` plus `extra`, logging to `watch.log`.
    func start(_ extra: [String] = [], invoices: String = "invoices.csv") throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["watch", "inbox", "--invoices", invoices, "--out", "out", "--settle-ms", "0"] + extra
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1796299200"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["REMIT_MAPPINGS"] = Self.packageRoot.appendingPathComponent("mappings").path
        process.environment = environment
        if !FileManager.default.fileExists(atPath: logURL.path) {
            guard FileManager.default.createFile(atPath: logURL.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
        }
        let handle = try FileHandle(forWritingTo: logURL)
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        self.process = process
        logHandle = handle
    }

    /// Runs `remit` with `arguments` in the root to the end and returns its status and output.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1796299200"
        environment["REMIT_MAPPINGS"] = Self.packageRoot.appendingPathComponent("mappings").path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Sends `signal` and waits for the process to exit; returns its exit status.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM) -> Int32 {
        guard let process else { return -1 }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try? logHandle?.close()
        self.process = nil
        return process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Waits for the running process to exit by itself (`--once`).
    func waitForExit() -> Int32 {
        guard let process else { return -1 }
        process.waitUntilExit()
        try? logHandle?.close()
        self.process = nil
        return process.terminationStatus
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Writes a complete file into the inbox the way most producers do: create, write, close.
    func drop(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: inbox.appendingPathComponent(name))
    }

    /// Writes the file beside the inbox, then renames it in: one `IN_MOVED_TO`.
    func moveIn(_ name: String, _ bytes: [UInt8]) throws {
        let outside = root.appendingPathComponent(".incoming-\(name)")
        try Data(bytes).write(to: outside)
        guard rename(outside.path, inbox.appendingPathComponent(name).path) == 0 else {
            throw SystemCallError(call: "rename", path: outside.path, errno: errno)
        }
    }

    func names(in folder: String) -> [String] {
        let url = folder.isEmpty ? inbox : inbox.appendingPathComponent(folder)
        let all = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return all.filter { name in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder)
            return exists && (folder != "" || !isFolder.boolValue)
        }.sorted()
    }

    /// Polls `condition` every `interval` microseconds (5 ms) until it holds or `seconds` pass; true when it held.
    @discardableResult
    func waitUntil(seconds: Double = 20, every interval: UInt32 = 5000, _ condition: () throws -> Bool) rethrows
        -> Bool
    {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(interval)
        }
        return try condition()
    }

    func ledger() throws -> Ledger { try Ledger(path: out.appendingPathComponent("ledger.sqlite3").path) }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
    }
}

/// Small, valid and distinct X12 820 files: one payment of `cents` against invoice INV-300001.
enum Sample820 {
    static func bytes(_ number: Int, cents: Int = 103_400) -> [UInt8] {
        let amount = "\(cents / 100).\(String(cents % 100 + 100).dropFirst())"
        let text = """
            ISA*00*          *00*          *ZZ*CORNERGROCER   *ZZ*ACMEFOODS      *261201*0900*^*00501*000000031*0*P*:~
            GS*RA*CORNERGROCER*ACMEFOODS*20261201*0900*31*X*005010~
            ST*820*0001~
            BPR*C*\(amount)*C*CHK************20261201~
            TRN*1*\(String(number + 1_000_000))*~
            N1*PR*Corner Grocer Co*92*C200~
            N1*PE*ACME FOODS LLC~
            RMR*IV*INV-300001*PI*\(amount)*1034.00~
            SE*7*0001~
            GE*1*31~
            IEA*1*000000031~

            """
        return Array(text.utf8)
    }
}
