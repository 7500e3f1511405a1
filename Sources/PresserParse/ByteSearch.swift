import PresserCore

/// Substring search on UTF-8 bytes: exact, with no Unicode equivalence, and much faster than
/// `String.contains(_:)` from the string-processing library, which works on Characters.
extension Substring {
    /// The first occurrence of `needle`, compared byte by byte on UTF-8.
    func firstByteRange(of needle: String) -> Range<String.Index>? {
        let n = Array(needle.utf8)
        let h = utf8
        let offset: Int? =
            if let found = h.withContiguousStorageIfAvailable({ bytes in
                n.withUnsafeBufferPointer { ByteSearch.find($0, in: bytes) }
            }) {
                found
            } else {
                ByteSearch.find(n, in: Array(h))
            }
        guard let offset else { return nil }
        let start = h.index(h.startIndex, offsetBy: offset)
        return start..<h.index(start, offsetBy: n.count)
    }
}

extension StringProtocol {
    /// The number of words: runs of bytes between spaces (the same count as
    /// `split(separator: " ").count`, without making the pieces).
    var spaceSeparatedWordCount: Int {
        func count<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
            var count = 0
            var inWord = false
            for byte in bytes {
                if byte == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
            }
            return count
        }
        return utf8.withContiguousStorageIfAvailable(count) ?? count(utf8)
    }

    func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard !n.isEmpty else { return true }
            if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.find(n, in: $0) != nil }) { return found }
            return Array(utf8).withUnsafeBufferPointer { ByteSearch.find(n, in: $0) != nil }
        }
    }
}
