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
    }

    public struct GoldExchange: Sendable, Codable, Equatable {
        public var question: Int
        public var outlet: String?
        public var askedBy: String?
        public var delegatedBy: String?
        public var answeredBy: [String]
    }

    public var file: String
    public var family: String
    public var turns: [GoldTurn]
    public var exchanges: [GoldExchange]
    public var notes: [String]?
}
