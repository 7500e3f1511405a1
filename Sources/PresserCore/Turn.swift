/// One speaker's uninterrupted stretch of speech.
public struct Turn: Sendable, Codable, Equatable {
    /// What a turn does in the briefing.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A moderator managing the floor: opening, calling on a reporter, closing.
        case moderation
        /// An official speaking outside any question: opening remarks, announcements.
        case statement
        /// A reporter's turn.
        case question
        /// An official handing the question to another official.
        case delegation
        /// An official's reply to a question.
        case answer
        /// Anything else: crosstalk, an unknown voice.
        case other
    }

    public var index: Int
    /// The participant id, or nil for an anonymous reporter or voice.
    public var speaker: String?
    /// The label as printed ("MS. PSAKI", "Q", "Economic Daily"), nil when the turn had none.
    public var label: String?
    public var kind: Kind
    /// For questions: the outlet as stated, or nil when the transcript does not say.
    public var outlet: String?
    /// For questions: the reporter's name when the transcript gives it.
    public var askedBy: String?
    /// The 1-based line in the original file where the turn starts.
    public var line: Int
    /// With several pages joined (`--pages`): the 0-based index of the file the turn starts in.
    public var page: Int?
    /// The spoken text: label removed, paragraphs joined by a blank line, whitespace collapsed.
    public var text: String {
        didSet { wordCount = Self.words(in: text) }
    }
    /// The number of words in the text; in Chinese, which has no spaces, each character counts as
    /// one (the way Chinese counts 字数). Counted when the text is set, not at each use: the parser,
    /// the answer labels and the store each counted every turn again (1% of an ingest's CPU).
    public private(set) var wordCount: Int

    public init(
        index: Int, speaker: String?, label: String?, kind: Kind, outlet: String? = nil,
        askedBy: String? = nil, line: Int, page: Int? = nil, text: String
    ) {
        self.init(
            index: index, speaker: speaker, label: label, kind: kind, outlet: outlet, askedBy: askedBy, line: line,
            page: page, text: text, wordCount: Self.words(in: text))
    }

    /// With the text's words counted already (`Turn.words(in: text)`, which the parser has done).
    package init(
        index: Int, speaker: String?, label: String?, kind: Kind, outlet: String? = nil,
        askedBy: String? = nil, line: Int, page: Int? = nil, text: String, wordCount: Int
    ) {
        self.index = index
        self.speaker = speaker
        self.label = label
        self.kind = kind
        self.outlet = outlet
        self.askedBy = askedBy
        self.line = line
        self.page = page
        self.text = text
        self.wordCount = wordCount
    }

    /// Words between spaces, each Chinese character one word, full-width punctuation none.
    public static func words(in text: String) -> Int {
        if let counted = text.utf8.withContiguousStorageIfAvailable(words(inUTF8:)) { return counted }
        return Array(text.utf8).withUnsafeBufferPointer(words(inUTF8:))
    }

    private static func words(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        var skip = 0
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i < bytes.count {
            // Eight bytes at a time while none of them is a lead byte of E0 or above: then only
            // spaces and the rest matter, and a word starts at each byte that is no space after
            // one that is. (Byte by byte: 0.11 → 0.03 ms a briefing.)
            if skip == 0, i + 8 <= bytes.count, let base = bytes.baseAddress {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                if word & (word << 1) & (word << 2) & highs == 0 {
                    let spaces =
                        ByteSearch.zeroBytes(word ^ (0x20 &* ones)) | ByteSearch.zeroBytes(word ^ (0x0A &* ones))
                        | ByteSearch.zeroBytes(word ^ (0x09 &* ones))
                    let afterSpace = spaces << 8 | (inWord ? 0 : 0x80)
                    count += (~spaces & highs & afterSpace).nonzeroBitCount
                    inWord = spaces >> 63 == 0
                    i += 8
                    continue
                }
            }
            let byte = bytes[i]
            i += 1
            if skip > 0 {
                skip -= 1
                continue
            }
            switch byte {
            case 0xE4...0xE9:  // the lead byte of U+4000–U+9FFF: CJK ideographs
                count += 1
                inWord = false
                skip = 2
            case 0xE3, 0xEF:  // U+3000–U+3FFF and U+F000–U+FFFF: CJK and full-width punctuation
                inWord = false
                skip = 2
            case 0x20, 0x0A, 0x09:
                inWord = false
            default:
                if !inWord { count += 1 }
                inWord = true
            }
        }
        return count
    }
}

extension Turn {
    /// The word count is not written: it is the text's.
    private enum CodingKeys: String, CodingKey {
        case index, speaker, label, kind, outlet, askedBy, line, page, text
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            index: try c.decode(Int.self, forKey: .index),
            speaker: try c.decodeIfPresent(String.self, forKey: .speaker),
            label: try c.decodeIfPresent(String.self, forKey: .label), kind: try c.decode(Kind.self, forKey: .kind),
            outlet: try c.decodeIfPresent(String.self, forKey: .outlet),
            askedBy: try c.decodeIfPresent(String.self, forKey: .askedBy), line: try c.decode(Int.self, forKey: .line),
            page: try c.decodeIfPresent(Int.self, forKey: .page), text: try c.decode(String.self, forKey: .text))
    }

    /// Writes every key, `null` included, so the output always has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(label, forKey: .label)
        try c.encode(kind, forKey: .kind)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(askedBy, forKey: .askedBy)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(page, forKey: .page)
        try c.encode(text, forKey: .text)
    }
}
