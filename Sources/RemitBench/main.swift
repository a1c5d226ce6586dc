import RemitBAI2
import RemitCore
import RemitPipeline
import RemitX12

#if canImport(Glibc)
    import Glibc
#endif

// remit-bench: writes synthetic inputs of a requested size and measures how fast Remit reads them.
// Each measurement runs in a process of its own so that peak RSS belongs to the reading alone.

let usage = """
    usage: remit-bench generate x12 SIZE PATH   write a synthetic 820 file of about SIZE bytes (suffix K, M or G)
           remit-bench generate bai2 SIZE PATH  write a synthetic BAI2 bank file of about SIZE bytes
           remit-bench generate ach SIZE PATH   write a synthetic NACHA file of CTX (820) and CCD+ entries
           remit-bench generate camt054 SIZE PATH
                                                write a synthetic ISO 20022 camt.054 notification
           remit-bench generate invoices COUNT PATH
                                                write COUNT open invoices (generic layout) that a synthetic 820
                                                pays against, for remit reconcile
           remit-bench x12 PATH                 parse and normalize an X12 file (records counted, not written)
           remit-bench bai2 PATH                parse and normalize a BAI2 file (transactions counted, not written)
           remit-bench iso20022 [--single-thread] PATH
                                                read an ISO 20022 file (records counted, not written); libxml2 runs
                                                on a thread of its own unless --single-thread
           remit-bench convert PATH             the whole `remit convert` path: hash, parse, JSON Lines to /dev/null
           remit-bench match LINES              reconcile a synthetic book of LINES remittance lines in memory;
                                                prints time, precision, recall and a digest of decisions
           remit-bench scenario [--noise none|low|moderate|high] [--seed N] [--invoices K] --out DIR
                                                write an open-items export in every shipped layout, remittances
                                                in every format (X12 820, camt.054, remt.001, NACHA CTX) and
                                                DIR/truth.jsonl, the same for the same arguments
           remit-bench score --truth DIR/truth.jsonl --matches OUT/matches.jsonl
                                                precision and recall of what `remit reconcile` applied, per
                                                format and overall, with every wrong application listed
    Prints bytes, seconds, MB/s (10^6 bytes per second), records and peak RSS.
    """

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "generate" where arguments.count == 4:
        let size = BenchFigures.parseSize(arguments[2]) ?? 0
        guard size > 0 else { throw BenchError.usage }
        switch arguments[1] {
        case "x12":
            let clock = BenchClock()
            let (bytes, sets) = try Synthetic820.write(path: arguments[3], targetBytes: size)
            print("wrote \(arguments[3]): \(bytes) bytes, \(sets) transaction sets in \(clock.elapsedText) s")
        case "bai2":
            let clock = BenchClock()
            let (bytes, details) = try SyntheticBAI2.write(path: arguments[3], targetBytes: size)
            print("wrote \(arguments[3]): \(bytes) bytes, \(details) detail records in \(clock.elapsedText) s")
        case "invoices":
            guard let count = Int(arguments[2]), count > 0 else { throw BenchError.usage }
            let clock = BenchClock()
            let bytes = try SyntheticInvoices.write(path: arguments[3], count: count)
            print("wrote \(arguments[3]): \(bytes) bytes, \(count) invoices in \(clock.elapsedText) s")
        case "ach":
            let clock = BenchClock()
            let (bytes, entries) = try SyntheticACH.write(path: arguments[3], targetBytes: size)
            print("wrote \(arguments[3]): \(bytes) bytes, \(entries) entries in \(clock.elapsedText) s")
        case "camt054":
            let clock = BenchClock()
            let (bytes, entries) = try SyntheticCamt054.write(path: arguments[3], targetBytes: size)
            print("wrote \(arguments[3]): \(bytes) bytes, \(entries) entries in \(clock.elapsedText) s")
        default:
            throw BenchError.usage
        }
    case "bai2" where arguments.count == 2:
        try BAI2Bench.run(path: arguments[1])
    case "x12" where arguments.count == 2:
        try X12Bench.run(path: arguments[1])
    case "convert" where arguments.count == 2:
        try ConvertBench.run(path: arguments[1])
    case "iso20022":
        exit(ISO20022Bench.run(arguments: Array(arguments.dropFirst())))
    case "scenario":
        try ScenarioCommands.generate(Array(arguments.dropFirst()))
    case "score":
        try ScenarioCommands.score(Array(arguments.dropFirst()))
    case "match" where arguments.count == 2:
        guard let lines = Int(arguments[1]), lines > 0 else { throw BenchError.usage }
        MatchBench.run(lines: lines)
    default:
        throw BenchError.usage
    }
} catch BenchError.usage {
    FileDescriptorText.write(usage + "\n", to: 2)
    exit(64)
} catch {
    FileDescriptorText.write("remit-bench: \(error)\n", to: 2)
    exit(1)
}
