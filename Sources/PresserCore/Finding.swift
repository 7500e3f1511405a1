/// A problem flagged by the checks stage (a later issue); empty after parsing.
public struct Finding: Sendable, Codable, Equatable {
    public var kind: String
    public var message: String
    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }
}
