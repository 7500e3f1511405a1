/// How `presser serve` runs: where it listens, the token that guards writes, the body limit.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Required for writes (storing a briefing) when the server listens on anything but loopback.
    public var token: String?
    /// Largest request body read, in bytes; larger ones get 413.
    public var bodyLimit: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, bodyLimit: Int = 20 << 20) {
        self.host = host
        self.port = port
        self.token = token
        self.bodyLimit = bodyLimit
    }

    /// Loopback only: the machine's own user; writes need no token then.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
}
