import PresserCore

/// A speaker label found at the start of a line: "Hu Kaihong:", "MS. PSAKI:  Good afternoon.",
/// "Q  Thanks.", "<NAME>CHAIR POWELL</NAME>. Good afternoon.", "Mike Pence: (02:18)", or an
/// upper-case "NAME, ROLE" line after a `---` separator.
struct SpeakerLabel: Sendable, Equatable {
    /// How the label was written; the layout is detected from which styles a transcript uses.
    enum Style: String, Sendable {
        /// `<NAME>X</NAME>.` inline tags.
        case tag
        /// "Name:" alone on its line.
        case colonLine
        /// "NAME:  text" with the text on the same line.
        case colonInline
        /// "Name: (mm:ss)" time-stamped, text on the next lines.
        case timestamped
        /// "Q" followed by the question.
        case question
        /// An upper-case line after a separator.
        case block
        /// A Chinese label before a full-width colon, with the text on the same line: "问：",
        /// "答：", "法新社记者：", "《北京青年报》记者：", "华春莹：".
        case fullWidth
        /// A mixed-case label with its text on the same line: "Geng Shuang: The summit…",
        /// "China Daily: It is learnt…". Trusted only where such labels recur (see `TurnSegmenter`).
        case mixedInline
    }

    /// The label as printed, without its colon or tags.
    var text: String
    var style: Style
    /// Text that follows the label on the same line.
    var rest: String

