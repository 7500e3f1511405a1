import ArgumentParser
import Foundation
import PresserCore
import PresserStore

extension Presser {
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search what was said across the stored briefings.",
            discussion: """
                Every word must appear (in any form: "attack" finds "attacks"); "quoted words"
                must appear together. Results are ranked, best first, with the matching words
                «marked». Nothing you type is read as query syntax.

                Without filters, the best matches among the 50,000 most recently stored turns
                come first (all matches when those give too few); any filter (--speaker,
                --outlet, --kind, --from, --to) ranks every match. A briefing that repeats
                another almost whole (list --twins: the same transcript stored from two files)
                is left out, so each passage is found once.

                Example:
                  presser search "violent terrorist" --kind answer --from 2019-01-01
                """
        )

        @OptionGroup var store: DatabaseOption
        @Option(help: "Only turns by a speaker whose name contains this.") var speaker: String?
        @Option(help: "Only questions from an outlet whose name contains this.") var outlet: String?
        @Option(help: "Only turns of this kind: question, answer, statement, delegation, moderation.")
        var kind: Turn.Kind?
        @OptionGroup var dates: DateRangeOption
        @Option(help: "At most this many results.") var limit = 20
        @Option(name: .shortAndLong, help: "Output format: table, json or csv.") var format: TableFormat = .table
        @Argument(help: "What to look for.") var query: [String]

        func validate() throws {
            if query.joined().allSatisfy({ !$0.isLetter && !$0.isNumber }) {
                throw ValidationError("Give some words to search for.")
            }
            if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        }

        func run() async throws {
            let search = SearchQuery(
                query.joined(separator: " "), speaker: speaker, outlet: outlet, kind: kind, from: dates.fromDay,
                to: dates.toDay,
                limit: limit)
            let hits = try await store.withStore { briefings in
                try await storeCall { () throws(StoreError) in try await briefings.search(search) }
            }
            if hits.isEmpty { printError("presser: nothing found for “\(search.text)”") }
            OutputTable.write(
                format,
                table: {
                    OutputTable(
                        headers: ["briefing", "date", "turn", "kind", "speaker", "passage"],
                        rows: hits.map {
                            [
                                "#\($0.briefing)", $0.date ?? "", String($0.turn), $0.kind,
                                $0.speaker ?? $0.outlet.map { "reporter (\($0))" } ?? "reporter",
                                $0.snippet.replacingOccurrences(of: "\n", with: " "),
                            ]
                        })
                }, json: hits)
        }
    }
}

extension Turn.Kind: ExpressibleByArgument {}
