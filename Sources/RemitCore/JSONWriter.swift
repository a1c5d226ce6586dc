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
    /// What `cachedFragment` wrote lately, a few entries reused in turn.
    private var fragments: [Fragment] = []
    private var nextFragmentSlot = 0

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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: JSONWriter.decimalCapacity) { buffer in
            let count = JSONWriter.writeDecimal(value, minimumScale: minimumScale, into: buffer)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Writes `"name":{"amount":"12.50","currency":"USD"}` with one append, as `key`, `beginObject`, `key`,
    /// `decimalString`, `field` and `endObject` would; field by field when the currency needs escaping.
    mutating func moneyField(_ name: StaticString, amount: FixedDecimal, minimumScale: UInt8, currency: String) {
        var code = currency
        let written = code.withUTF8 { code in
            guard !JSONWriter.needsEscaping(code) else { return false }
            appendField(name, valueCount: JSONWriter.decimalCapacity + code.count + 28) { room in
                var count = 0
                for byte in "{\"amount\":".utf8 {
                    room[count] = byte
                    count += 1
                }
                count += JSONWriter.writeDecimal(
                    amount, minimumScale: minimumScale, into: UnsafeMutableBufferPointer(rebasing: room[count...]))
                for byte in ",\"currency\":\"".utf8 {
                    room[count] = byte
                    count += 1
                }
                for byte in code {
                    room[count] = byte
                    count += 1
                }
                room[count] = UInt8(ascii: "\"")
                room[count + 1] = UInt8(ascii: "}")
                return count + 2
            }
            return true
        }
        if !written {
            key(name)
            beginObject()
            key("amount")
            decimalString(amount, minimumScale: minimumScale)
            field("currency", currency)
            endObject()
        }
    }

    /// Room for a quoted decimal: quotes, sign, 19 digits, point, leading zeros up to scale 18.
    private static let decimalCapacity = 44

    /// Puts the quoted text of `FixedDecimal.formatted(minimumScale:)` at the start of `room`.
    ///
    /// - Returns: the number of bytes written, at most `decimalCapacity`.
    private static func writeDecimal(
        _ value: FixedDecimal, minimumScale: UInt8, into room: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        let shown = value.rescaled(to: minimumScale) ?? value
        var count = 0
        room[count] = UInt8(ascii: "\"")
        count += 1
        if shown.units < 0 {
            room[count] = UInt8(ascii: "-")
            count += 1
        }
        let scale = Int(shown.scale)
        let magnitude = shown.units.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        count += writeDigits(magnitude / divisor, minimumCount: 1, into: room, at: count)
        if scale > 0 {
            room[count] = UInt8(ascii: ".")
            count += 1
            count += writeDigits(magnitude % divisor, minimumCount: scale, into: room, at: count)
        }
        room[count] = UInt8(ascii: "\"")
        return count + 1
    }

    /// Puts the digits of `value`, left-padded with zeros to `minimumCount`, at `room[start...]`.
    ///
    /// - Returns: the number of digits written.
    private static func writeDigits(
        _ value: UInt64, minimumCount: Int, into room: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let count = max(digits, minimumCount)
        rest = value
        var position = start + count
        while position > start {
            position -= 1
            room[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return count
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

    /// Writes what `write` writes, or the bytes it wrote the last time it was called for the same `key` in the
    /// same place (container depth and comma state). For values repeated in many records in a row, such as a
    /// transaction's envelope in every record's provenance, or the payer of every record of a payment.
    ///
    /// - Parameters:
    ///   - key: an immutable object; `write` must depend on nothing else.
    ///   - write: writes into the current container and closes whatever it opens.
    mutating func cachedFragment(for key: AnyObject, _ write: (inout JSONWriter) -> Void) {
        for fragment in fragments
        where fragment.key === key && fragment.depth == depth && fragment.before == needsComma {
            bytes.append(contentsOf: fragment.bytes)
            needsComma = fragment.after
            return
        }
        let start = bytes.count
        let (startDepth, before) = (depth, needsComma)
        write(&self)
        guard depth == startDepth else { return }
        let fragment = Fragment(
            key: key, bytes: Array(bytes[start...]), depth: startDepth, before: before, after: needsComma)
        if fragments.count < Fragment.slots {
            fragments.append(fragment)
        } else {
            fragments[nextFragmentSlot] = fragment
            nextFragmentSlot = (nextFragmentSlot + 1) % Fragment.slots
        }
    }

    /// Bytes written for one object by `cachedFragment`, and the state they were written in.
    private struct Fragment {
        static let slots = 4
        var key: AnyObject
        var bytes: [UInt8]
        var depth: Int
        var before: Bool
        var after: Bool
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
