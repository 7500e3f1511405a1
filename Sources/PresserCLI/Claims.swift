import ArgumentParser
import Foundation
import PresserClaims
import PresserCore
import PresserParse

extension Presser {
    struct Claims: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every number in transcripts, with its meaning.",
            discussion: """
                Each claim has its value (normalised: 6.1 for 6.1%, 1.22e12 for 1.22 trillion
                yuan), kind (percent, currency, count, duration…), unit, qualifier (exact,
                approximately, moreThan, atLeast, lessThan, atMost), the period it is about,
                what is measured, and whether it states a change.

                Formats:
                  table  one line per claim (default)
                  csv    RFC 4180, one row per claim, with a header
                  json   the claims of each briefing as a JSON array (one document per line for
                         several files)

                --sentences FILE.jsonl reads {"text": …, "date": "YYYY-MM-DD"} lines instead
                of transcripts and prints {"claims": […]} for each (used by Benchmarks/peers).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, csv, json
        }

        @Option(name: .shortAndLong, help: "Output format: table, csv or json.")
        var format: Format = .table

        @Option(help: ArgumentHelp("Read sentences from a JSON Lines file instead of transcripts.", valueName: "file"))
        var sentences: String?

        @Argument(help: ArgumentHelp("Transcript files, or - for standard input.", valueName: "file"))
        var files: [String] = []

        func validate() throws {
            if files.isEmpty && sentences == nil {
                throw ValidationError("Give at least one transcript file, or --sentences FILE.jsonl.")
            }
        }

        func run() async throws {
            if let sentences {
                try runSentences(sentences)
                return
            }
            var failures: [Int32] = []
            for path in files {
                do throws(PresserError) {
                    let result = try TranscriptParser.parse([TranscriptFile.read(path)])
                    for warning in result.warnings { printError("presser: warning: \(warning)") }
                    let claims = ClaimExtractor.claims(in: result.briefing)
                    write(claims, of: result.briefing)
                } catch {
                    printError("presser: \(error.description)")
                    failures.append(error.exitCode)
                }
            }
            if let worst = failures.max() { throw ExitCode(worst) }
        }

        private func write(_ claims: [Claim], of briefing: Briefing) {
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let data = (try? encoder.encode(claims)) ?? Data("[]".utf8)
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            case .csv:
                FileHandle.standardOutput.write(
                    Data(ClaimTable.csv(claims, file: briefing.source.files.first ?? "").utf8))
            case .table:
                FileHandle.standardOutput.write(Data(ClaimTable.text(claims, in: briefing).utf8))
            }
        }

        private struct SentenceLine: Decodable {
            var text: String
            var date: String?
        }

        private struct SentenceClaims: Encodable {
            var claims: [Claim]
        }

        private func runSentences(_ path: String) throws {
            guard
                let data = path == "-"
                    ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
            else {
                printError("presser: \(path): cannot read the file")
                throw ExitCode(66)
            }
            let decoder = JSONDecoder()
            var inputs: [SentenceLine] = []
            for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
                guard let input = try? decoder.decode(SentenceLine.self, from: Data(line)) else {
                    printError("presser: \(path):\(number + 1): not a {\"text\": …, \"date\": …} line")
                    throw ExitCode(65)
                }
                inputs.append(input)
            }
            let clock = ContinuousClock()
            var results: [[Claim]] = []
            let elapsed = clock.measure {
                results = inputs.map { ClaimExtractor.claims(inSentence: $0.text, date: $0.date) }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var out = Data()
            for claims in results {
                out += (try? encoder.encode(SentenceClaims(claims: claims))) ?? Data("{\"claims\":[]}".utf8)
                out += Data("\n".utf8)
            }
            FileHandle.standardOutput.write(out)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            printError("elapsed-seconds: \(seconds)")
        }
    }
}
