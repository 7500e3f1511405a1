/// Something in a briefing that a reader should look at: figures that do not add up, a figure that
/// changes, a talking point on repeat, a question left unanswered. Filled by the checks stage.
public struct Finding: Sendable, Codable, Equatable {
    /// What was found.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Two levels of a quantity in consecutive periods against a stated growth rate.
        case growthMismatch
        /// A stated growth rate that the levels confirm (shown so the arithmetic is on the record).
        case growthConsistent
        /// A change stated with its endpoints that disagrees with itself or with other statements.
        case endpointsMismatch
        /// Parts that exceed their total, or a per-unit ratio that is hard to believe.
        case partsVsTotal
        /// The same quantity for the same period stated with different values.
        case figureChanged
        /// A sentence said again, nearly word for word.
        case repeatedTalkingPoint
        /// A question with no answer, or whose only reply hands it on.
        case unanswered
        /// Questions printed without the outlet that asked them.
        case unattributedQuestions
        /// Two language versions of one briefing disagree: a figure that differs, a figure or a
        /// question in one version only (`presser align`).
        case translationDrift
    }

    /// How much a finding matters: `error` for arithmetic that cannot hold, `warning` for figures
    /// that disagree, `info` for things worth knowing.
    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    /// One computed figure or note in `details`: a number or a piece of text.
    public enum Detail: Sendable, Codable, Equatable {
        case number(Double)
        case text(String)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else {
                self = .text(try c.decode(String.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .text(let s): try c.encode(s)
            }
        }
    }

    public var kind: Kind
    public var severity: Severity
    /// One plain sentence, with the numbers.
    public var message: String
    /// Indexes into the briefing's `claims`.
    public var claims: [Int]
    /// Indexes into the briefing's `turns`.
    public var turns: [Int]
    /// The computed figures: implied and stated values, difference, tolerance used.
    public var details: [String: Detail]

    public init(
        kind: Kind, severity: Severity, message: String, claims: [Int] = [], turns: [Int] = [],
        details: [String: Detail] = [:]
    ) {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.claims = claims
        self.turns = turns
        self.details = details
    }
}
