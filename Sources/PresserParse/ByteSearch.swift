/// Substring search on UTF-8 bytes: exact, with no Unicode equivalence, and much faster than
/// `String.contains(_:)` from the string-processing library, which works on Characters.
extension Substring {
    /// The first occurrence of `needle`, compared byte by byte on UTF-8.
    func firstByteRange(of needle: String) -> Range<String.Index>? {
        let n = Array(needle.utf8)
        guard let first = n.first else { return nil }
        let h = utf8
        var i = h.startIndex
        while i < h.endIndex {
            if h[i] == first {
                var j = i
                var k = 0
                while k < n.count, j < h.endIndex, h[j] == n[k] {
                    j = h.index(after: j)
                    k += 1
                }
                if k == n.count { return i..<j }
            }
            i = h.index(after: i)
        }
        return nil
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
            guard let first = n.first else { return true }
            let found = utf8.withContiguousStorageIfAvailable { h in Self.search(h, n, first) }
            return found ?? Self.search(Array(utf8)[...], n, first)
        }
    }

    private static func search<H: Collection>(_ h: H, _ n: UnsafeBufferPointer<UInt8>, _ first: UInt8) -> Bool
    where H.Element == UInt8, H.Index == Int {
        guard h.count >= n.count else { return false }
        var i = h.startIndex
        let last = h.endIndex - n.count
        while i <= last {
            if h[i] == first {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
