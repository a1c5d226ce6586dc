/// Writes JSON text into a byte buffer, keys in the order given.
///
/// Remit's outputs must be byte-identical for identical inputs, and fast enough to keep up with the
/// parsers, so records are written field by field instead of through `JSONEncoder`. Nil values are
/// left out.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Containers open around the write position.
    private var depth = 0
    /// Whether the innermost open container already holds a value (the next one needs a comma).
    private var needsComma = false
    /// `needsComma` of each enclosing container, outermost first (`depth - 1` entries while one is open).
    private var enclosing: [Bool] = []
    /// What `cachedFragment` wrote last: the object it was for, the bytes, and the state around them.
    private var fragmentKey: AnyObject?
    private var fragmentBytes: [UInt8] = []
    private var fragmentState = (depth: 0, before: false, after: false)

    public init(reservingCapacity capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        depth = 0
        needsComma = false
        enclosing.removeAll(keepingCapacity: true)
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        close()
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        open()
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        close()
    }

    /// Writes `"key":` ready for a value.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
    }

    public mutating func integer(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude), minimumCount: 1)
    }

    /// Writes `value` as a JSON string in plain decimal with at least `minimumScale` fractional digits, the
    /// text of `FixedDecimal.formatted(minimumScale:)`, without building that string.
    public mutating func decimalString(_ value: FixedDecimal, minimumScale: UInt8) {
        separate()
        let shown = value.rescaled(to: minimumScale) ?? value
        bytes.append(UInt8(ascii: "\""))
        if shown.units < 0 { bytes.append(UInt8(ascii: "-")) }
        let scale = Int(shown.scale)
        let magnitude = shown.units.magnitude
        if scale == 0 {
            appendDigits(magnitude, minimumCount: 1)
        } else {
            var divisor: UInt64 = 1
            for _ in 0..<scale { divisor *= 10 }
            appendDigits(magnitude / divisor, minimumCount: 1)
            bytes.append(UInt8(ascii: "."))
            appendDigits(magnitude % divisor, minimumCount: scale)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    public mutating func field(_ name: StaticString, _ value: String?) {
        guard var value else { return }
        // The whole `,"name":"value"` goes in with one append when the value needs no escaping.
        let written = value.withUTF8 { utf8 in
            guard !JSONWriter.needsEscaping(utf8) else { return false }
            appendField(name, valueCount: utf8.count + 2) { room in
                room[0] = UInt8(ascii: "\"")
                _ = UnsafeMutableBufferPointer(rebasing: room[1...]).initialize(fromContentsOf: utf8)
                room[utf8.count + 1] = UInt8(ascii: "\"")
                return utf8.count + 2
            }
            return true
        }
        if !written {
            key(name)
            string(value)
        }
    }

    public mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        appendField(name, valueCount: 21) { room in
            var count = 0
            if value < 0 {
                room[0] = UInt8(ascii: "-")
                count = 1
            }
            var rest = value.magnitude
            var digits = 1
            while rest >= 10 {
                digits += 1
                rest /= 10
            }
            rest = value.magnitude
            count += digits
            var position = count
            repeat {
                position -= 1
                room[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            return count
        }
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// Writes what `write` writes, or the bytes it wrote last time when called again for the same `key` in the
    /// same place (container depth and comma state). For fields shared by many records in a row, such as
    /// a transaction's envelope in every record's provenance.
    ///
    /// - Parameters:
    ///   - key: an immutable object; `write` must depend on nothing else.
    ///   - write: writes values into the current container, leaving it open.
    mutating func cachedFragment(for key: AnyObject, _ write: (inout JSONWriter) -> Void) {
        if let fragmentKey, fragmentKey === key, fragmentState.depth == depth, fragmentState.before == needsComma {
            bytes.append(contentsOf: fragmentBytes)
            needsComma = fragmentState.after
            return
        }
        let start = bytes.count
        let state = (depth: depth, before: needsComma)
        write(&self)
        guard depth == state.depth else {
            fragmentKey = nil
            return
        }
        fragmentKey = key
        fragmentBytes.removeAll(keepingCapacity: true)
        fragmentBytes.append(contentsOf: bytes[start...])
        fragmentState = (state.depth, state.before, needsComma)
    }

    /// Newline, for JSON Lines.
    public mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    private mutating func separate() {
        guard depth > 0 else { return }
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    private mutating func open() {
        if depth > 0 { enclosing.append(needsComma) }
        depth += 1
        needsComma = false
    }

    private mutating func close() {
        depth -= 1
        needsComma = depth > 0 ? enclosing.removeLast() : false
    }

    /// Writes `value` as a JSON string `YYYY-MM-DD`, the text of its `description`, without building that string.
    public mutating func dateString(_ value: CalendarDate) {
        guard value.year >= 0, value.month >= 0, value.day >= 0 else {
            string(value.description)
            return
        }
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendDigits(UInt64(value.year), minimumCount: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt64(value.month), minimumCount: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt64(value.day), minimumCount: 2)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `,"name":` (the comma when needed) and the value `write` puts in `room` (at most
    /// `valueCount` bytes; it returns how many), with one append.
    @inline(__always)
    private mutating func appendField(
        _ name: StaticString, valueCount: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int
    ) {
        let nameCount = name.utf8CodeUnitCount
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: nameCount + 4 + valueCount) { buffer in
            var count = 0
            if depth > 0 {
                if needsComma {
                    buffer[0] = UInt8(ascii: ",")
                    count = 1
                }
                needsComma = true
            }
            buffer[count] = UInt8(ascii: "\"")
            count += 1
            _ = UnsafeMutableBufferPointer(rebasing: buffer[count...])
                .initialize(fromContentsOf: UnsafeBufferPointer(start: name.utf8Start, count: nameCount))
            count += nameCount
            buffer[count] = UInt8(ascii: "\"")
            buffer[count + 1] = UInt8(ascii: ":")
            count += 2
            count += write(UnsafeMutableBufferPointer(rebasing: buffer[count...]))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Whether `utf8` holds a byte that JSON strings must escape.
    private static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F {
            return true
        }
        return false
    }

    /// The decimal digits of `value`, left-padded with zeros to `minimumCount`.
    private mutating func appendDigits(_ value: UInt64, minimumCount: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(20, minimumCount)) { buffer in
            var start = buffer.count
            var rest = value
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            while buffer.count - start < minimumCount {
                start -= 1
                buffer[start] = UInt8(ascii: "0")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most values need no escaping: copy them whole from contiguous UTF-8.
        var text = text
        let plain = text.withUTF8 { utf8 in
            guard !JSONWriter.needsEscaping(utf8) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                let digits = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
