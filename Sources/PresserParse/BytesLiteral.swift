/// Pages saved by a scraper that wrote Python's `repr` of the bytes it fetched rather than the
/// bytes: a line `b'<div …>\n<p>\n\tPRESIDENT OBAMA:\xc2\xa0 Buenas tardes.…'` holding the whole
/// page, its line breaks and every non-ASCII character escaped. Read as it is, the page is one
/// line of text and the transcript one turn (eight White House pages of the bundled corpus,
/// from a public scraping repository, are saved this way). Such a line is read back into the bytes
/// it stands for, as UTF-8 (a line that starts with `b'` or `b"` and is one whole literal); the
/// rest of the file is left as it is.
enum BytesLiteral {
    /// The text with every bytes-literal line decoded, and how many there were; nil when there are
    /// none.
    static func unwrapped(_ text: String) -> (text: String, literals: Int)? {
        var text = text
        return text.withUTF8 { bytes -> (String, Int)? in
            guard mayHoldOne(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var literals = 0
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let decoded = decode(line) {
                    out += decoded
                    literals += 1
                } else {
                    out += line
                }
                if end < bytes.count { out.append(0x0A) }
                start = end + 1
            }
            guard literals > 0 else { return nil }
            return (String(decoding: out, as: UTF8.self), literals)
        }
    }

    /// A line that starts with `b'` or `b"`: the quick test every file goes through (one compare a
    /// byte but at each "b"), before the real one.
    private static func mayHoldOne(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        let b = UInt8(ascii: "b")
        for i in 0..<(bytes.count - 1) where bytes[i] == b {
            let next = bytes[i + 1]
            if next == UInt8(ascii: "'") || next == UInt8(ascii: "\""), i == 0 || bytes[i - 1] == 0x0A { return true }
        }
        return false
    }

    /// The bytes a whole line `b'…'` (or `b"…"`) stands for, or nil when the line is not one: it
    /// must open at its first byte and close with its quote (spaces may follow), and hold no
    /// unescaped quote of that kind, no byte outside printable ASCII, and at least one `\n` or `\x`
    /// escape (prose that happens to start with "b'" has none).
    static func decode(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var to = line.count
        while to > 0, line[to - 1] == 0x20 || line[to - 1] == 0x09 || line[to - 1] == 0x0D { to -= 1 }
        guard to >= 4, line[0] == UInt8(ascii: "b") else { return nil }
        let quote = line[1]
        guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\""), line[to - 1] == quote else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(to)
        var escapes = 0
        var i = 2
        let end = to - 1
        while i < end {
            let b = line[i]
            guard b >= 0x20, b < 0x7F, b != quote else { return nil }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < end else { return nil }
            let e = line[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"):
                out.append(0x0A)
                escapes += 1
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(e)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "x"):
                guard i + 1 < end, let high = hexValue(line[i]), let low = hexValue(line[i + 1]) else { return nil }
                out.append(high << 4 | low)
                escapes += 1
                i += 2
            default:
                // Python keeps an unknown escape as it is: backslash and letter.
                out += [UInt8(ascii: "\\"), e]
            }
        }
        return escapes > 0 ? out : nil
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
