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
    public var text: String

    public init(
        index: Int, speaker: String?, label: String?, kind: Kind, outlet: String? = nil,
        askedBy: String? = nil, line: Int, page: Int? = nil, text: String
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
    }

    /// The number of words in the text.
    public var wordCount: Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }
}

extension Turn {
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
