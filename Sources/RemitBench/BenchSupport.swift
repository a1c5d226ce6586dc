#if canImport(Glibc)
    import Glibc
#endif

enum BenchError: Error {
    case usage
}

/// Wall-clock time from its creation, read from the monotonic clock.
struct BenchClock {
    private let start = ContinuousClock.now

    var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    var elapsedText: String { BenchFigures.fixed(seconds, digits: 3) }
}

/// Formatting and measuring helpers shared by the benchmarks. Timings are Doubles; no money passes here.
enum BenchFigures {
    /// Peak resident set size of this process so far, in bytes (Linux reports kibibytes).
    static func peakRSS() -> Int64 {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int64(usage.ru_maxrss) * 1024
    }

    /// User and system CPU time of this process so far, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// `512M`, `1G`, `200K` or a plain byte count.
    static func parseSize(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        if let last = text.last, let unit = units[Character(last.uppercased())] {
            return Int64(text.dropLast()).map { $0 * unit }
        }
        return Int64(text)
    }

    static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }

    /// One result line: what was read, how long it took, and the process's peak RSS.
    static func report(label: String, bytes: Int64, seconds: Double, detail: String) {
        let megabytesPerSecond = Double(bytes) / 1e6 / seconds
        let peak = Double(peakRSS()) / Double(1 << 20)
        print(
            "\(label): \(bytes) bytes in \(fixed(seconds, digits: 3)) s = "
                + "\(fixed(megabytesPerSecond, digits: 1)) MB/s; "
                + "\(detail); peak RSS \(fixed(peak, digits: 1)) MiB")
    }
}

enum FileDescriptorText {
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var done = 0
            while done < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if count <= 0 { return }
                done += count
            }
        }
    }
}
