import ArgumentParser

@main
struct Presser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presser",
        abstract: "Read official press briefings critically: who said what, and to whom.",
        discussion: """
            Presser parses press-briefing transcripts (plain text, HTML or Markdown) into
            participants, turns and question–answer exchanges, extracts every figure with
            its meaning, and checks the figures against each other.

            Examples:
              presser parse Tests/Fixtures/corpus/scio-2019-12-09.txt
              presser parse --format json briefing.html > briefing.json
              presser parse --pages part1.html part2.html
              presser check --fail-on warning briefing.txt
              presser ingest Tests/Fixtures/corpus && presser search "violent terrorist"
              presser serve                  # then open http://127.0.0.1:8080/
              presser eval structure Tests/Fixtures/gold

            The corpus store: --database PATH (an SQLite file) or --database
            postgres://user@host/db, else $PRESSER_DATABASE, else
            $XDG_DATA_HOME/presser/presser.sqlite (~/.local/share/presser/presser.sqlite).
            """,
        version: "0.1.0",
        subcommands: [
            Parse.self, Claims.self, Check.self, Align.self, Ingest.self, List.self, Show.self, Search.self,
            Speakers.self,
            Outlets.self, Timeline.self, Remove.self, Migrate.self, Serve.self, Export.self, Eval.self, Bench.self,
        ]
    )

    /// `presser` alone names no task: that is a usage error (64), with the help on standard error.
    func run() async throws {
        printError(Presser.helpMessage())
        throw ExitCode(64)
    }
}
