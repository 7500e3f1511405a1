/// A set of short words looked up by their UTF-8 bytes, without making a `String` or hashing one:
/// words of up to 16 bytes are packed into two integers and found in a small open-addressed table.
/// Built for the lookups made on every word of a text ("is it a stop word?", "is it a number
/// word?"), where hashing a `String` per word was a tenth of the analysis. Bytes are compared
/// exactly (no Unicode equivalence).
public struct PackedWords: Sendable {
    /// Two integers per slot (the bytes 0–7 and 8–15, little-endian); a first integer of zero
    /// marks an empty slot (no word starts with a zero byte).
    private var slots: [UInt64]
    private let mask: Int
    /// Words longer than 16 bytes, looked up the slow way.
    private let long: Set<[UInt8]>

    public init(_ words: some Sequence<String>) {
        let all = Set(words.map { Array($0.utf8) }.filter { !$0.isEmpty })
        var size = 16
        while size < all.count * 4 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size * 2)
        mask = size - 1
        long = all.filter { $0.count > 16 }
        for word in all where word.count <= 16 {
            let (lo, hi) = word.withUnsafeBufferPointer { Self.pack($0) }
            var slot = Self.hash(lo, hi) & mask
            while slots[slot * 2] != 0 { slot = (slot + 1) & mask }
            slots[slot * 2] = lo
            slots[slot * 2 + 1] = hi
        }
    }

    public func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return false }
        guard word.count <= 16 else { return long.contains(Array(word)) }
        let (lo, hi) = Self.pack(word)
        var slot = Self.hash(lo, hi) & mask
        while true {
            let found = slots[slot * 2]
            if found == 0 { return false }
            if found == lo && slots[slot * 2 + 1] == hi { return true }
            slot = (slot + 1) & mask
        }
    }

    public func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }

    @inline(__always) private static func pack(_ word: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        for (i, b) in word.enumerated() {
            if i < 8 { lo |= UInt64(b) << (8 * UInt64(i)) } else { hi |= UInt64(b) << (8 * UInt64(i - 8)) }
        }
        return (lo, hi)
    }

    @inline(__always) private static func hash(_ lo: UInt64, _ hi: UInt64) -> Int {
        let h = (lo &* 0x9E37_79B9_7F4A_7C15) ^ (hi &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h >> 32)
    }
}
