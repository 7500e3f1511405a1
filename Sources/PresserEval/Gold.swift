import PresserCore

/// A hand-labelled transcript: the turns and exchanges a careful reader found in it.
/// The format is documented in `Tests/Fixtures/gold/README.md`.
public struct GoldFile: Sendable, Codable, Equatable {
    public struct GoldTurn: Sendable, Codable, Equatable {
        public var line: Int
        public var start: String
        public var speaker: String?
        public var kind: String
        public var outlet: String?
        public init(line: Int, start: String, speaker: String?, kind: String, outlet: String?) {
            self.line = line
            self.start = start
            self.speaker = speaker
            self.kind = kind
            self.outlet = outlet
        }
    }

    public struct GoldExchange: Sendable, Codable, Equatable {
        public var question: Int
        public var outlet: String?
        public var askedBy: String?
        public var delegatedBy: String?
        public var answeredBy: [String]
        public init(question: Int, outlet: String?, askedBy: String?, delegatedBy: String?, answeredBy: [String]) {
            self.question = question
            self.outlet = outlet
            self.askedBy = askedBy
            self.delegatedBy = delegatedBy
            self.answeredBy = answeredBy
        }
    }

    public var file: String
    public var family: String
    public var turns: [GoldTurn]
    public var exchanges: [GoldExchange]
    public var notes: [String]?

    public init(file: String, family: String, turns: [GoldTurn], exchanges: [GoldExchange], notes: [String]?) {
        self.file = file
        self.family = family
        self.turns = turns
        self.exchanges = exchanges
        self.notes = notes
    }
}
