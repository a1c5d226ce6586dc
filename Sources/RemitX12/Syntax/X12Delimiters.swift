/// The delimiters of one interchange, as its ISA header declares them.
///
/// Every interchange in a file may use its own set, so they are read again at each ISA.
public struct X12Delimiters: Sendable, Hashable {
    /// Separates the elements of a segment; the byte right after `ISA`.
    public var element: UInt8
    /// Separates the components of a composite element; ISA16.
    public var component: UInt8
    /// Separates repeated values of an element; ISA11 from version 00402 on, when it is not a letter or digit.
    public var repetition: UInt8?
    /// The segment terminator's bytes: usually one byte, or a whole UTF-8 character such as U+2026 (E2 80 A6).
    public var terminator: [UInt8]

    public init(element: UInt8, component: UInt8, repetition: UInt8?, terminator: [UInt8]) {
        precondition((1...4).contains(terminator.count), "a terminator has one to four bytes")
        self.element = element
        self.component = component
        self.repetition = repetition
        self.terminator = terminator
    }

    /// The delimiters most files use: `*`, `:`, no repetition separator, `~`.
    public static let common = X12Delimiters(
        element: UInt8(ascii: "*"), component: UInt8(ascii: ":"), repetition: nil, terminator: [UInt8(ascii: "~")])

    /// The terminator packed for the tokenizer: first byte, length, and the remaining bytes.
    var packedTerminator: PackedTerminator {
        var rest: UInt32 = 0
        for (shift, byte) in terminator.dropFirst().enumerated() { rest |= UInt32(byte) << (8 * UInt32(shift)) }
        return PackedTerminator(first: terminator[0], count: terminator.count, rest: rest)
    }
}

/// A segment terminator in a form the tokenizer can test without touching an array.
struct PackedTerminator: Hashable {
    var first: UInt8
    var count: Int
    /// Bytes 2...count, little end first.
    var rest: UInt32

    /// Whether the terminator starts at `position`; `nil` when the buffer ends before that can be decided.
    @inline(__always)
    func matches(_ base: UnsafePointer<UInt8>, at position: Int, end: Int) -> Bool? {
        if count == 1 { return true }
        if position + count > end {
            // Decide on the bytes that are there: a mismatch is a mismatch whatever follows.
            for offset in 1..<count where position + offset < end {
                if base[position + offset] != UInt8(truncatingIfNeeded: rest >> (8 * UInt32(offset - 1))) {
                    return false
                }
            }
            return nil
        }
        for offset in 1..<count
        where base[position + offset] != UInt8(truncatingIfNeeded: rest >> (8 * UInt32(offset - 1))) {
            return false
        }
        return true
    }

    /// How many bytes the terminator starting at `position` takes: 0 when none starts there, nil when the
    /// buffer ends before that can be decided.
    ///
    /// - Parameter acrossLineBreaks: a line break (up to two CR or LF bytes, as a hard wrap puts in) may sit
    ///   between two bytes of a terminator of several bytes; it is then counted in the length.
    @inline(__always)
    func length(_ base: UnsafePointer<UInt8>, at position: Int, end: Int, acrossLineBreaks: Bool) -> Int? {
        if count == 1 { return 1 }
        guard acrossLineBreaks else {
            guard let matched = matches(base, at: position, end: end) else { return nil }
            return matched ? count : 0
        }
        var index = position + 1
        for offset in 1..<count {
            var skipped = 0
            while index < end && skipped < 2 && (base[index] == UInt8(ascii: "\n") || base[index] == UInt8(ascii: "\r"))
            {
                index += 1
                skipped += 1
            }
            guard index < end else { return nil }
            if base[index] != UInt8(truncatingIfNeeded: rest >> (8 * UInt32(offset - 1))) { return 0 }
            index += 1
        }
        return index - position
    }
}
