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
}

extension StringProtocol {
    /// True when `lowercased()` of the text contains one of `phrases` (given in lower case), byte
    /// for byte. When lower-casing would change nothing but ASCII capitals, which is most text,
    /// the phrases are matched with ASCII letters of either case instead, without making the
    /// lower-cased copy (lower-casing for these searches was 0.2 ms a briefing).
    func lowercasedContainsAny(of phrases: ByteSearch.Phrases) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard lowerCasesAsASCII(bytes) else { return nil }
            return phrases.firstIgnoringASCIICase(in: bytes) != nil
        }
        if let found, let found { return found }
        let lower = Array(lowercased().utf8)
        return phrases.phrases.contains { ByteSearch.find($0, in: lower) != nil }
    }
}

/// True when lower-casing `bytes` (UTF-8) changes only ASCII capitals: no other character in them
/// has a lower case. General punctuation (U+2000–203F: curly quotes, dashes) is passed over
/// without decoding.
private func lowerCasesAsASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
            i += 1
            continue
        }
        if b == 0xE2, i + 1 < bytes.count, bytes[i + 1] == 0x80 {
            i += 3
            continue
        }
        let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        guard i + width <= bytes.count else { return false }
        var value = UInt32(b) & (0xFF >> (width + 1))
        for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        guard let scalar = Unicode.Scalar(value), !scalar.properties.changesWhenLowercased else { return false }
        i += width
    }
    return true
}
