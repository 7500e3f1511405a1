import PresserCore

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
    /// `lower` packed for table lookups; nil beyond 16 bytes.
    var key: PackedKey?

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    func `is`(_ word: String) -> Bool { lower == word }

    /// The token is this one ASCII character ("," ";" "-"): its key holds the one byte. (Comparing
    /// `text` with a literal, in the loops over a sentence's tokens, was about 2% of the analysis.)
    @inline(__always) func `is`(sign: Unicode.Scalar) -> Bool {
        guard let key else { return false }
        return key.lo == UInt64(sign.value) && key.hi == 0
    }

    /// `lower` is one of `words` (by its bytes: a set of `String`s hashed it afresh each time).
    func isOne(of words: PackedWords) -> Bool { key.map(words.contains) ?? words.contains(lower) }
}

/// Splits a sentence into tokens, on Unicode scalars (no grapheme work).
enum Tokenizer {
    /// The scan runs on UTF-8 bytes, decoding a scalar only beyond ASCII, and counts scalars as it
    /// goes for the offsets; ASCII tokens are made straight from their bytes. (It had copied the
    /// sentence into an array of scalars and each token into arrays: 0.36 → 0.13 ms a briefing.)
    static func tokens(_ sentence: String) -> [Token] {
        var sentence = sentence
        return sentence.withUTF8(tokens(utf8:))
    }

    private static func tokens(utf8 u: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        // About a token for every five bytes of English: room made once rather than as it grows.
        out.reserveCapacity(u.count / 4 + 1)
        var i = 0  // byte offset
        var scalarIndex = 0  // scalars before byte i
        var space = true
        /// The scalar at byte `k` and its width in bytes (the text is valid UTF-8).
        func scalar(at k: Int) -> (Unicode.Scalar, Int) {
            let b = u[k]
            if b < 0x80 { return (Unicode.Scalar(b), 1) }
            var value: UInt32
            let width: Int
            if b < 0xE0 {
                value = UInt32(b & 0x1F)
                width = 2
            } else if b < 0xF0 {
                value = UInt32(b & 0x0F)
                width = 3
            } else {
                value = UInt32(b & 0x07)
                width = 4
            }
            for j in 1..<width { value = value << 6 | UInt32(u[k + j] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
        }
        func isLetter(at k: Int) -> (Bool, Int) {
            let b = u[k]
            if b < 0x80 { return ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A, 1) }
            let (s, width) = scalar(at: k)
            return (s.properties.isAlphabetic && !Self.isFraction(s), width)
        }
        func isDigit(_ k: Int) -> Bool { k < u.count && u[k] >= 0x30 && u[k] <= 0x39 }
        func fraction(at k: Int) -> (Bool, Int) {
            guard k < u.count, u[k] >= 0x80 else { return (false, 1) }
            let (s, width) = scalar(at: k)
            return (Self.isFraction(s), width)
        }
        while i < u.count {
            let b = u[i]
            let (s, width) = scalar(at: i)
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || (b >= 0x80 && s.properties.isWhitespace) {
                space = true
                i += width
                scalarIndex += 1
                continue
            }
            let startByte = i
            let start = scalarIndex
            let kind: Token.Kind
            if isDigit(i) {
                // Digits, with "," or "." followed by a digit, and a glued vulgar fraction.
                i += 1
                scalarIndex += 1
                while i < u.count {
                    if isDigit(i) {
                        i += 1
                        scalarIndex += 1
                    } else if u[i] == UInt8(ascii: ",") || u[i] == UInt8(ascii: "."), isDigit(i + 1) {
                        i += 2
                        scalarIndex += 2
                    } else {
                        break
                    }
                }
                let (fraction, fractionWidth) = fraction(at: i)
                if fraction {
                    i += fractionWidth
                    scalarIndex += 1
                }
                kind = .number
            } else if b >= 0x80, Self.isFraction(s) {
                i += width
                scalarIndex += 1
                kind = .number
            } else if isLetter(at: i).0 {
                i += width
                scalarIndex += 1
                while i < u.count {
                    let (letter, letterWidth) = isLetter(at: i)
                    if letter {
                        i += letterWidth
                        scalarIndex += 1
                        continue
                    }
                    // "'", "’" (E2 80 99) or "-" joining two letters.
                    let joinWidth =
                        u[i] == UInt8(ascii: "'") || u[i] == UInt8(ascii: "-")
                        ? 1 : (u[i] == 0xE2 && i + 2 < u.count && u[i + 1] == 0x80 && u[i + 2] == 0x99 ? 3 : 0)
                    guard joinWidth > 0, i + joinWidth < u.count else { break }
                    let (next, nextWidth) = isLetter(at: i + joinWidth)
                    guard next else { break }
                    i += joinWidth + nextWidth
                    scalarIndex += 2
                }
                kind = .word
            } else {
                i += width
                scalarIndex += 1
                kind = .sign
            }
            let piece = UnsafeBufferPointer(rebasing: u[startByte..<i])
            let text = String(decoding: piece, as: UTF8.self)
            var lower = text
            var key = PackedKey(piece)
            if kind == .word {
                if scalarIndex - start != piece.count {
                    lower = text.lowercased()
                    key = PackedKey(lower)
                } else if piece.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                    // ASCII: lower case from the bytes, without Unicode case mapping.
                    lower = String(unsafeUninitializedCapacity: piece.count) { buffer in
                        for (k, byte) in piece.enumerated() {
                            buffer[k] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        }
                        return piece.count
                    }
                    key = PackedKey(piece, foldingCase: true)
                }
            }
            out.append(
                Token(
                    kind: kind, text: text, lower: lower, start: start, end: scalarIndex, spaceBefore: space, key: key))
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
