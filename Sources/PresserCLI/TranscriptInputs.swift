import ArgumentParser
import PresserCore
import PresserStore

/// The transcripts a command reads: files (or - for standard input), one briefing each, or all of
/// them as the pages of one briefing with --pages.
struct TranscriptInputs: ParsableArguments {
    @Flag(help: "Join the files, in order, into one briefing (a transcript split over several pages).")
    var pages = false

    @Argument(help: ArgumentHelp("Transcript files, or - for standard input.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one transcript file, or - for standard input.") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read only once.") }
    }

    /// The paths of each briefing: one per file, or all together with --pages.
    var briefings: [[String]] { pages ? [files] : files.map { [$0] } }

    /// Reads, parses, extracts claims and runs the checks: the whole pipeline for one briefing.
    /// Warnings about the input (a converted encoding) go to standard error.
    static func analyse(_ paths: [String]) throws(PresserError) -> Briefing {
        let (briefing, warnings) = try Pipeline.run(paths: paths)
        for warning in warnings { printError("presser: warning: \(warning)") }
        return briefing
    }
}
