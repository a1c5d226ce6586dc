import RemitBAI2
import RemitCore
import RemitPipeline

/// Parse and normalize only: the BAI2 reader turns every 16 record into a canonical bank transaction and
/// ties out every trailer.
enum BAI2Bench {
    static func run(path: String) throws {
        let typeCodes = try BenchMappings.typeCodes()
        let clock = BenchClock()
        var sink = CountingSink()
        var reader = BAI2Reader(
            file: path, fileSHA256: "0", idPrefix: "bench", options: BAI2Options(typeCodes: typeCodes))
        let bytes = try FileReader(path: path).forEachChunk { reader.feed($0, into: &sink) }
        reader.finish(into: &sink)
        BenchFigures.report(label: "bai2 parse+normalize", bytes: bytes, seconds: clock.seconds, detail: sink.detail)
    }
}

extension BenchMappings {
    /// The repository's BAI type-code table, found as `remit` finds it.
    static func typeCodes() throws -> BAI2TypeCodeTable {
        guard
            let folder = MappingsDirectory.locate(
                explicit: nil, environment: [:], executablePath: CommandLine.arguments[0])
        else { return BAI2TypeCodeTable() }
        return try ParseSettings.loadBAI2TypeCodes(mappingsDirectory: folder)
    }
}
