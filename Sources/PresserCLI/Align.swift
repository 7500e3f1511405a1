import ArgumentParser
import Foundation
import PresserCheck
import PresserCore
import PresserStore

extension Presser {
    struct Align: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hold two language versions of one briefing side by side and list where they differ.",
            discussion: """
                Parses both transcripts (say the English version and the Chinese original of
                the same press conference), aligns their turns and questions in order, and
                matches their figures by value, unit and place. What does not match is
                reported as translationDrift:
                  warning  a figure with another value in the other version;
                           a question in one version only
                  info     a figure in one version only

                Formats:
                  text  the pairs side by side, then the findings (default)
                  json  presser.alignment/1: versions, turn, question and figure
                        pairs, findings

                With --database, FILE-A and FILE-B are stored briefings (an id from `presser
                list`, or the path one was stored from); `presser show` lists the other
                language versions the store holds for a briefing (same date, another language,
                about as many questions).

                Exit codes: 0 ok, 1 a finding at or above --fail-on, 64 bad usage, 65 bad
                data, 66 cannot read a file (or no such stored briefing).

                Examples:
                  presser align Tests/Fixtures/corpus-zh/mfa-2020-03-12-en.txt \\
                      Tests/Fixtures/corpus-zh/mfa-2020-03-12-zh.txt
                  presser align --database presser.sqlite 3 12
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(name: .shortAndLong, help: "Output format: text or json.")
        var format: Format = .text

        @Option(
            name: .customLong("fail-on"),
            help: ArgumentHelp("Exit with 1 when a finding at or above this severity exists: info, warning or error."))
        var failOn: Finding.Severity?

        @Option(
            help: ArgumentHelp(
                "Read both versions from this store (an SQLite file or postgres:// URL) by id or stored path.",
                valueName: "path|url"))
        var database: String?

        @Argument(help: ArgumentHelp("The first version (e.g. the English).", valueName: "file-a"))
        var first: String

        @Argument(help: ArgumentHelp("The second version (e.g. the Chinese original).", valueName: "file-b"))
        var second: String

        func run() async throws {
            let (a, b) = try await database == nil ? fromFiles() : fromStore()
            let alignment = Aligner.align(a, b)
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(alignment)
                print(String(decoding: data, as: UTF8.self))
            case .text:
                print(AlignmentReport.text(alignment, a, b))
            }
            if let failOn, (alignment.findingsA + alignment.findingsB).contains(where: { $0.severity >= failOn }) {
                throw ExitCode(1)
            }
        }

        private func fromFiles() throws -> (Briefing, Briefing) {
            do {
                return (try Pipeline.run(paths: [first]).briefing, try Pipeline.run(paths: [second]).briefing)
            } catch {
                printError("presser: \(error.description)")
                throw ExitCode(error.exitCode)
            }
        }

        private func fromStore() async throws -> (Briefing, Briefing) {
            let location = StoreLocation.resolve(option: database)
            let store = try await storeCall { () throws(StoreError) in try await location.open() }
            let found = try await closing(store) { store in
                var found: [Briefing] = []
                for reference in [first, second] {
                    let stored = try await storeCall { () throws(StoreError) in
                        try await store.briefing(BriefingReference(reference))
                    }
                    guard let stored else {
                        printError("presser: \(reference): no such briefing in \(location)")
                        throw ExitCode(66)
                    }
                    found.append(stored.briefing)
                }
                return found
            }
            return (found[0], found[1])
        }
    }
}
