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
