/// Finding phrases in text as UTF-8 bytes: many times faster than Foundation's `range(of:)`, which
/// took 40% of the analysis when the answer cues were searched with it.
enum ByteSearch {
    /// The first place `needle` occurs in `haystack`, byte for byte.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let head = needle.first, needle.count <= haystack.count else { return nil }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == head {
                        var j = 1
                        while j < n.count, h[i + j] == n[j] { j += 1 }
                        if j == n.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}
