/// Cleans text line by line while keeping each line's number in the original file: line endings,
/// non-breaking and other odd spaces, zero-width characters, markdown escapes and strike-through
/// tags, curly apostrophes inside labels are left alone (they are part of what was printed).
enum TextNormalizer {
    /// Splits on LF, CRLF and CR, numbering lines from `firstLine`.
    static func lines(_ text: String, firstLine: Int = 1, cleaning: Bool = true) -> [SourceLine] {
        var out: [SourceLine] = []
        var number = firstLine
        var start = text.utf8.startIndex
        let utf8 = text.utf8
        var i = start
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == 0x0A || byte == 0x0D {
                let raw = Substring(text.utf8[start..<i])
                out.append(SourceLine(text: cleaning ? clean(raw) : String(raw), number: number))
                number += 1
                var next = utf8.index(after: i)
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                i = next
                continue
            }
            i = utf8.index(after: i)
        }
        if start < utf8.endIndex {
            let raw = Substring(text.utf8[start..<utf8.endIndex])
            out.append(SourceLine(text: cleaning ? clean(raw) : String(raw), number: number))
        }
        return out
    }

    /// Normalises one line: odd spaces become spaces, invisible characters go, markdown leftovers
    /// (`\[`, `\]`, `\*`, `<s>`, `</s>`) are undone, and the line is trimmed at both ends.
    static func clean(_ line: Substring) -> String {
        // Fast path: plain ASCII without backslashes or angle brackets needs only trimming.
        var plain = true
        for byte in line.utf8 where byte >= 0x80 || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") || byte == 0x09 {
            plain = false
            break
        }
        if plain { return trim(line) }
        var scalars = String.UnicodeScalarView()
        var iterator = line.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            switch scalar.value {
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x09:
                scalars.append(" ")
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                continue
            case 0x5C:  // backslash: markdown escape of punctuation
                if let next = iterator.next() {
                    if next.properties.isASCIIHexDigit || next.properties.isAlphabetic || next == " " {
                        scalars.append(scalar)
                        pending = next
                    } else {
                        scalars.append(next)
                    }
                } else {
                    scalars.append(scalar)
                }
            default:
                scalars.append(scalar)
            }
        }
        var text = String(scalars)
        if text.contains("<s>") || text.contains("</s>") {
            text = text.replacing("<s>", with: "").replacing("</s>", with: "")
        }
        return trim(text[...])
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
        guard text.utf8.contains(where: { $0 == 0x20 }) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var lastSpace = false
        for byte in text.utf8 {
            if byte == 0x20 {
                if lastSpace { continue }
                lastSpace = true
            } else {
                lastSpace = false
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits lines that carry several inline `<NAME>…</NAME>` tags (the Federal Reserve
    /// transcripts are one line) so that every tag starts a line of its own, all keeping the
    /// original line number.
    static func splitInlineTags(_ lines: [SourceLine]) -> [SourceLine] {
        guard lines.contains(where: { $0.text.contains("<NAME>") }) else { return lines }
        var out: [SourceLine] = []
        for line in lines {
            var rest = line.text[...]
            var pieces: [Substring] = []
            while !rest.isEmpty, let range = rest.dropFirst().firstRange(of: "<NAME>") {
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
