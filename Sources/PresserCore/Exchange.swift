/// A question and the turns that answer it.
public struct Exchange: Sendable, Codable, Equatable {
    public var index: Int
    /// The index of the question turn.
    public var question: Int
    public var outlet: String?
    public var askedBy: String?
    /// The participant id of the official who handed the question to another, if any.
    public var delegatedBy: String?
    /// Participant ids of those who answered, in order of first answer.
    public var answeredBy: [String]
    /// Indexes of the answering turns.
    public var answers: [Int]
    /// How the question was answered; filled by the checks stage (nil after parsing).
    public var answer: Answer?

    public init(
        index: Int, question: Int, outlet: String?, askedBy: String?, delegatedBy: String?,
        answeredBy: [String], answers: [Int], answer: Answer? = nil
    ) {
        self.index = index
        self.question = question
        self.outlet = outlet
        self.askedBy = askedBy
        self.delegatedBy = delegatedBy
        self.answeredBy = answeredBy
        self.answers = answers
        self.answer = answer
    }
}

extension Exchange {
    /// Writes every key, `null` included, so the output always has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(question, forKey: .question)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(askedBy, forKey: .askedBy)
        try c.encode(delegatedBy, forKey: .delegatedBy)
        try c.encode(answeredBy, forKey: .answeredBy)
        try c.encode(answers, forKey: .answers)
        try c.encode(answer, forKey: .answer)
    }
}
