import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT and SIGTERM, taken by one thread with `sigtimedwait` instead of a handler.
///
/// The first signal asks the service to stop after the file in hand and wakes its loop through a pipe; if
/// the service has not exited `timeout` seconds later, or a second signal arrives, the process exits at
/// once. The ledger makes either exit safe: a restart finishes or redoes the interrupted file.
package final class ShutdownSignals: Sendable {
    private let requested = Atomic<Bool>(false)
    /// Read end of the wake-up pipe, readable once a stop was asked for.
    package let wakeDescriptor: Int32
    private let wakeWriter: Int32

    /// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts from now on.
    ///
    /// Call it first thing in `main`, before any other thread exists, so no thread takes the default action.
    package static func blockInThisThread() {
        var set = Self.signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }

    /// Starts the thread that waits for signals.
    ///
    /// - Parameters:
    ///   - timeout: seconds a graceful stop may take before the process exits anyway.
    ///   - logger: where the stop and a forced exit are logged.
    package init(timeout: Double, logger: WatchLogger) {
        Self.blockInThisThread()
        var ends: [Int32] = [0, 0]
        _ = pipe(&ends)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wakeDescriptor = ends[0]
        wakeWriter = ends[1]
        let writer = wakeWriter
        let thread = Thread { [self] in
            var set = Self.signalSet()
            var info = siginfo_t()
            while true {
                let number = sigwaitinfo(&set, &info)
                if number < 0 { continue }
                self.requested.store(true, ordering: .sequentiallyConsistent)
                logger.notice("stop requested", ["signal": number == SIGINT ? "SIGINT" : "SIGTERM"])
                var byte: UInt8 = 1
                _ = write(writer, &byte, 1)
                break
            }
            var deadline = timespec(tv_sec: Int(timeout), tv_nsec: Int((timeout - timeout.rounded(.down)) * 1e9))
            while true {
                let number = sigtimedwait(&set, &info, &deadline)
                if number < 0 && errno == EINTR { continue }
                if number < 0 {
                    logger.error(
                        "stop timed out; exiting without finishing the file in hand",
                        [
                            "timeout.seconds": String(timeout)
                        ])
                    _exit(1)
                }
                logger.error("second signal; exiting at once", [:])
                _exit(128 + number)
            }
        }
        thread.start()
    }

    /// True once SIGINT or SIGTERM arrived.
    package var stopRequested: Bool { requested.load(ordering: .sequentiallyConsistent) }
}
