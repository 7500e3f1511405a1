/// A word's UTF-8 bytes packed into two integers, for `PackedTable` and `PackedWords` lookups: a
/// word looked up in several tables is packed once. Only words of up to 16 bytes have a key.
public struct PackedKey: Sendable, Equatable {
    /// The bytes 0–7 and 8–15, little-endian; zero past the word's end.
    public let lo: UInt64
    public let hi: UInt64

    /// The key of `word`, or nil when it is empty or longer than 16 bytes; with `foldingCase`,
    /// ASCII capitals are packed as lower case.
    @inlinable public init?(_ word: UnsafeBufferPointer<UInt8>, foldingCase: Bool = false) {
        guard !word.isEmpty, word.count <= 16 else { return nil }
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        for i in 0..<word.count {
            var b = word[i]
            if foldingCase, b >= 0x41, b <= 0x5A { b |= 0x20 }
            if i < 8 { lo |= UInt64(b) << (8 * UInt64(i)) } else { hi |= UInt64(b) << (8 * UInt64(i - 8)) }
        }
        self.lo = lo
        self.hi = hi
    }

    /// The key of a word packed by its reader: bytes 0–7 in `lo`, 8–15 in `hi`, little-endian,
    /// zero past the word's end.
    @inlinable public init(lo: UInt64, hi: UInt64) {
        self.lo = lo
        self.hi = hi
    }

    /// The key of `word`'s UTF-8 bytes.
    @inlinable public init?(_ word: String) {
        let key =
            word.utf8.withContiguousStorageIfAvailable { PackedKey($0) }
            ?? Array(word.utf8).withUnsafeBufferPointer { PackedKey($0) }
        guard let key else { return nil }
        self = key
    }

    /// Where the key starts looking in a table of `mask + 1` slots.
    @inlinable public var hash: Int { Self.hash(lo, hi) }

    /// The same from the two integers, as a table keeps them.
    @inlinable public static func hash(_ lo: UInt64, _ hi: UInt64) -> Int {
        let h = (lo &* 0x9E37_79B9_7F4A_7C15) ^ (hi &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h >> 32)
    }
}
