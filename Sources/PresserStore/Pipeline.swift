import PresserCheck
import PresserClaims
import PresserCore
import PresserParse

/// The whole analysis of a transcript, in one place for every caller (parse, check, ingest, the
/// web app, the evaluations): parse, extract the claims, run the checks and label the answers.
public enum Pipeline {
    /// The briefing, and notes for the reader about the input ("not UTF-8; read as Windows-1252").
    public static func run(_ inputs: [TranscriptFile]) throws(PresserError) -> (briefing: Briefing, warnings: [String])
    {
        let result = try TranscriptParser.parse(inputs)
        var briefing = result.briefing
        let sentences = Sentences.ofTurns(briefing)
        briefing.claims = ClaimExtractor.claims(in: briefing, sentences: sentences)
        return (Checker.check(briefing, sentences: sentences), result.warnings)
    }

    /// `run` for the store: the briefing, its officials' sentences fingerprinted (read once), and
    /// the notes about the input.
    static func runForStore(_ inputs: [TranscriptFile]) throws(PresserError) -> (
        briefing: Briefing, sentences: [(turn: Int, fingerprint: String, text: String)], warnings: [String]
    ) {
        let result = try TranscriptParser.parse(inputs)
        var briefing = result.briefing
        let sentences = Sentences.ofTurns(briefing)
        briefing.claims = ClaimExtractor.claims(in: briefing, sentences: sentences)
        let checked = Checker.checkForStore(briefing, sentences: sentences)
        return (checked.briefing, checked.sentences, result.warnings)
    }

    /// The same from paths (or `-` for standard input).
    public static func run(paths: [String]) throws(PresserError) -> (briefing: Briefing, warnings: [String]) {
        try run(paths.map { path throws(PresserError) in try TranscriptFile.read(path) })
    }
}
