/// A number stated in a briefing, with what it means: value, unit, qualifier, period, subject.
public struct Claim: Sendable, Codable, Equatable {
    /// What sort of quantity a claim is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case percent, percentagePoint, basisPoint, currency, count, duration, length, area, mass, volume,
            energy, speed, temperature, other
    }

    /// How the speaker hedged the figure.
    public enum Qualifier: String, Sendable, Codable, CaseIterable {
        case exact, approximately, moreThan, atLeast, lessThan, atMost
    }

    /// The time a figure is about, resolved against the briefing date where it is relative.
    public struct Period: Sendable, Codable, Equatable {
        public var text: String
        /// First day, YYYY-MM-DD, or nil when open or unknown.
        public var from: String?
        /// Last day, YYYY-MM-DD, or nil when open or unknown.
        public var to: String?
        public init(text: String, from: String?, to: String?) {
            self.text = text
            self.from = from
            self.to = to
        }

        /// Writes every key, `null` included.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
        }
    }

    /// A figure that states a change rather than a level.
    public struct Change: Sendable, Codable, Equatable {
        public enum Direction: String, Sendable, Codable { case up, down }
        public enum Basis: String, Sendable, Codable { case yearOnYear = "year-on-year", annual, cumulative }
        public var direction: Direction
        public var basis: Basis?
        public init(direction: Direction, basis: Basis?) {
            self.direction = direction
            self.basis = basis
        }

        /// Writes every key, `null` included.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(direction, forKey: .direction)
            try c.encode(basis, forKey: .basis)
        }
    }

    /// The index of the turn the claim was made in.
    public var turn: Int
    /// The participant id of the speaker, or nil.
    public var speaker: String?
    /// The whole sentence, as in the turn's text.
    public var sentence: String
    /// The quantity as written, qualifier and unit included ("nearly 400 billion yuan").
    public var text: String
    /// Offsets of `text` in the turn's text, in Unicode scalars (code points), end exclusive.
    public var start: Int
    public var end: Int
    /// The value, normalised (6.1 for 6.1%, 1.22e12 for 1.22 trillion yuan); a range's lower bound.
    public var value: Double
    /// A range's upper bound.
    public var upper: Double?
    public var kind: Kind
    /// "%", "pp", "bp", an ISO 4217 code, a duration unit ("year"), a unit symbol ("km"), or nil.
    public var unit: String?
    /// For counts: what is counted ("mosques").
    public var counted: String?
    public var qualifier: Qualifier
    /// What is measured ("GDP", "tourism revenue"), when the sentence says.
    public var subject: String?
    public var period: Period?
    public var change: Change?

    public init(
        turn: Int, speaker: String?, sentence: String, text: String, start: Int, end: Int, value: Double,
        upper: Double?, kind: Kind, unit: String?, counted: String?, qualifier: Qualifier, subject: String?,
        period: Period?, change: Change?
    ) {
        self.turn = turn
        self.speaker = speaker
        self.sentence = sentence
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.upper = upper
        self.kind = kind
        self.unit = unit
        self.counted = counted
        self.qualifier = qualifier
        self.subject = subject
        self.period = period
        self.change = change
    }
}

extension Claim {
    /// Writes every key, `null` included, so the output always has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(turn, forKey: .turn)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(value, forKey: .value)
        try c.encode(upper, forKey: .upper)
        try c.encode(kind, forKey: .kind)
        try c.encode(unit, forKey: .unit)
        try c.encode(counted, forKey: .counted)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(subject, forKey: .subject)
        try c.encode(period, forKey: .period)
        try c.encode(change, forKey: .change)
    }
}
