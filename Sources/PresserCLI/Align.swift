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
                Parses both transcripts (say the English version and the Chinese original of the same
                press conference), aligns their turns and questions in order, and matches their
                figures by value, unit and place. What does not match is reported as translationDrift:
                  warning  a figure with another value in the other version; a question in one only
                  info     a figure in one version only

                Formats:
                  text  the pairs side by side, then the findings (default)
                  json  presser.alignment/1: versions, turn, question and figure pairs, findings

                Exit codes: 0 ok, 1 a finding at or above --fail-on, 64 bad usage, 65 bad data,
                66 cannot read a file.

                Example:
                  presser align Tests/Fixtures/corpus-zh/mfa-2020-03-12-en.txt \\
                      Tests/Fixtures/corpus-zh/mfa-2020-03-12-zh.txt
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

        @Argument(help: ArgumentHelp("The first version (e.g. the English).", valueName: "file-a"))
        var first: String

        @Argument(help: ArgumentHelp("The second version (e.g. the Chinese original).", valueName: "file-b"))
        var second: String

        func run() async throws {
            let a: Briefing
            let b: Briefing
            do {
                a = try Pipeline.run(paths: [first]).briefing
                b = try Pipeline.run(paths: [second]).briefing
            } catch {
                printError("presser: \(error.description)")
                throw ExitCode(error.exitCode)
            }
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
    }
}
