/// Two versions of one briefing held side by side (the Chinese original and the English version
/// the publisher prepared): which turns, questions and figures correspond, and where they differ.
/// `presser.alignment/1` in JSON.
public struct Alignment: Sendable, Codable, Equatable {
    /// One version: the file and what it is, as parsed.
    public struct Version: Sendable, Codable, Equatable {
        public var file: String
        public var language: String
        public var title: String?
        public var date: String?
        public var turns: Int
        public var questions: Int
        public var claims: Int
        public init(
            file: String, language: String, title: String?, date: String?, turns: Int, questions: Int, claims: Int
        ) {
            self.file = file
            self.language = language
            self.title = title
            self.date = date
            self.turns = turns
            self.questions = questions
            self.claims = claims
        }
    }

    /// Indexes of corresponding items in version a and version b; nil on the side that lacks it.
    public struct Pair: Sendable, Codable, Equatable {
        public var a: Int?
        public var b: Int?
        public init(a: Int?, b: Int?) {
            self.a = a
            self.b = b
        }
    }

    /// Two claims that say the same figure, or one that has no counterpart.
    public struct FigurePair: Sendable, Codable, Equatable {
        public enum Status: String, Sendable, Codable, CaseIterable {
            /// The same value in both versions.
            case same
            /// The same place, a different value.
            case differs
            /// In version a only.
            case onlyA
            /// In version b only.
            case onlyB
        }
        public var status: Status
        /// Indexes into each version's claims.
        public var a: Int?
        public var b: Int?
        /// The figure as printed in each version.
        public var aText: String?
        public var bText: String?
        public var aValue: Double?
        public var bValue: Double?
        public init(
            status: Status, a: Int?, b: Int?, aText: String?, bText: String?, aValue: Double?, bValue: Double?
        ) {
            self.status = status
            self.a = a
            self.b = b
            self.aText = aText
            self.bText = bText
            self.aValue = aValue
            self.bValue = bValue
        }
    }

    public var format = "presser.alignment/1"
    public var a: Version
    public var b: Version
    /// Turn pairs in order of the transcripts.
    public var turns: [Pair]
    /// Exchange (question) pairs, in order.
    public var exchanges: [Pair]
    public var figures: [FigurePair]
    /// `translationDrift` findings for each version: `claims` and `turns` index that version;
    /// `details` name the counterpart in the other version.
    public var findingsA: [Finding]
    public var findingsB: [Finding]

    public init(
        a: Version, b: Version, turns: [Pair], exchanges: [Pair], figures: [FigurePair], findingsA: [Finding],
        findingsB: [Finding]
    ) {
        self.a = a
        self.b = b
        self.turns = turns
        self.exchanges = exchanges
        self.figures = figures
        self.findingsA = findingsA
        self.findingsB = findingsB
    }

    /// Figures in both versions with the same value, against all figures matched or not.
    public var matchedShare: Double {
        let same = figures.filter { $0.status == .same }.count
        return figures.isEmpty ? 1 : Double(same) / Double(figures.count)
    }
}

extension Alignment.Pair {
    /// Writes both keys, `null` included, so the output always has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(a, forKey: .a)
        try c.encode(b, forKey: .b)
    }
}

extension Alignment.FigurePair {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(a, forKey: .a)
        try c.encode(b, forKey: .b)
        try c.encode(aText, forKey: .aText)
        try c.encode(bText, forKey: .bText)
        try c.encode(aValue, forKey: .aValue)
        try c.encode(bValue, forKey: .bValue)
    }
}
