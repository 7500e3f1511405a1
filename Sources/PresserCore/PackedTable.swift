/// Short words mapped to values, looked up by their UTF-8 bytes without making a `String` or
/// hashing one: words of up to 16 bytes are packed into two integers (`PackedKey`) and found in a
/// small open-addressed table. Built for the lookups made on every word of a text ("is it a
/// month?", "which number word is it?"), where hashing a `String` per word was a tenth of the
/// analysis. Bytes are compared exactly (no Unicode equivalence). The lookups are inlinable so
/// that other modules get them specialised for their values.
public struct PackedTable<Value: Sendable>: Sendable {
    /// Two integers per slot (the key's `lo` and `hi`); a first integer of zero marks an empty
    /// slot (no word starts with a zero byte).
    @usableFromInline var slots: [UInt64]
    /// Per slot, the index of its value in `values`.
    @usableFromInline var indexes: [Int32]
    @usableFromInline var values: [Value]
    @usableFromInline let mask: Int
    /// Words longer than 16 bytes, looked up the slow way.
    @usableFromInline let long: [[UInt8]: Value]

    public init(_ entries: [String: Value]) {
        var byBytes: [[UInt8]: Value] = [:]
        for (word, value) in entries where !word.isEmpty { byBytes[Array(word.utf8)] = value }
        var size = 16
        while size < byBytes.count * 4 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size * 2)
        indexes = [Int32](repeating: 0, count: size)
        values = []
        mask = size - 1
        long = byBytes.filter { $0.key.count > 16 }
        for (word, value) in byBytes {
            guard let key = word.withUnsafeBufferPointer({ PackedKey($0) }) else { continue }
            var slot = key.hash & mask
            while slots[slot * 2] != 0 { slot = (slot + 1) & mask }
            slots[slot * 2] = key.lo
            slots[slot * 2 + 1] = key.hi
            indexes[slot] = Int32(values.count)
            values.append(value)
        }
    }

    /// The value of the word packed in `key`.
    @inlinable public subscript(key key: PackedKey) -> Value? {
        var slot = key.hash & mask
        while true {
            let found = slots[slot * 2]
            if found == 0 { return nil }
            if found == key.lo && slots[slot * 2 + 1] == key.hi { return values[Int(indexes[slot])] }
            slot = (slot + 1) & mask
        }
    }

    /// The value of `word`; with `foldingCase`, ASCII capitals in `word` are read as lower case.
    @inlinable public func value(of word: UnsafeBufferPointer<UInt8>, foldingCase: Bool = false) -> Value? {
        if let key = PackedKey(word, foldingCase: foldingCase) { return self[key: key] }
        guard word.count > 16, !long.isEmpty else { return nil }
        return long[foldingCase ? word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } : Array(word)]
    }

    /// The value of `word`, looked up by its UTF-8 bytes.
    @inlinable public subscript(_ word: String) -> Value? {
        word.utf8.withContiguousStorageIfAvailable { value(of: $0) }
            ?? Array(word.utf8).withUnsafeBufferPointer { value(of: $0) }
    }
}
