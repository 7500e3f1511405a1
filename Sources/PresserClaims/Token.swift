/// A word, a number or a sign in a sentence, with where it stands (Unicode scalar offsets).
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Letters, with inner apostrophes and hyphens ("year-on-year", "it's").
        case word
        /// Digits with their separators ("1,234.5"), possibly glued to a vulgar fraction ("5¼").
        case number
        /// Any other single character ("$", "%", "-", "/", ",", "(").
        case sign
    }

    var kind: Kind
    var text: String
    /// Lower case, for matching words.
    var lower: String
    var start: Int
    var end: Int
    /// True when a space (or nothing) separates this token from the one before.
    var spaceBefore: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    func `is`(_ word: String) -> Bool { lower == word }
}

/// Splits a sentence into tokens, on Unicode scalars (no grapheme work).
enum Tokenizer {
    static func tokens(_ sentence: String) -> [Token] {
        let scalars = Array(sentence.unicodeScalars)
        var out: [Token] = []
        var i = 0
        var space = true
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
            return s.properties.isAlphabetic && !isFraction(s)
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        while i < scalars.count {
            let s = scalars[i]
            if s == " " || s == "\n" || (s.value >= 0x80 || s == "\t" || s == "\r") && s.properties.isWhitespace {
                space = true
                i += 1
                continue
            }
            let start = i
            let kind: Token.Kind
            if isDigit(s) {
                // Digits, with "," or "." followed by a digit, and a glued vulgar fraction.
                i += 1
                while i < scalars.count {
                    if isDigit(scalars[i]) {
                        i += 1
                    } else if scalars[i] == "," || scalars[i] == ".", i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                        i += 2
                    } else {
                        break
                    }
                }
                if i < scalars.count, isFraction(scalars[i]) { i += 1 }
                kind = .number
            } else if isFraction(s) {
                i += 1
                kind = .number
            } else if isLetter(s) {
                i += 1
                while i < scalars.count {
                    if isLetter(scalars[i]) {
                        i += 1
                    } else if scalars[i] == "'" || scalars[i] == "’" || scalars[i] == "-",
                        i + 1 < scalars.count, isLetter(scalars[i + 1])
                    {
                        i += 2
                    } else {
                        break
                    }
                }
                kind = .word
            } else {
                i += 1
                kind = .sign
            }
            let piece = scalars[start..<i]
            let string: String
            let lower: String
            if piece.allSatisfy({ $0.isASCII }) {
                // ASCII: both spellings from bytes, without Unicode case mapping.
                let bytes = piece.map { UInt8($0.value) }
                string = String(decoding: bytes, as: UTF8.self)
                lower =
                    kind == .word
                    ? String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self) : string
            } else {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: piece)
                string = String(text)
                lower = kind == .word ? string.lowercased() : string
            }
            out.append(Token(kind: kind, text: string, lower: lower, start: start, end: i, spaceBefore: space))
            space = false
        }
        return out
    }

    /// ¼ ½ ¾ and the other vulgar fractions.
    static func isFraction(_ s: Unicode.Scalar) -> Bool {
        (0x00BC...0x00BE).contains(s.value) || (0x2150...0x215E).contains(s.value)
    }

    static func fractionValue(_ s: Unicode.Scalar) -> Double {
        switch s.value {
        case 0x00BC: 0.25
        case 0x00BD: 0.5
        case 0x00BE: 0.75
        case 0x2153: 1.0 / 3
        case 0x2154: 2.0 / 3
        case 0x215B: 0.125
        case 0x215C: 0.375
        case 0x215D: 0.625
        case 0x215E: 0.875
        default: 0
        }
    }
}
