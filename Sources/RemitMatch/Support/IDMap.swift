/// A dictionary keyed by record ids that answers "not here" cheaply, for maps only some lines are in.
///
/// Ids such as `3f9a…:line:123456` are too long to be stored inline, so every probe of a Swift dictionary
/// compares against another heap string. A bit per hash, checked first, settles most lookups of ids that
/// are not in the map without probing it.
struct IDMap<Value> {
    private var values: [String: Value] = [:]
    private var bits = [UInt64](repeating: 0, count: 16)

    var isEmpty: Bool { values.isEmpty }

    /// The values, in no particular order.
    var allValues: Dictionary<String, Value>.Values { values.values }

    /// The hash `contains(_:hash:)` takes: one per key serves every `IDMap`.
    static func hash(_ key: String) -> UInt64 { TextHash.hash(key, seed: 0) }

    /// Whether `key`, whose `IDMap.hash` is `hash`, is in the map.
    func contains(_ key: String, hash: UInt64) -> Bool {
        mayContain(hash: hash) && values[key] != nil
    }

    subscript(key: String) -> Value? {
        get { mayContain(key) ? values[key] : nil }
        set {
            if newValue != nil { mark(key) }
            values[key] = newValue
        }
    }

    subscript(key: String, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        _modify {
            mark(key)
            yield &values[key, default: defaultValue()]
        }
    }

    private func bit(_ key: String, count: Int) -> Int {
        Int(truncatingIfNeeded: IDMap.hash(key)) & (count * 64 - 1)
    }

    private func mayContain(_ key: String) -> Bool {
        mayContain(hash: IDMap.hash(key))
    }

    private func mayContain(hash: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: hash) & (bits.count * 64 - 1)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    private mutating func mark(_ key: String) {
        // Kept at 16 bits or more per key, so few absent keys pass.
        if (values.count + 1) * 16 > bits.count * 64 {
            bits = [UInt64](repeating: 0, count: bits.count * 4)
            for known in values.keys { set(bit(known, count: bits.count)) }
        }
        set(bit(key, count: bits.count))
    }

    private mutating func set(_ bit: Int) {
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }
}
