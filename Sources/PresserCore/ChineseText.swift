/// Telling Chinese text from the rest fast, on UTF-8 bytes (Unicode property lookups per
/// character cost more than the whole parse).
public enum ChineseText {
    /// Chinese characters (U+4000–U+9FFF, the lead bytes E4–E9) make up at least `share` of the
    /// letters among the first `limit` bytes, and there are at least `minimum` of them.
    public static func isMostlyChinese(_ text: String, share: Double = 1.0 / 3, minimum: Int = 1, limit: Int = 12_000)
        -> Bool
    {
        func count(_ bytes: some Sequence<UInt8>) -> (han: Int, latin: Int) {
            var han = 0
            var latin = 0
            for byte in bytes {
                switch byte {
                case 0xE4...0xE9: han += 1
                case 0x41...0x5A, 0x61...0x7A: latin += 1
                default: break
                }
            }
            return (han, latin)
        }
        // Most text has no Chinese at all: one quick pass for a lead byte (E4–E9) first.
        let anyHan =
            text.utf8.withContiguousStorageIfAvailable { $0.prefix(limit).contains { $0 &- 0xE4 < 6 } }
            ?? text.utf8.prefix(limit).contains { $0 &- 0xE4 < 6 }
        if !anyHan, minimum > 0 { return false }
        let (han, latin) =
            text.utf8.withContiguousStorageIfAvailable { count($0.prefix(limit)) } ?? count(text.utf8.prefix(limit))
        // A Latin word of about five letters counts as one letter against one character.
        let letters = Double(han) + Double(latin) / 5
        return han >= minimum && Double(han) >= share * letters
    }
}
