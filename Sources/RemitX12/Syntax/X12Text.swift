import RemitCore

/// Byte-level helpers for element values: trimming, numbers, dates, line counting.
///
/// They work on the tokenizer's buffers directly, so the hot path builds no `String` and calls no generic
/// code from other modules.
enum X12Text {
    @inline(__always)
    static func trimmingSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let base = bytes.baseAddress else { return nil }
        var start = 0
        var end = bytes.count
        while start < end && base[start] == UInt8(ascii: " ") { start += 1 }
        while end > start && base[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// Line breaks in `bytes` (LF, CRLF or CR alone), and the offset just past the last one (0 when there is
    /// none).
    static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, lastEnd: Int) {
        var count = 0
        var lastEnd = 0
        for (offset, byte) in bytes.enumerated() {
            let ends =
                byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r")
                    && (offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n")))
            if ends {
                count += 1
                lastEnd = offset + 1
            }
        }
        return (count, lastEnd)
    }

    /// The offset of the first byte in `bytes` that does not belong to a valid UTF-8 sequence, nil when all do.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Reads an X12 `R` (decimal) value: an optional leading sign, digits and at most one decimal point.
    ///
    /// Accepts exactly what `FixedDecimal.parse` accepts, without its generic overhead; on nil, call that for
    /// the reason.
    @inline(__always)
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> FixedDecimal? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        var index = 0
        var negative = false
        if base[0] == UInt8(ascii: "-") || base[0] == UInt8(ascii: "+") {
            negative = base[0] == UInt8(ascii: "-")
            index = 1
        }
        var units: Int64 = 0
        var scale: UInt8 = 0
        var seenPoint = false
        var digits = 0
        var significant = 0
        while index < bytes.count {
            let byte = base[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                digits += 1
                if units != 0 || digit != 0 { significant += 1 }
                if significant > 18 { return nil }
                units = units &* 10 &+ Int64(digit)
                if seenPoint {
                    if scale == FixedDecimal.maxScale { return nil }
                    scale += 1
                }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        return FixedDecimal(units: negative ? -units : units, scale: scale)
    }

    /// Why `decimal` refused `bytes`, in words.
    static func decimalFailure(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        do {
            _ = try FixedDecimal.parse(Array(bytes))
            return "not a plain decimal number"
        } catch {
            return error.description
        }
    }

    /// A non-negative integer of at most 18 digits, e.g. a segment count.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// A date written `CCYYMMDD`, or `YYMMDD` (00–49 read as 20xx, as `CalendarDate.parseCompact` does).
    @inline(__always)
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard bytes.count == 8 || bytes.count == 6, let number = integer(bytes) else { return nil }
        if bytes.count == 8 {
            return CalendarDate(year: number / 10_000, month: number / 100 % 100, day: number % 100)
        }
        let shortYear = number / 10_000
        return CalendarDate(
            year: shortYear < 50 ? 2000 + shortYear : 1900 + shortYear, month: number / 100 % 100, day: number % 100)
    }

    /// Two control numbers agree when they are the same text, or both all digits with the same value
    /// (senders pad ST02 and SE02 differently).
    static func sameControlNumber(_ first: String, _ second: String) -> Bool {
        if first == second { return true }
        let left = Array(first.utf8), right = Array(second.utf8)
        guard let leftValue = left.withUnsafeBufferPointer({ integer($0) }),
            let rightValue = right.withUnsafeBufferPointer({ integer($0) })
        else { return false }
        return leftValue == rightValue
    }
}
