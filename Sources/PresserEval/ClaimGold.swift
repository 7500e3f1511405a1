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

        public init(
            text: String, value: Double, upper: Double?, kind: String, unit: String?, counted: String?,
            qualifier: String, subject: String?, period: Claim.Period?, change: Claim.Change?
        ) {
            self.text = text
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

    public struct GoldSentence: Sendable, Codable, Equatable {
        public var line: Int
        public var text: String
        public var claims: [GoldClaim]

        public init(line: Int, text: String, claims: [GoldClaim]) {
            self.line = line
            self.text = text
            self.claims = claims
        }
    }

    public var file: String
    public var date: String?
    public var sentences: [GoldSentence]
    public var notes: [String]?
}
