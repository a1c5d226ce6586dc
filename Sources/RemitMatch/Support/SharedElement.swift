/// A value read from an array that many holders share, or a value held alone.
///
/// A `LineMatch` names its line and invoice this way: a million decisions then cost two references each
/// instead of a copy of each line and invoice (some 640 bytes). Equality and hashing compare the values.
struct SharedElement<Element: Hashable & Sendable>: Hashable, Sendable {
    private let elements: [Element]
    private let index: Int

    /// A value held alone.
    init(_ value: Element) {
        elements = [value]
        index = 0
    }

    /// The element at `index` of `elements`, which are kept (not copied) for as long as this value lives.
    init(_ elements: [Element], at index: Int) {
        precondition(elements.indices.contains(index), "shared element out of range")
        self.elements = elements
        self.index = index
    }

    /// The value, lent rather than copied: reading one field of a shared line costs what a stored one does.
    var value: Element {
        _read { yield elements[index] }
    }

    static func == (lhs: SharedElement, rhs: SharedElement) -> Bool { lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
