extension BAI2Scanner {
    /// Reads the fields of one physical record's content, `base[from..<end]`, into the record in progress.
    ///
    /// Fields end at `,`; a `/` ends the physical record's fields (so after joining, the next 88 starts the
    /// next field). Once a 16 reaches its text field, the rest of the record and of every continuation is
    /// text, commas and slashes included. Before that, a `/` inside a 16's reference that is followed by more
    /// than blanks is read as part of the reference, since banks put slashes there.
    ///
    /// - Returns: where another record starts on the same line, when one follows the closing `/`.
    mutating func scanFields(
        _ base: UnsafePointer<UInt8>, from: Int, end: Int, origin: Int64, continuation: Bool,
        _ handle: Handler
    ) -> Int? {
        if record.inText {
            appendText(base, from: from, end: end, origin: origin, handle)
            return nil
        }
        // The piece is copied once; its fields are ranges of the copy.
        let shift = record.bytes.count - from
        if record.bytes.count + record.text.count + (end - from) > Self.maximumRecordLength {
            truncate(at: origin + Int64(from), handle)
            return nil
        }
        record.bytes.append(contentsOf: UnsafeBufferPointer(start: base + from, count: end - from))
        var position = from
        while true {
            if record.fields.count == record.textField {
                record.inText = true
                guard position < end else { return nil }
                if !continuation && base[position] == UInt8(ascii: "/") {
                    // Text defaulted (`,/`): the slash closes the record.
                    return afterSlash(base, from: position + 1, end: end, origin: origin, handle)
                }
                appendText(base, from: position, end: end, origin: origin, handle)
                return nil
            }
            guard position < end else { return nil }
            var index = position
            while index < end {
                let byte = base[index]
                if byte == UInt8(ascii: ",") { break }
                if byte == UInt8(ascii: "/")
                    && (record.code != 16 || endsRecord(base, from: index + 1, end: end))
                {
                    break
                }
                index += 1
            }
            addField(base, from: position, end: index, origin: origin, shift: shift)
            guard index < end else { return nil }
            if base[index] == UInt8(ascii: ",") {
                position = index + 1
                continue
            }
            return afterSlash(base, from: index + 1, end: end, origin: origin, handle)
        }
    }

    /// Whether what follows a `/` is nothing but blanks, or another record.
    private func endsRecord(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Bool {
        var index = from
        while index < end && base[index] == UInt8(ascii: " ") { index += 1 }
        return index == end || startsRecord(base, at: index, end: end)
    }

    private func startsRecord(_ base: UnsafePointer<UInt8>, at index: Int, end: Int) -> Bool {
        end - index >= 3 && Self.recordCode(base, at: index, end: end) != nil && base[index + 2] == UInt8(ascii: ",")
    }

    /// After the `/` that closes a record: blanks, another record, or stray text that is reported.
    private mutating func afterSlash(
        _ base: UnsafePointer<UInt8>, from: Int, end: Int, origin: Int64, _ handle: Handler
    ) -> Int? {
        var index = from
        while index < end && base[index] == UInt8(ascii: " ") { index += 1 }
        guard index < end else { return nil }
        if startsRecord(base, at: index, end: end) { return index }
        let shown = String(
            decoding: UnsafeBufferPointer(start: base + index, count: min(40, end - index)), as: UTF8.self)
        handle(.problem(BAI2Diagnostics.strayText(shown, at: lineLocation(origin + Int64(index)))), record)
        return nil
    }

    // TODO: each physical record's content is copied into the record's buffer even when the whole record sits
    // in one chunk; reading it in place would save a copy (the reader runs at about 75 MB/s of CPU time, 500 MB/s
    // is the goal, and building the canonical records costs more than scanning).
    private mutating func addField(_ base: UnsafePointer<UInt8>, from: Int, end: Int, origin: Int64, shift: Int) {
        let byteOffset = origin + Int64(from)
        record.fields.append(
            BAI2LogicalRecord.Field(
                start: Int32(from + shift), count: Int32(end - from), column: Int32(byteOffset - lineStart + 1),
                line: line, byteOffset: byteOffset, recordIndex: recordCount))
        if record.code == 16 { placeText(base, from: from, count: end - from) }
    }

    /// Works out where a 16's text starts once its funds type (field 3) is known: S adds three fields, V two,
    /// D one plus two per distribution.
    private mutating func placeText(_ base: UnsafePointer<UInt8>, from: Int, count: Int) {
        switch record.fields.count {
        case 3:
            let extra = count == 1 ? BAI2Funds.extraFields(code: base[from]) ?? 0 : 0
            if count == 1 && (base[from] == UInt8(ascii: "D") || base[from] == UInt8(ascii: "d")) {
                record.awaitingDistributions = true
            } else {
                record.textField = 5 + extra
            }
        case 4 where record.awaitingDistributions:
            record.awaitingDistributions = false
            let distributions = BAI2Number.digits(UnsafeBufferPointer(start: base + from, count: count)) ?? 0
            record.textField = 5 + 1 + 2 * min(distributions, 1000)
        default:
            break
        }
    }

    /// Adds one text segment: a physical record's text without the `/` and blanks that close it.
    private mutating func appendText(
        _ base: UnsafePointer<UInt8>, from: Int, end: Int, origin: Int64, _ handle: Handler
    ) {
        var last = end
        if last > from && base[last - 1] == UInt8(ascii: "/") {
            last -= 1
            // `,/` closes a record with an empty last field, so that comma is a delimiter, not text.
            if last > from && base[last - 1] == UInt8(ascii: ",") { last -= 1 }
            while last > from && base[last - 1] == UInt8(ascii: " ") { last -= 1 }
        }
        record.textSegments += 1
        guard last > from else { return }
        if record.bytes.count + record.text.count + (last - from) + 1 > Self.maximumRecordLength {
            truncate(at: origin + Int64(from), handle)
            return
        }
        if !record.text.isEmpty { record.text.append(UInt8(ascii: " ")) }
        record.text.append(contentsOf: UnsafeBufferPointer(start: base + from, count: last - from))
    }

    private mutating func truncate(at byteOffset: Int64, _ handle: Handler) {
        guard !record.truncated else { return }
        record.truncated = true
        handle(
            .problem(BAI2Diagnostics.recordTooLong(at: lineLocation(byteOffset), limit: Self.maximumRecordLength)),
            record)
    }
}
