import Synchronization

/// The fingerprints the workers are handling right now, so two files of one content are never worked on
/// at once (the second waits and then becomes a duplicate).
package final class InFlightContent: Sendable {
    private let fingerprints = Mutex<Set<String>>([])

    package init() {}

    /// Marks `sha256` as taken; false when another worker has it.
    package func begin(_ sha256: String) -> Bool {
        fingerprints.withLock { $0.insert(sha256).inserted }
    }

    package func end(_ sha256: String) {
        _ = fingerprints.withLock { $0.remove(sha256) }
    }
}
