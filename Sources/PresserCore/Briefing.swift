/// One press briefing, as parsed from its transcript: the output contract `presser.briefing/1`.
public struct Briefing: Sendable, Codable, Equatable {
    public static let schemaName = "presser.briefing/1"

    /// Where the text came from.
    public struct Source: Sendable, Codable, Equatable {
        /// The files read, in order (one, or several joined with `--pages`).
        public var files: [String]
        /// SHA-256 of the bytes read, all files in order, as lower-case hex.
        public var sha256: String
        public init(files: [String], sha256: String) {
            self.files = files
            self.sha256 = sha256
        }
    }

    public var schema: String
    public var title: String?
    /// ISO date, YYYY-MM-DD.
    public var date: String?
    /// The layout family the parser recognised ("scio", "whitehouse", "fomc", "rev", "mananera",
    /// "statement", "generic").
    public var layout: String
    /// ISO 639-1 language code of the transcript ("en", "es", "zh").
    public var language: String
    /// A location line from the header ("James S. Brady Press Briefing Room").
    public var location: String?
    /// The start time as printed ("12:19 P.M. EDT").
    public var startTime: String?
    public var source: Source
    public var participants: [Participant]
    public var turns: [Turn]
    public var exchanges: [Exchange]
    /// Filled by the claims stage; empty after parsing.
    public var claims: [Claim]
    /// Filled by the checks stage; empty after parsing.
    public var findings: [Finding]

    public init(
        title: String?, date: String?, layout: String, language: String, location: String? = nil,
        startTime: String? = nil, source: Source, participants: [Participant], turns: [Turn],
        exchanges: [Exchange], claims: [Claim] = [], findings: [Finding] = []
    ) {
        self.schema = Self.schemaName
        self.title = title
        self.date = date
        self.layout = layout
        self.language = language
        self.location = location
        self.startTime = startTime
        self.source = source
        self.participants = participants
        self.turns = turns
        self.exchanges = exchanges
        self.claims = claims
        self.findings = findings
    }

    /// The participant with this id.
    public func participant(_ id: String?) -> Participant? {
        guard let id else { return nil }
        return participants.first { $0.id == id }
    }

    /// The display name of a participant id, or nil.
    public func name(of id: String?) -> String? {
        participant(id)?.name
    }

    /// What a reader is shown as the briefing's name: its title, or where the transcript gives
    /// none, the name of the file it was read from ("fomc-2025-12-10.txt").
    public var displayTitle: String { title ?? Self.fileName(source.files.first) ?? "Untitled briefing" }

    /// The last part of a path ("corpus/fomc.txt" → "fomc.txt"); nil for none and for standard
    /// input ("-").
    public static func fileName(_ path: String?) -> String? {
        guard let path, path != "-", let name = path.split(separator: "/").last else { return nil }
        return String(name)
    }
}

extension Briefing {
    /// Writes every key, `null` included, so the output always has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(title, forKey: .title)
        try c.encode(date, forKey: .date)
        try c.encode(layout, forKey: .layout)
        try c.encode(language, forKey: .language)
        try c.encode(location, forKey: .location)
        try c.encode(startTime, forKey: .startTime)
        try c.encode(source, forKey: .source)
        try c.encode(participants, forKey: .participants)
        try c.encode(turns, forKey: .turns)
        try c.encode(exchanges, forKey: .exchanges)
        try c.encode(claims, forKey: .claims)
        try c.encode(findings, forKey: .findings)
    }
}
