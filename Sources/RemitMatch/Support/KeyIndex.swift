/// Export indices grouped under text keys, each group in ascending order, held in flat arrays.
///
/// A million invoice numbers cost one table slot and one key per distinct key and four bytes per member,
/// instead of a dictionary entry and an array (and its heap block) per key. Keys are hashed with
/// `TextHash`, whose seed is drawn per index, and compared in full only when 32 bits of the hash agree.
struct KeyIndex {
    /// Open addressing, at most half full: in each used slot the hash's high 32 bits and the group number + 1
    /// in the low 32; 0 in a free slot. The count is a power of two.
    private var table: [UInt64] = [0]
    private var keys: [String] = []
    /// Group `g`'s members are `members[starts[g]..<starts[g + 1]]`.
    private var starts: [Int32] = [0]
    private var members: [Int32] = []
    private var seed: UInt64 = 0

    /// The members filed under `key`, ascending; empty when there are none.
    func members(of key: String) -> ArraySlice<Int32> {
        guard !keys.isEmpty, let group = find(key, hash: TextHash.hash(key, seed: seed)).group else { return [] }
        return members[Int(starts[group])..<Int(starts[group + 1])]
    }

    /// The members filed under `key` as `Int`s, ascending.
    func indices(of key: String) -> [Int] {
        members(of: key).map(Int.init)
    }

    /// The group filed under `key`, or the free slot where it would go.
    private func find(_ key: String, hash: UInt64) -> (group: Int?, slot: Int) {
        let mask = table.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = table[slot]
            if entry == 0 { return (nil, slot) }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let group = Int(entry & 0xFFFF_FFFF) - 1
                if keys[group] == key { return (group, slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Collects entries in one pass (each group a chain through the entries) and lays them out flat at the end.
    struct Builder {
        private var index = KeyIndex()
        private var hashes: [UInt64] = []
        private var heads: [Int32] = []
        private var tails: [Int32] = []
        private var entries: [Int32] = []
        private var next: [Int32] = []

        init(expectedEntries: Int = 0) {
            index.seed = UInt64.random(in: .min ... .max)
            var slots = 16
            while slots < expectedEntries * 2 { slots *= 2 }
            index.table = Array(repeating: 0, count: slots)
            entries.reserveCapacity(expectedEntries)
            next.reserveCapacity(expectedEntries)
        }

        /// Files `member` under `key`. Members must be added in ascending order, each at most once per key.
        mutating func add(_ key: String, _ member: Int) {
            let entry = Int32(entries.count)
            entries.append(Int32(member))
            next.append(-1)
            let hash = TextHash.hash(key, seed: index.seed)
            let found = index.find(key, hash: hash)
            if let group = found.group {
                next[Int(tails[group])] = entry
                tails[group] = entry
                return
            }
            index.table[found.slot] = KeyIndex.entry(hash: hash, group: index.keys.count)
            hashes.append(hash)
            index.keys.append(key)
            heads.append(entry)
            tails.append(entry)
            if index.keys.count * 2 > index.table.count { grow() }
        }

        /// Doubles the table, keeping it at most half full.
        private mutating func grow() {
            var table = [UInt64](repeating: 0, count: index.table.count * 2)
            let mask = table.count - 1
            for (group, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot] != 0 { slot = (slot + 1) & mask }
                table[slot] = KeyIndex.entry(hash: hash, group: group)
            }
            index.table = table
        }

        consuming func finish() -> KeyIndex {
            var index = self.index
            index.members.reserveCapacity(entries.count)
            index.starts.reserveCapacity(heads.count + 1)
            for head in heads {
                var entry = head
                while entry >= 0 {
                    index.members.append(entries[Int(entry)])
                    entry = next[Int(entry)]
                }
                index.starts.append(Int32(index.members.count))
            }
            return index
        }
    }

    private static func entry(hash: UInt64, group: Int) -> UInt64 {
        (hash & 0xFFFF_FFFF_0000_0000) | UInt64(group + 1)
    }
}

/// A fast 64-bit hash of a text's UTF-8 bytes, eight at a time, for `KeyIndex`.
enum TextHash {
    static func hash(_ text: String, seed: UInt64) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var hash = mix(seed ^ UInt64(bytes.count))
            var offset = 0
            if let base = bytes.baseAddress {
                while offset + 8 <= bytes.count {
                    hash = mix(hash ^ UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                    offset += 8
                }
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            return mix(hash ^ tail)
        }
    }

    /// A 64-bit finalizer: every input bit moves about half the output bits.
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 31
        value = value &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 29)
    }
}
