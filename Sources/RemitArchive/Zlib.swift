import CZlib

/// zlib's stream inflater and deflater: the one place the watch service touches the C API.
///
/// Bytes go in and come out as Swift arrays; the `z_stream` lives in heap memory owned by this class, so it
/// never moves while zlib holds pointers into it.
package final class ZlibStream {
    package enum Mode: Sendable {
        /// A gzip member (RFC 1952), header and trailer checked by zlib.
        case gunzip
        /// Raw deflate data (RFC 1951), as stored inside a .zip archive.
        case rawInflate
        /// Writes a gzip member; used by tests and tools, not by the service.
        case gzip
        /// Writes raw deflate data.
        case rawDeflate
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private let mode: Mode
    /// True once the compressed stream's end was reached.
    package private(set) var finished = false

    /// - Throws: `ZlibError` when zlib cannot set up (out of memory).
    package init(_ mode: Mode) throws(ZlibError) {
        self.mode = mode
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let size = Int32(MemoryLayout<z_stream>.size)
        let code: Int32
        switch mode {
        case .gunzip: code = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, size)
        case .rawInflate: code = inflateInit2_(stream, -15, ZLIB_VERSION, size)
        case .gzip:
            code = deflateInit2_(
                stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                ZLIB_VERSION, size)
        case .rawDeflate:
            code = deflateInit2_(
                stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                ZLIB_VERSION, size)
        }
        guard code == Z_OK else {
            stream.deallocate()
            throw ZlibError(code: code, message: "init failed", offset: 0)
        }
    }

    deinit {
        switch mode {
        case .gunzip, .rawInflate: inflateEnd(stream)
        case .gzip, .rawDeflate: deflateEnd(stream)
        }
        stream.deallocate()
    }

    /// Total compressed bytes consumed so far, for locating errors.
    package var consumed: Int64 { Int64(stream.pointee.total_in) }

    /// Feeds `input` and hands each piece of output to `output`; `last` marks the end of the input.
    ///
    /// - Throws: `ZlibError` for corrupt data or a stream that ends early; whatever `output` throws.
    package func process(
        _ input: UnsafeRawBufferPointer, last: Bool, output: ([UInt8]) throws -> Void
    ) throws {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let inflating = mode == .gunzip || mode == .rawInflate
        if finished && mode == .gunzip && !input.isEmpty {
            // Concatenated gzip members form one stream (RFC 1952 section 2.2).
            inflateReset(stream)
            finished = false
        }
        let base = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.next_in = base
        stream.pointee.avail_in = UInt32(input.count)
        repeat {
            let (code, produced) = buffer.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = UInt32(out.count)
                let code = inflating ? inflate(stream, Z_NO_FLUSH) : deflate(stream, last ? Z_FINISH : Z_NO_FLUSH)
                return (code, out.count - Int(stream.pointee.avail_out))
            }
            if produced > 0 { try output(Array(buffer[0..<produced])) }
            if code == Z_STREAM_END {
                finished = true
                guard mode == .gunzip, stream.pointee.avail_in > 0 else { return }
                inflateReset(stream)
                finished = false
                continue
            }
            guard code == Z_OK || code == Z_BUF_ERROR else {
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error"
                throw ZlibError(code: code, message: message, offset: consumed)
            }
            if code == Z_BUF_ERROR && produced == 0 { break }
        } while stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0 || (last && !inflating)
        if last && inflating && !finished {
            throw ZlibError(code: Z_DATA_ERROR, message: "compressed data ends early", offset: consumed)
        }
    }

    /// CRC-32 as zip archives store it.
    package static func crc32(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress else { return seed }
        return UInt32(CZlib.crc32(UInt(seed), base.assumingMemoryBound(to: UInt8.self), UInt32(bytes.count)))
    }

    /// Compresses `bytes` whole; for tests and tools.
    package static func compress(_ bytes: [UInt8], mode: Mode) throws -> [UInt8] {
        let stream = try ZlibStream(mode)
        var out: [UInt8] = []
        try bytes.withUnsafeBytes { try stream.process($0, last: true) { out += $0 } }
        return out
    }
}

/// zlib refused the data: its code and message, and how far into the compressed bytes it got.
package struct ZlibError: Error, Sendable, CustomStringConvertible {
    package var code: Int32
    package var message: String
    package var offset: Int64

    package var description: String { "zlib error \(code): \(message) (after \(offset) compressed bytes)" }
}
