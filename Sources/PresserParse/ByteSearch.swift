/// Substring search on UTF-8 bytes: exact, with no Unicode equivalence, and much faster than
/// `String.contains(_:)` from the string-processing library, which works on Characters.
extension StringProtocol {
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
