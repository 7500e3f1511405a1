import ArgumentParser
import Foundation
import PresserCore
import PresserParse

extension Presser {
    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse transcripts into participants, turns and exchanges.",
            discussion: """
                Reads plain text (UTF-8; UTF-16 with a byte-order mark and Windows-1252 are
                converted, with a warning), HTML (script, style and navigation dropped) or
                Markdown with YAML front matter. Use - to read standard input.

                Formats:
                  text      the readable breakdown: title, date, roster, one line per question
                  markdown  the same as a Markdown document, with the transcript
                  json      the presser.briefing/1 document (fields in the README);
                            several files give one JSON document per line

                Exit codes: 0 ok, 64 bad usage, 65 bad data (empty, binary, not a transcript),
                66 cannot read the file.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, markdown, json
        }

        @Option(name: .shortAndLong, help: "Output format: text, markdown or json.")
        var format: Format = .text

        @OptionGroup var inputs: TranscriptInputs

        func run() async throws {
            let groups = inputs.briefings
            var failures: [PresserError] = []
            for group in groups {
                do throws(PresserError) {
                    let briefing = try TranscriptInputs.analyse(group)
                    try write(briefing, separator: groups.count > 1 && format != .json)
                } catch {
                    printError("presser: \(error.description)")
                    failures.append(error)
                }
            }
            if let worst = failures.map(\.exitCode).max() { throw ExitCode(worst) }
        }

        private func write(_ briefing: Briefing, separator: Bool) throws(PresserError) {
            let output: String
            switch format {
            case .text: output = BriefingReport.text(briefing)
            case .markdown: output = BriefingReport.markdown(briefing)
            case .json where inputs.briefings.count > 1:
                // One document per line, written directly (the same bytes as JSONEncoder's).
                output = String(decoding: BriefingJSON.encode(briefing), as: UTF8.self) + "\n"
            case .json:
                guard let data = try? PrettyJSON.encode(briefing) else {
                    throw .usage("could not encode the briefing as JSON")
                }
                output = String(decoding: data, as: UTF8.self) + "\n"
            }
            FileHandle.standardOutput.write(Data(((separator ? "\n" : "") + output).utf8))
        }
    }
}
