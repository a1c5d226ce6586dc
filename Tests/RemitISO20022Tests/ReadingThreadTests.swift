import RemitCore
import RemitISO20022
import Testing

/// libxml2 runs on a reading thread of its own by default; what the reader emits must not depend on it, even
/// when a document fills many batches or reading stops while the thread is far ahead.
@Suite struct ReadingThreadTests {
    static func read(_ bytes: [UInt8], threaded: Bool, chunkSize: Int = 1 << 16) -> CollectingSink {
        var sink = CollectingSink()
        var reader = ISO20022Reader(file: "test.xml", fileSHA256: "", idPrefix: "t", crosswalk: Fixtures.crosswalk)
        reader.usesReadingThread = threaded
        reader.read(bytes: bytes, chunkSize: chunkSize, into: &sink)
        return sink
    }

    /// A notification of `entries` batch entries of three transactions each, then `tail` before it closes.
    static func notification(entries: Int, tail: String = "") -> [UInt8] {
        var text = """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>LONG</MsgId><CreDtTm>2026-12-04T08:00:00</CreDtTm></GrpHdr><Ntfctn><Id>N</Id>

            """
        for entry in 0..<entries {
            text += "<Ntry><Amt Ccy=\"EUR\">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><NtryDtls>"
            for detail in 0..<3 {
                text +=
                    "<TxDtls><Refs><EndToEndId>E\(entry)-\(detail)</EndToEndId></Refs>"
                    + "<Amt Ccy=\"EUR\">100.00</Amt><RmtInf><Strd><RfrdDocInf><Nb>INV-\(entry)-\(detail)</Nb>"
                    + "</RfrdDocInf><RfrdDocAmt><RmtdAmt Ccy=\"EUR\">100.00</RmtdAmt></RfrdDocAmt></Strd></RmtInf>"
                    + "</TxDtls>"
            }
            text += "</NtryDtls></Ntry>\n"
        }
        return Array((text + tail + "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n").utf8)
    }

    @Test func everyFixtureReadsTheSameOnOneThreadOrTwo() throws {
        for name in try Fixtures.names() {
            let bytes = try Fixtures.bytes(name)
            let threaded = Self.read(bytes, threaded: true)
            let inPlace = Self.read(bytes, threaded: false)
            #expect(threaded.events == inPlace.events, "\(name)")
        }
    }

    /// About 170,000 events: more batches than the queue holds, so both sides wait for the other.
    @Test func aLongDocumentCrossesManyBatches() {
        let bytes = Self.notification(entries: 2_000)
        let threaded = Self.read(bytes, threaded: true)
        #expect(threaded.payments.count == 6_000)
        #expect(threaded.lines.map(\.reference).last == "INV-1999-2")
        #expect(threaded.diagnostics.isEmpty, "\(threaded.diagnostics.prefix(3))")
        #expect(threaded.events == Self.read(bytes, threaded: false).events)
    }

    /// Nesting too deep stops the parser near the end while the reading thread may still be filling batches:
    /// it is cancelled, and the records before the stop are the same as on one thread.
    @Test(arguments: [7, 1 << 16])
    func stoppingEarlyEndsTheReadingThread(chunkSize: Int) {
        let deep = String(repeating: "<X>", count: 80) + String(repeating: "</X>", count: 80)
        let bytes = Self.notification(entries: 1_500, tail: deep)
        let threaded = Self.read(bytes, threaded: true, chunkSize: chunkSize)
        #expect(threaded.codes == ["iso20022.nesting"])
        #expect(threaded.payments.count == 4_500)
        #expect(threaded.events == Self.read(bytes, threaded: false, chunkSize: chunkSize).events)
    }
}
