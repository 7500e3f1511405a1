/// How a question was answered: the label, how much the answer addresses the question's focus,
/// and the phrases that decided it.
public struct Answer: Sendable, Codable, Equatable {
    public enum Label: String, Sendable, Codable, CaseIterable {
        case direct, partial, deflection, premiseRejected, declined, referred, claimsIgnorance, none

        /// The coarse split: the question was answered (directly or in part), or it was not.
        public var answered: Bool { self == .direct || self == .partial }
    }

    /// A phrase in the answer that decided the label; offsets in Unicode scalars of the turn's text.
    public struct Cue: Sendable, Codable, Equatable {
        public var text: String
        /// The answering turn the phrase is in.
        public var turn: Int
        public var start: Int
        public var end: Int
        /// What kind of cue ("premiseRejected", "declined", …).
        public var cue: String

        public init(text: String, turn: Int, start: Int, end: Int, cue: String) {
            self.text = text
            self.turn = turn
            self.start = start
            self.end = end
            self.cue = cue
        }
    }

    public var label: Label
    /// 0 to 1: the share of the question's focus (its rarer content words, weighted by rarity) that
    /// the answer takes up.
    public var relevance: Double
    public var cues: [Cue]
    public var explanation: String

    public init(label: Label, relevance: Double, cues: [Cue], explanation: String) {
        self.label = label
        self.relevance = relevance
        self.cues = cues
        self.explanation = explanation
    }
}
