import ArgumentParser
import PresserParse
import PresserStore

extension Presser {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stored briefings (the latest version of each file).",
            discussion: """
                "twin of" names the briefing one repeats almost whole: the same transcript
                stored from another file (an HTML page and its text). search, timeline,
                speakers and outlets leave such a briefing out, so the transcript counts once;
                --twins lists only these, to check or remove.

                Examples:
                  presser list --from 2020-01-01 --layout inline-labels --speaker Psaki
                  presser list --twins
                """
        )

        @OptionGroup var store: DatabaseOption
        @OptionGroup var dates: DateRangeOption
        @Option(help: ArgumentHelp("Only this layout: \(Layout.names.joined(separator: ", ")).", valueName: "layout"))
        var layout: String?
        @Option(help: "Only briefings where a speaker's name contains this.") var speaker: String?
        @Flag(help: "Every stored version of each file, not only the latest.") var allVersions = false
        @Flag(help: "Only briefings that repeat another almost whole (the same transcript from another file).")
        var twins = false
        @Option(help: "At most this many briefings.") var limit = 1000
        @Option(name: .shortAndLong, help: "Output format: table, json or csv.") var format: TableFormat = .table

        func validate() throws {
            // A layout no transcript has matched nothing, silently.
            if let layout, !Layout.names.contains(layout) {
                throw ValidationError(
                    "--layout \(layout): not a layout Presser names; one of \(Layout.names.joined(separator: ", ")).")
            }
            if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        }

        func run() async throws {
            let filter = ListFilter(
                from: dates.fromDay, to: dates.toDay, layout: layout, speaker: speaker, allVersions: allVersions,
                twins: twins ? .only : .included, limit: limit)
            let list = try await store.withStore { briefings in
                try await storeCall { () throws(StoreError) in try await briefings.list(filter) }
            }
            if list.isEmpty {
                let filtered = dates.from != nil || dates.to != nil || layout != nil || speaker != nil || twins
                printError(
                    filtered
                        ? "presser: no stored briefing matches" : "presser: no briefing stored yet (presser ingest)")
            }
            OutputTable.write(
                format,
                table: {
                    OutputTable(
                        headers: [
                            "id", "date", "layout", "turns", "questions", "claims", "findings", "version", "twin of",
                            "title", "path",
                        ],
                        rows: list.map {
                            [
                                String($0.id), $0.date ?? "", $0.layout, String($0.turns), String($0.questions),
                                String($0.claims), String($0.findings),
                                String($0.version) + ($0.latest ? "" : " (old)"), $0.twinOf.map { "#\($0)" } ?? "",
                                String(($0.title ?? "").prefix(60)), $0.path,
                            ]
                        })
                }, json: list)
        }
    }
}
