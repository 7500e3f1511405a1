import PresserCore

/// Cleans text line by line while keeping each line's number in the original file: line endings,
/// non-breaking and other odd spaces, zero-width characters, markdown escapes and strike-through
/// tags, curly apostrophes inside labels are left alone (they are part of what was printed).
enum TextNormalizer {
    /// Splits on LF, CRLF and CR, numbering lines from `firstLine`. Scans the text's bytes in
    /// place (with the lines cleaned: 0.26 → 0.04 ms a briefing).
    static func lines(_ text: String, firstLine: Int = 1, cleaning: Bool = true) -> [SourceLine] {
        var copy = text
        return copy.withUTF8 { u in
            var out: [SourceLine] = []
            var number = firstLine
            var start = 0
            func line(_ end: Int) -> String {
                let utf8 = text.utf8
                let raw = Substring(
                    utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
                return cleaning ? clean(raw) : String(raw)
            }
            var i = 0
            while i < u.count {
                let byte = u[i]
                if byte == 0x0A || byte == 0x0D {
                    out.append(SourceLine(text: line(i), number: number))
                    number += 1
                    var next = i + 1
                    if byte == 0x0D, next < u.count, u[next] == 0x0A { next += 1 }
                    start = next
                    i = next
                    continue
                }
                i += 1
            }
            if start < u.count { out.append(SourceLine(text: line(u.count), number: number)) }
            return out
        }
    }

    /// Normalises one line: odd spaces become spaces, invisible characters go, markdown leftovers
    /// (`\[`, `\]`, `\*`, `<s>`, `</s>`) are undone, and the line is trimmed at both ends.
    /// Works on UTF-8 bytes: the characters it looks for have fixed byte sequences.
    static func clean(_ line: Substring) -> String {
        // A line holding none of what is replaced needs only trimming. Curly quotes and accented
        // letters leave a line as it is, so only their lead bytes followed by what is replaced
        // count (it had taken the slow path for any byte beyond ASCII).
        let replaced =
            line.utf8.withContiguousStorageIfAvailable { needsCleaning($0) ? replacing($0) : nil }
            ?? Array(line.utf8).withUnsafeBufferPointer { needsCleaning($0) ? replacing($0) : nil }
        return replaced ?? trim(line)
    }

    /// `clean` of a line that needs more than trimming, on its bytes.
    private static func replacing(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let n = bytes.count
        func at(_ k: Int) -> UInt8 { k < n ? bytes[k] : 0 }
        var i = 0
        while i < n {
            let b = bytes[i]
            switch b {
            case 0x09:
                out.append(0x20)
                i += 1
            case UInt8(ascii: "\\"):
                let next = at(i + 1)
                let isWordOrSpace =
                    next >= 0x80 || next == 0x20 || next == 0
                    || (next >= 0x30 && next <= 0x39) || (next | 0x20 >= 0x61 && next | 0x20 <= 0x7A)
                if isWordOrSpace {
                    out.append(b)
                    i += 1
                } else {
                    out.append(next)  // the escaped punctuation, without its backslash
                    i += 2
                }
            case UInt8(ascii: "<"):
                if at(i + 1) == UInt8(ascii: "s"), at(i + 2) == UInt8(ascii: ">") {
                    i += 3
                } else if at(i + 1) == UInt8(ascii: "/"), at(i + 2) == UInt8(ascii: "s"), at(i + 3) == UInt8(ascii: ">")
                {
                    i += 4
                } else {
                    out.append(b)
                    i += 1
                }
            case 0xC2 where at(i + 1) == 0xA0:  // no-break space
                out.append(0x20)
                i += 2
            case 0xC2 where at(i + 1) == 0xAD:  // soft hyphen
                i += 2
            case 0xE2 where at(i + 1) == 0x80 && at(i + 2) >= 0x80 && at(i + 2) <= 0x8A,  // U+2000–200A
                0xE2 where at(i + 1) == 0x80 && at(i + 2) == 0xAF,  // U+202F
                0xE2 where at(i + 1) == 0x81 && at(i + 2) == 0x9F,  // U+205F
                0xE3 where at(i + 1) == 0x80 && at(i + 2) == 0x80:  // U+3000
                out.append(0x20)
                i += 3
            case 0xE2 where at(i + 1) == 0x80 && at(i + 2) >= 0x8B && at(i + 2) <= 0x8D,  // zero-width
                0xE2 where at(i + 1) == 0x81 && at(i + 2) == 0xA0,  // word joiner
                0xEF where at(i + 1) == 0xBB && at(i + 2) == 0xBF:  // byte-order mark
                i += 3
            default:
                out.append(b)
                i += 1
            }
        }
        // Trimmed here, on the bytes: spaces at both ends.
        var first = 0
        var last = out.count
        while first < last, out[first] == 0x20 { first += 1 }
        while last > first, out[last - 1] == 0x20 { last -= 1 }
        return String(decoding: out[first..<last], as: UTF8.self)
    }

    /// True when `clean` would change more than the ends of `bytes`: a tab, a backslash, "<" (of
    /// "<s>" or "</s>"), or the first byte of one of the odd spaces and invisible characters it
    /// replaces, followed by the rest of it.
    private static func needsCleaning(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        func at(_ k: Int) -> UInt8 { k < u.count ? u[k] : 0 }
        var i = 0
        while i < u.count {
            // Eight bytes at a time while none of them can begin what is replaced (a tab, "\\",
            // "<", C2, E2, E3, EF): every line is tested (byte by byte, 0.04 ms a briefing).
            if i + 8 <= u.count, let base = u.baseAddress {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                func has(_ byte: UInt64) -> Bool { ByteSearch.zeroBytes(word ^ (byte &* 0x0101_0101_0101_0101)) != 0 }
                if !has(0x09), !has(0x5C), !has(0x3C), !has(0xC2), !has(0xE2), !has(0xE3), !has(0xEF) {
                    i += 8
                    continue
                }
            }
            let b = u[i]
            defer { i += 1 }
            switch b {
            case 0x09, UInt8(ascii: "\\"), UInt8(ascii: "<"): return true
            case 0xC2 where at(i + 1) == 0xA0 || at(i + 1) == 0xAD: return true
            case 0xE2 where at(i + 1) == 0x80 && ((0x80...0x8D).contains(at(i + 2)) || at(i + 2) == 0xAF),
                0xE2 where at(i + 1) == 0x81 && (at(i + 2) == 0x9F || at(i + 2) == 0xA0),
                0xE3 where at(i + 1) == 0x80 && at(i + 2) == 0x80,
                0xEF where at(i + 1) == 0xBB && at(i + 2) == 0xBF:
                return true
            default: break
            }
        }
        return false
    }

    /// Removes spaces at both ends and the markdown hard-break spaces.
    static func trim(_ text: Substring) -> String {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        return String(Substring(utf8[start..<end]))
    }

    /// Collapses runs of spaces into one.
    static func collapseSpaces(_ text: String) -> String {
        guard text.containsBytes("  ") else { return text }
        // Written straight into the new string (no-break spaces cleaned into spaces make this
        // common; appending to an array byte by byte took 0.05 ms a briefing).
        var copy = text
        return copy.withUTF8 { u in
            String(unsafeUninitializedCapacity: u.count) { out in
                var count = 0
                var lastSpace = false
                for byte in u {
                    if byte == 0x20 {
                        if lastSpace { continue }
                        lastSpace = true
                    } else {
                        lastSpace = false
                    }
                    out[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    /// The Federal Reserve's transcripts sometimes print a reporter's name without its tag: "…
    /// not showing up in layoffs yet. <NAME>MICHELLE SMITH</NAME>. Enda. ENDA CURRAN. Thank you,
    /// Chair. Enda Curran, Bloomberg News." Two to four upper-case words ending a sentence of their
    /// own, after a sentence's end (". ", "? ", "! "), are tagged when the same name is printed in
    /// ordinary case somewhere in the transcript (a reporter introduces themselves), or is tagged
    /// elsewhere.
    static func tagUntaggedNames(_ text: String, in whole: String) -> String {
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var copy = text
        return copy.withUTF8 { u in
            var out = ""
            var copied = 0
            var i = 0
            // A byte scan for ". X", "? X", "! X" with X an upper-case ASCII letter; only those are
            // read. (On the bytes in place: walking `String.Index`es took 0.03 ms a briefing.)
            while i < u.count {
                let b = u[i]
                i += 1
                guard b == UInt8(ascii: ".") || b == UInt8(ascii: "?") || b == UInt8(ascii: "!") else { continue }
                guard i < u.count, u[i] == UInt8(ascii: " ") else { continue }
                let start = i + 1
                // Two capitals first ("EN…"): an ordinary sentence ("It …") is passed over at once.
                guard start < u.count, u[start] >= 0x41, u[start] <= 0x5A else { continue }
                let second = start + 1
                guard second < u.count, u[second] >= 0x41, u[second] <= 0x5A,
                    let name = upperCaseName(at: text[index(start)...]),
                    whole.containsBytes(ordinaryCase(name)) || whole.containsBytes("<NAME>\(name)</NAME>")
                else { continue }
                out += text[index(copied)..<index(start)]
                out += "<NAME>\(name)</NAME>"
                copied = start + name.utf8.count
                i = copied
            }
            return out + text[index(copied)...]
        }
    }

    /// "KELLY O’GRADY" → "Kelly O’Grady": a capital after a space, an apostrophe or a hyphen.
    private static func ordinaryCase(_ name: String) -> String {
        var out = ""
        var capital = true
        for c in name {
            out += capital ? String(c) : c.lowercased()
            capital = c == " " || c == "-" || c == "’" || c == "'"
        }
        return out
    }

    /// "ENDA CURRAN" of "ENDA CURRAN. Thank you": two to four words of upper-case letters (and "-",
    /// "’"), two letters or more each, followed by ". ".
    private static func upperCaseName(at text: Substring) -> String? {
        var words: [Substring] = []
        var rest = text
        while words.count < 4 {
            let word = rest.prefix { $0.isLetter || $0 == "-" || $0 == "’" || $0 == "'" }
            guard word.count >= 2, word.allSatisfy({ !$0.isLetter || $0.isUppercase }) else { return nil }
            words.append(word)
            rest = rest.dropFirst(word.count)
            if rest.hasPrefix(". ") { break }
            guard rest.hasPrefix(" ") else { return nil }
            rest = rest.dropFirst()
        }
        guard words.count >= 2, rest.hasPrefix(". ") else { return nil }
        return words.joined(separator: " ")
    }

    /// Splits lines that carry several inline `<NAME>…</NAME>` tags (the Federal Reserve
    /// transcripts are one line) so that every tag starts a line of its own, all keeping the
    /// original line number.
    static func splitInlineTags(_ lines: [SourceLine]) -> [SourceLine] {
        guard lines.contains(where: { $0.text.containsBytes("<NAME>") }) else { return lines }
        let whole = lines.joinedText
        var out: [SourceLine] = []
        for line in lines {
            let tagged = tagUntaggedNames(line.text, in: whole)
            var rest = tagged[...]
            var pieces: [Substring] = []
            while !rest.isEmpty, let range = rest.dropFirst().firstByteRange(of: "<NAME>") {
                pieces.append(rest[..<range.lowerBound])
                rest = rest[range.lowerBound...]
            }
            pieces.append(rest)
            for piece in pieces {
                let text = trim(piece)
                if !text.isEmpty { out.append(SourceLine(text: text, number: line.number, page: line.page)) }
            }
        }
        return out
    }
}
