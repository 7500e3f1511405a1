/// How many columns a string takes in a terminal: two for each wide character (Chinese, Japanese
/// and Korean characters, fullwidth forms, most emoji), none for combining marks and zero-width
/// characters, one for the rest. Tables padded by `count` put every column after a Chinese name
/// out of line.
enum TerminalWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for character in text {
            guard let first = character.unicodeScalars.first else { continue }
            width += columns(first)
        }
        return width
    }

    /// `text` followed by spaces up to `width` columns (nothing added when it is as wide already).
    static func padded(_ text: String, to width: Int) -> String {
        let used = of(text)
        return used >= width ? text : text + String(repeating: " ", count: width - used)
    }

    /// The columns a character starting with `scalar` takes.
    private static func columns(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x2FFFD,
            0x30000...0x3FFFD:
            return 2
        default: return 1
        }
    }
}
