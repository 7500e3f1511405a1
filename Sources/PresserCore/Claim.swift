/// A numeric claim made in a turn. The claims stage (a later issue) fills these; the parser
/// leaves the list empty. Only the fields every stage agrees on are declared here.
public struct Claim: Sendable, Codable, Equatable {
    public var turn: Int
    public var text: String
    public init(turn: Int, text: String) {
        self.turn = turn
        self.text = text
    }
}

/// A problem flagged by the checks stage (a later issue); empty after parsing.
public struct Finding: Sendable, Codable, Equatable {
    public var kind: String
    public var message: String
    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }
}
