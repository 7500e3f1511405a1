/// YAML front matter at the top of a markdown transcript: `---`, `key: value` lines, `---`.
/// Only the scalar keys Presser uses are read (title, date); double-quoted values are unescaped
/// and folded as YAML does.
struct FrontMatter: Sendable, Equatable {
    var values: [String: String]
    /// How many lines the block takes, fences included.
    var lineCount: Int

    var title: String? { values["title"] }
    var date: String? { values["date"] }

    static func read(_ lines: [SourceLine]) -> FrontMatter? {
        if let header = readKeyBlock(lines) { return header }
        guard let first = lines.first, first.text == "---" else { return nil }
        guard let close = lines.dropFirst().firstIndex(where: { $0.text == "---" || $0.text == "..." }),
            close <= 200
        else { return nil }
        var values: [String: String] = [:]
        var key: String?
        var raw = ""
        func finish() {
            if let key { values[key] = unquote(raw) }
            key = nil
            raw = ""
        }
        for line in lines[1..<close] {
            let text = line.text
            if let colon = text.firstIndex(of: ":"), !text.hasPrefix(" "), isKey(text[..<colon]),
                raw.isEmpty || !isOpenQuote(raw)
            {
                finish()
                key = String(text[..<colon])
                raw = TextNormalizer.trim(text[text.index(after: colon)...])
            } else if key != nil {
                raw += "\n" + text
            }
        }
        finish()
        return FrontMatter(values: values, lineCount: close + 1)
    }

    /// A header of upper-case keys alone on their lines, each followed by its value, ending with
    /// the key that introduces the body: "TITLE:", "…", "PUBLISHED:", "2026-08-12", …,
    /// "ARTICLE TEXT:" (as feed collectors save pages). PUBLISHED or DATE gives the date.
    static func readKeyBlock(_ lines: [SourceLine]) -> FrontMatter? {
        func key(_ text: String) -> String? {
            guard text.hasSuffix(":"), text.utf8.count <= 24 else { return nil }
            let name = text.dropLast()
            guard name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || $0 == " " || $0 == "_" }),
                !name.isEmpty
            else { return nil }
            return name.lowercased()
        }
        guard let first = lines.first(where: { !$0.text.isEmpty }), key(first.text) == "title" else { return nil }
        var values: [String: String] = [:]
        var current: String?
        for (i, line) in lines.enumerated().prefix(60) {
            let text = TextNormalizer.trim(line.text[...])
            if let k = key(text) {
                if k == "article text" || k == "text" || k == "body" || k == "content" {
                    return FrontMatter(values: values, lineCount: i + 1)
                }
                current = k
            } else if let k = current, !text.isEmpty {
                let name = k == "published" ? "date" : k
                values[name] = values[name].map { $0 + " " + text } ?? text
            }
        }
        return nil
    }

    private static func isKey(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    private static func isOpenQuote(_ raw: String) -> Bool {
        guard let first = raw.first, first == "\"" || first == "'" else { return false }
        return raw.count == 1 || raw.last != first || raw.hasSuffix("\\\"")
    }

    /// Unquotes a YAML scalar: double-quoted escapes (`\_` is a non-breaking space, `\uXXXX`,
    /// a backslash at the end of a line joins lines without a space), single-quoted `''`, and
    /// folding of line breaks into spaces.
    static func unquote(_ raw: String) -> String {
        let text = raw.trimmingSpaces
        if text.hasPrefix("\""), text.count >= 2 {
            var out = ""
            var chars = Array(text.dropFirst().dropLast())[...]
            while let c = chars.first {
                chars = chars.dropFirst()
                if c == "\\", let next = chars.first {
                    chars = chars.dropFirst()
                    switch next {
                    case "_", " ": out.append(" ")
                    case "n": out.append(" ")
                    case "t": out.append(" ")
                    case "\n":
                        while chars.first == " " { chars = chars.dropFirst() }
                    case "u", "U", "x":
                        let width = next == "u" ? 4 : (next == "U" ? 8 : 2)
                        let hex = String(chars.prefix(width))
                        chars = chars.dropFirst(width)
                        if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                            let invisible: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
                            if !invisible.contains(value) {
                                out.unicodeScalars.append(value == 0xA0 ? " " : scalar)
                            }
                        }
                    default: out.append(next)
                    }
                } else if c == "\n" {
                    while chars.first == " " { chars = chars.dropFirst() }
                    out.append(" ")
                } else {
                    out.append(c)
                }
            }
            return TextNormalizer.collapseSpaces(out).trimmingSpaces
        }
        if text.hasPrefix("'"), text.hasSuffix("'"), text.count >= 2 {
            let inner = String(text.dropFirst().dropLast()).replacing("''", with: "'")
            return TextNormalizer.collapseSpaces(inner.replacing("\n", with: " ")).trimmingSpaces
        }
        return TextNormalizer.collapseSpaces(text.replacing("\n", with: " ")).trimmingSpaces
    }
}
