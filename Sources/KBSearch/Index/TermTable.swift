/// Byte strings interned to dense `Int32` ids: an arena of bytes, an offset per
/// id, and an open-addressing hash table (linear probing, load ≤ 1/2).
///
/// The builder uses one while it reads documents; the finished index keeps the
/// terms in sorted order, so ids order like the terms' bytes.
///
/// - Complexity: lookup and insertion O(*k*) expected for a key of *k* bytes.
struct TermTable: Sendable {
    private(set) var bytes: ContiguousArray<UInt8> = []
    private(set) var offsets: ContiguousArray<UInt32> = [0]
    private(set) var slots: ContiguousArray<Int32>

    /// Creates an empty table sized for about `capacity` keys.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = ContiguousArray(repeating: -1, count: size)
    }

    /// Number of keys.
    var count: Int { offsets.count - 1 }

    /// Bytes of memory held.
    var byteSize: Int { bytes.capacity + offsets.capacity * 4 + slots.capacity * 4 }

    /// The id of `key`, if present.
    func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                if equals(id, key) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The id of a string key, if present.
    func id(of key: String) -> Int32? {
        var key = key
        return key.withUTF8 { id(of: $0) }
    }

    /// Inserts `key` if absent; returns its id and whether it was new.
    @inline(__always)
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        if count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                if equals(id, key) { return id }
                slot = (slot + 1) & mask
            }
        }
        if let found { return (found, false) }
        let id = Int32(count)
        slots[slot] = id
        bytes.append(contentsOf: key)
        offsets.append(UInt32(bytes.count))
        return (id, true)
    }

    /// Inserts a string key.
    @discardableResult
    mutating func insert(_ key: String) -> (id: Int32, isNew: Bool) {
        var key = key
        return key.withUTF8 { insert($0) }
    }

    /// Calls `body` with the bytes of the key `id`.
    @inline(__always)
    func withKey<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let lower = Int(offsets[Int(id)]), upper = Int(offsets[Int(id) + 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[lower..<upper])) }
    }

    /// The key `id` as a string.
    func string(_ id: Int32) -> String {
        withKey(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Length in bytes of the key `id`.
    func length(_ id: Int32) -> Int {
        Int(offsets[Int(id) + 1] - offsets[Int(id)])
    }

    /// The ids of the keys that start with `prefix`, for a table whose ids
    /// follow the keys' byte order.
    ///
    /// - Complexity: O(*k* log *n*).
    func range(withPrefix prefix: UnsafeBufferPointer<UInt8>) -> Range<Int32> {
        func firstID(where predicate: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int32 {
            var low: Int32 = 0, high = Int32(count)
            while low < high {
                let mid = (low + high) >> 1
                if withKey(mid, predicate) { high = mid } else { low = mid + 1 }
            }
            return low
        }
        let lower = firstID { Self.compare($0, prefix) >= 0 }
        let upper = firstID { key in
            Self.compare(key, prefix) >= 0 && !(key.count >= prefix.count && key.starts(with: prefix))
        }
        return lower..<max(lower, upper)
    }

    @inline(__always)
    private func equals(_ id: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        offsets.withUnsafeBufferPointer { offsets in
            let lower = Int(offsets[Int(id)]), upper = Int(offsets[Int(id) + 1])
            guard upper - lower == key.count else { return false }
            guard let keyBase = key.baseAddress else { return true }
            return bytes.withUnsafeBufferPointer { Self.equalBytes($0.baseAddress! + lower, keyBase, count: key.count) }
        }
    }

    private mutating func grow() {
        var larger = ContiguousArray<Int32>(repeating: -1, count: slots.count * 2)
        let mask = larger.count - 1
        for id in 0..<Int32(count) {
            var slot = Int(truncatingIfNeeded: withKey(id) { Self.hash($0) }) & mask
            while larger[slot] >= 0 { slot = (slot + 1) & mask }
            larger[slot] = id
        }
        slots = larger
    }

    /// A multiply-xorshift hash over 8-byte words; short keys are read as
    /// overlapping 4-byte or single-byte loads, never past their end.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = key.count
        var h = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        guard count > 0, let base = key.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var word: UInt64
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
            word = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            word = UInt64(raw.loadUnaligned(as: UInt32.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
        } else {
            word = UInt64(base[0]) | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1]) << 16
        }
        h = (h ^ word) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    /// Whether two byte strings of the same length are equal, 8 bytes at a
    /// time; the tail is read as overlapping words, never past the end.
    @inline(__always)
    static func equalBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        if count >= 8 {
            var k = 0
            while k + 8 < count {
                if ra.loadUnaligned(fromByteOffset: k, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                    return false
                }
                k += 8
            }
            return ra.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                == rb.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return ra.loadUnaligned(as: UInt32.self) == rb.loadUnaligned(as: UInt32.self)
                && ra.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                == rb.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        for k in 0..<count where a[k] != b[k] { return false }
        return true
    }

    /// Byte-wise comparison: negative, zero or positive.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        for k in 0..<n where a[k] != b[k] { return Int(a[k]) - Int(b[k]) }
        return a.count - b.count
    }
}
