import PresserCore

/// A briefing to export, with the key that names it in the output ("12" for a stored briefing,
/// the file's name for one read directly).
public struct ExportedBriefing: Sendable {
    public var key: String
    public var briefing: Briefing

    public init(key: String, briefing: Briefing) {
        self.key = key
        self.briefing = briefing
    }

    /// The key made safe for identifiers: letters, digits and "-".
    var slug: String { Self.slug(key) }

    /// Lower-cased letters and digits, runs of anything else as one "-" ("x" when nothing is left).
    static func slug(_ s: String) -> String {
        let mapped = s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let joined = String(mapped).split(separator: "-").joined(separator: "-")
        return joined.isEmpty ? "x" : joined
    }

    /// Who spoke a turn, as an id shared across briefings: the participant's id, else the reporter
    /// by outlet ("reporter:Economic Daily"), else "reporter:unattributed".
    func speakerID(_ turn: Turn) -> String {
        if let id = turn.speaker { return id }
        if turn.kind == .question { return "reporter:" + (turn.outlet ?? "unattributed") }
        return "unknown:" + (turn.label ?? "unlabelled")
    }
}
