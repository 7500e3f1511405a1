/// Finding a phrase in text byte for byte on UTF-8: exact (no Unicode equivalence) and many times
/// faster than Foundation's `range(of:)` or the Character-based `contains` (the answer cues, once
/// searched with `range(of:)`, took 40% of the analysis).
public enum ByteSearch {
    /// The offset of the first place `needle` occurs in `haystack`; nil when it does not, or when
    /// `needle` is empty.
    public static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let head = needle.first, needle.count <= haystack.count, let base = haystack.baseAddress else {
            return nil
        }
        let last = haystack.count - needle.count
        // Eight places at a time: the places where the needle's first two bytes stand (its first
        // byte alone when it has one) are found together in a word, and only those are compared
        // further (byte after byte, searches took 0.15 ms a briefing of parsing, now 0.03).
        let second = needle.count > 1 ? needle[1] : nil
        let heads = UInt64(head) &* 0x0101_0101_0101_0101
        let seconds = UInt64(second ?? 0) &* 0x0101_0101_0101_0101
        var i = 0
        while i + 9 <= haystack.count, i <= last {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            var places = zeroBytes(word ^ heads)
            if second != nil {
                let next = UInt64(littleEndian: UnsafeRawPointer(base + i + 1).loadUnaligned(as: UInt64.self))
                places &= zeroBytes(next ^ seconds)
            }
            while places != 0 {
                let start = i + places.trailingZeroBitCount / 8
                guard start <= last else { return nil }
                var j = 1
                while j < needle.count, haystack[start + j] == needle[j] { j += 1 }
                if j == needle.count { return start }
                places &= places - 1
            }
            i += 8
        }
        while i <= last {
            if haystack[i] == head {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// 0x80 in each byte of `word` that is an ASCII letter (A–Z, a–z), 0 in the others: below 0x80,
    /// and 0x61–0x7A once 0x20 is set (the high bits cleared first, so no carry crosses a byte).
    @inline(__always) public static func asciiLetters(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low = (word | (0x20 &* ones)) & ~highs
        let atLeastA = low &+ ((0x80 - 0x61) &* ones)
        let pastZ = low &+ ((0x80 - 0x7B) &* ones)
        return atLeastA & ~pastZ & ~word & highs
    }

    /// 0x80 in each byte of `word` that is zero, 0 in the others (exact: no borrow runs from one
    /// byte into the next).
    @inline(__always) public static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    public static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        needle.withUnsafeBufferPointer { n in haystack.withUnsafeBufferPointer { find(n, in: $0) } }
    }

    /// Several lower-case ASCII phrases looked for at once, in one pass over the text, ASCII
    /// letters of either case matching: at each byte only the phrases starting with it are tried.
    public struct Phrases: Sendable {
        public let phrases: [[UInt8]]
        /// Every phrase's bytes, one after another: phrase `i` is `bytes[starts[i]..<starts[i + 1]]`.
        /// Flat arrays, read through buffer pointers, rather than an array of arrays, whose inner
        /// arrays were retained and released at every byte of the text (the searches took 2.7% of
        /// the analysis).
        private let bytes: [UInt8]
        private let starts: [Int]
        /// The phrases' indexes grouped by first byte: those starting with byte `b` are
        /// `byHead[headStarts[b]..<headStarts[b + 1]]`, in the order given.
        private let byHead: [Int]
        private let headStarts: [Int]
        /// A bit for each pair of (folded) bytes some phrase starts with, every pair for a one-byte
        /// phrase: most places in a text start no phrase, and one bit says so.
        private let pairs: [UInt64]

        public init(_ phrases: [String]) {
            self.phrases = phrases.map { Array($0.utf8) }
            bytes = self.phrases.flatMap { $0 }
            starts = self.phrases.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
            var grouped = [[Int]](repeating: [], count: 256)
            for (i, p) in self.phrases.enumerated() {
                guard let head = p.first else { continue }
                grouped[Int(head)].append(i)
            }
            byHead = grouped.flatMap { $0 }
            headStarts = grouped.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
            var pairs = [UInt64](repeating: 0, count: 65536 / 64)
            for p in self.phrases where !p.isEmpty {
                for second in p.count > 1 ? p[1]...p[1] : 0...255 {
                    let pair = Int(p[0]) << 8 | Int(second)
                    pairs[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
            self.pairs = pairs
        }

        /// Calls `body` with the phrase indexes that match `text` at each offset, in order of
        /// offset and, at one offset, in the order given; `body` returns false to stop.
        private func matches(in text: UnsafeBufferPointer<UInt8>, _ body: (_ phrase: Int, _ offset: Int) -> Bool) {
            bytes.withUnsafeBufferPointer { bytes in
                starts.withUnsafeBufferPointer { starts in
                    byHead.withUnsafeBufferPointer { byHead in
                        headStarts.withUnsafeBufferPointer { headStarts in
                            pairs.withUnsafeBufferPointer { pairs in
                                // Each byte folded once: the second of one pair is the first of the next.
                                var next = text.isEmpty ? 0 : Int(fold(text[0]))
                                for i in 0..<text.count {
                                    let head = next
                                    if i + 1 < text.count {
                                        next = Int(fold(text[i + 1]))
                                        let pair = head << 8 | next
                                        guard pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                                    }
                                    for k in headStarts[head]..<headStarts[head + 1] {
                                        let index = byHead[k]
                                        let (from, to) = (starts[index], starts[index + 1])
                                        guard i + to - from <= text.count else { continue }
                                        var j = 1
                                        while from + j < to, fold(text[i + j]) == bytes[from + j] { j += 1 }
                                        if from + j == to, !body(index, i) { return }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        /// Where each phrase first occurs in `text` (nil where it does not), in one pass.
        public func firstOffsets(in text: [UInt8]) -> [Int?] {
            var found = [Int?](repeating: nil, count: phrases.count)
            var left = phrases.count
            text.withUnsafeBufferPointer { h in
                matches(in: h) { index, offset in
                    if found[index] == nil {
                        found[index] = offset
                        left -= 1
                    }
                    return left > 0
                }
            }
            return found
        }

        /// The first phrase found in `text` (the earliest occurrence), as its index in `phrases`.
        public func firstIgnoringASCIICase(in text: String) -> Int? {
            var text = text
            return text.withUTF8 { firstIgnoringASCIICase(in: $0) }
        }

        /// The same in bytes.
        public func firstIgnoringASCIICase(in h: UnsafeBufferPointer<UInt8>) -> Int? {
            firstMatch(in: h)?.phrase
        }

        /// Where the earliest occurrence of any phrase begins in `text`, as a byte offset.
        public func firstOffsetIgnoringASCIICase(in h: UnsafeBufferPointer<UInt8>) -> Int? {
            firstMatch(in: h)?.offset
        }

        /// The earliest occurrence of any phrase: which (the first given, of several there) and where.
        private func firstMatch(in h: UnsafeBufferPointer<UInt8>) -> (phrase: Int, offset: Int)? {
            var first: (phrase: Int, offset: Int)?
            matches(in: h) { index, offset in
                first = (index, offset)
                return false
            }
            return first
        }
    }

    @inline(__always) public static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte on UTF-8 (no Unicode
    /// equivalence): Foundation's `contains(_:)`, which a `String` argument calls, searches through
    /// `range(of:)` with the text's Characters.
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard !n.isEmpty else { return true }
            if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.find(n, in: $0) != nil }) { return found }
            return Array(utf8).withUnsafeBufferPointer { ByteSearch.find(n, in: $0) != nil }
        }
    }
}