    /// Reads a label at the start of `line`; `afterSeparator` is true when the previous non-blank
    /// line was a `---` separator.
    static func read(_ line: String, afterSeparator: Bool) -> SpeakerLabel? {
        let utf8 = line.utf8
        guard let first = utf8.first else { return nil }
        if first == UInt8(ascii: "<") { return readTag(line) }
        if first == UInt8(ascii: "Q") { if let q = readQ(line) { return q } }
        if afterSeparator, let block = readBlock(line) { return block }
        // A Chinese label, or one that starts in Latin letters ("CNN记者：", "CGTN记者：").
        if first >= 0xE0 || hasFullWidthColonEarly(utf8), let label = readFullWidth(line) { return label }
        // "5:19 P.M. EDT MODERATOR:  Thanks…": a time line run into the first label.
        let firstWords =
            first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") ? line.split(separator: " ", maxSplits: 3) : []
        if firstWords.count == 4, TurnSegmenter.isTimeLine(firstWords[0...2].joined(separator: " ")),
            let label = read(String(firstWords[3]), afterSeparator: false), label.style == .colonInline
        {
            return label
        }
        // A colon within the first 90 bytes, read in place (every line is tested).
        func colonOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            for k in 0..<min(bytes.count, 90) {
                let byte = bytes[k]
                if byte == UInt8(ascii: ":") { return k }
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "?")
                    || byte == UInt8(ascii: "!")
                {
                    return nil
                }
            }
            return nil
        }
        guard
            let offset = utf8.withContiguousStorageIfAvailable(colonOffset)
                ?? Array(utf8).withUnsafeBufferPointer(colonOffset)
        else { return nil }
        let colon = utf8.index(utf8.startIndex, offsetBy: offset)
        let name = line[..<colon]
        guard let tokens = nameTokens(name) else { return nil }
        let rest = TextNormalizer.trim(line[line.index(after: colon)...])
        if rest.isEmpty {
            // "Suggest To A Friend:" also looks like this; a label that is followed by no text
            // makes no turn, which is how such page furniture falls away.
            guard tokens >= 2 || isUpperCase(name) else { return nil }
            return SpeakerLabel(text: String(name), style: .colonLine, rest: "")
        }
        if let stamp = timestampLength(rest) {
            let after = TextNormalizer.trim(rest.dropFirst(stamp))
            return SpeakerLabel(text: String(name), style: .timestamped, rest: after)
        }
        // Text on the same line: upper-case labels ("MS. PSAKI:") are labels; mixed-case text
        // before a colon is usually prose ("One last piece: The President …"), so it is only a
        // candidate, kept where the transcript uses such labels throughout.
        if isUpperCase(name) && (name.utf8.count >= 2 || name == "A") || LabelRoles.isQuestioner(String(name)) {
            return SpeakerLabel(text: String(name), style: .colonInline, rest: rest)
        }
        guard tokens <= 5, name.utf8.count <= 40 else { return nil }
        return SpeakerLabel(text: String(name), style: .mixedInline, rest: rest)
    }

    /// A Chinese label: up to 16 characters before a full-width (or ASCII) colon, with no
    /// sentence punctuation, and the text after it on the same line. Only the shapes labels take
    /// are read: 问 / 答, "…记者" (a reporter, the outlet before it), or a name of two to four
    /// Chinese characters (kept by `TurnSegmenter` only when it recurs).
    static func readFullWidth(_ line: String) -> SpeakerLabel? {
        var name = ""
        var length = 0
        var rest: Substring?
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if c == "：" || c == ":" {
                rest = line[line.index(after: index)...]
                break
            }
            length += 1
            guard length <= 16, !labelBreakers.contains(c), !c.isWhitespace else { return nil }
            name.append(c)
            index = line.index(after: index)
        }
        guard let rest, !name.isEmpty else { return nil }
        let text = TextNormalizer.trim(rest)
        guard !text.isEmpty else { return nil }
        let isHanName = (2...4).contains(name.count) && name.unicodeScalars.allSatisfy(\.properties.isIdeographic)
        guard LabelRoles.isQuestioner(name) || LabelRoles.isAnswerer(name) || name.hasSuffix("记者") || isHanName
        else { return nil }
        return SpeakerLabel(text: name, style: .fullWidth, rest: text)
    }

    /// A full-width colon (EF BC 9A) within the first 60 bytes.
    private static func hasFullWidthColonEarly(_ utf8: String.UTF8View) -> Bool {
        let colon: [UInt8] = [0xEF, 0xBC, 0x9A]
        func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            colon.withUnsafeBufferPointer {
                ByteSearch.find($0, in: UnsafeBufferPointer(rebasing: bytes.prefix(60))) != nil
            }
        }
        return utf8.withContiguousStorageIfAvailable(find) ?? Array(utf8).withUnsafeBufferPointer(find)
    }

    /// Characters a label never contains: sentence and list punctuation.
    private static let labelBreakers: Set<Character> = [
        "，", "。", "、", "；", "！", "？", "“", "”", "（", "）", "(", ")", ",", ".", ";", "?", "!", "\"", "「", "」",
    ]

    /// A Chinese label that names a person (not 问 / 答 or a reporter): it must recur to count.
    var isChineseName: Bool {
        style == .fullWidth && !LabelRoles.isQuestioner(text) && !LabelRoles.isAnswerer(text) && !text.hasSuffix("记者")
    }

    private static func readTag(_ line: String) -> SpeakerLabel? {
        guard line.hasPrefix("<NAME>"), let close = line[...].firstByteRange(of: "</NAME>") else { return nil }
        let start = line.index(line.startIndex, offsetBy: 6)
        guard start <= close.lowerBound else { return nil }
        var name = String(line[start..<close.lowerBound])
        var rest = line[close.upperBound...]
        // A tag that cut a name short: "<NAME>NANCY MARSHALL</NAME>-GENZER. Hi".
        if let f = rest.first, f != "." && f != " " && f != ":" {
            let tail = rest.prefix { $0 != "." && $0 != " " }
            name += tail
            rest = rest.dropFirst(tail.count)
        }
        while let f = rest.first, f == "." || f == ":" || f == " " { rest = rest.dropFirst() }
        return SpeakerLabel(text: name.trimmingSpaces, style: .tag, rest: String(rest))
    }

    private static func readQ(_ line: String) -> SpeakerLabel? {
        var rest = line.dropFirst()
        if rest.isEmpty { return SpeakerLabel(text: "Q", style: .question, rest: "") }
        if let f = rest.first, f == ":" || f == "." { rest = rest.dropFirst() }
        guard rest.first == " " else { return nil }
        return SpeakerLabel(text: "Q", style: .question, rest: TextNormalizer.trim(rest))
    }

    private static func readBlock(_ line: String) -> SpeakerLabel? {
        guard line.utf8.count <= 240, let letters = upperCaseLetters(line[...]), letters >= 2 else { return nil }
        var name = line[...]
        if name.hasSuffix(":") { name = name.dropLast() }
        return SpeakerLabel(text: String(name), style: .block, rest: "")
    }

    /// The number of words when `name` can be a speaker label, else nil. Words start with a
    /// capital letter, or are short connectors ("of", "de", "the"), or a digit run after a word
    /// ("Speaker 9").
    static func nameTokens(_ name: Substring) -> Int? {
        guard let first = name.first, first.isUppercase || first == "(" else { return nil }
        var count = 0
        for token in name.split(separator: " ") {
            count += 1
            if count > 10 { return nil }
            guard let c = token.first else { continue }
            if c.isUppercase || c == "(" || c == "&" || c == "-" { continue }
            if c.isNumber, count > 1, token.allSatisfy(\.isNumber) { continue }
            if connectors.contains(token.lowercased()) { continue }
            return nil
        }
        return count
    }

    private static let connectors: Set<String> = [
        "of", "the", "and", "for", "on", "in", "to", "at", "de", "del", "la", "las", "los", "el", "y",
        "e", "von", "van", "da", "di", "du", "le", "a", "des", "der",
    ]

    /// True when the text has letters and none of them is lower case.
    static func isUpperCase(_ text: Substring) -> Bool { upperCaseLetters(text) != nil }

    /// The number of letters in the text when it has some and none of them is lower case, else nil.
    /// (A block label's letters were counted again, a Unicode property lookup each: 1% of the
    /// analysis of a Mañanera, whose labels are block capitals.)
    static func upperCaseLetters(_ text: Substring) -> Int? {
        var letters = 0
        for scalar in text.unicodeScalars {
            // ASCII letters are told apart without the Unicode tables: 0.06 → 0.005 ms a briefing.
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x61 && value <= 0x7A { return nil }
                if value >= 0x41 && value <= 0x5A { letters += 1 }
                continue
            }
            guard scalar.properties.isAlphabetic else { continue }
            if scalar.properties.isLowercase { return nil }
            letters += 1
        }
        return letters > 0 ? letters : nil
    }

    /// The length in characters of a leading "(mm:ss)" or "(hh:mm:ss)" stamp.
    private static func timestampLength(_ text: String) -> Int? {
        guard text.first == "(" else { return nil }
        let inner = text.dropFirst().prefix { $0 != ")" }
        guard inner.count >= 4, inner.count <= 8, inner.containsBytes(":"),
            inner.allSatisfy({ $0.isNumber || $0 == ":" }), text.dropFirst(inner.count + 1).first == ")"
        else { return nil }
        return inner.count + 2
    }
}
