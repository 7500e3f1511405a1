import PresserCore

/// Hand-labelled claims: sentences with their numbers, as documented in
/// `Tests/Fixtures/claims-gold/README.md`.
public struct ClaimGoldFile: Sendable, Codable, Equatable {
    public struct GoldClaim: Sendable, Codable, Equatable {
        public var text: String
        public var value: Double
        public var upper: Double?
        public var kind: String
        public var unit: String?
        public var counted: String?
        public var qualifier: String
        public var subject: String?
        public var period: Claim.Period?
        public var change: Claim.Change?
    }

    public struct GoldSentence: Sendable, Codable, Equatable {
        public var line: Int
        public var text: String
        public var claims: [GoldClaim]
    }

    public var file: String
    public var date: String?
    public var sentences: [GoldSentence]
    public var notes: [String]?
}
