import ArgumentParser
import Foundation
import PresserCore
import PresserEval

extension Presser {
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure Presser against hand-labelled gold data.",
            subcommands: [Structure.self, ClaimsEval.self]
        )
    }
}

extension Presser.Eval {
    struct Structure: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score turns, speakers, outlets and exchanges against gold labels.",
            discussion: """
                Reads every NAME.gold.json in GOLD_DIR (format: Tests/Fixtures/gold/README.md),
                parses the transcript it names, and prints per file and in total:
                turn precision and recall, speaker accuracy, outlet accuracy (on questions)
                and exchange accuracy.
                """
        )

        @Argument(help: ArgumentHelp("Folder of *.gold.json files.", valueName: "gold-dir"))
        var goldDirectory: String

        @Option(help: "Folder holding the transcripts (default: ../corpus beside the gold folder).")
        var corpus: String?

        @Flag(name: .shortAndLong, help: "List every difference from the gold.")
        var verbose = false

        func run() async throws {
            let evaluation: StructureEvaluation
            do {
                evaluation = try StructureEvaluation.run(goldDirectory: goldDirectory, corpusDirectory: corpus)
            } catch let error as PresserError {
                printError("presser: \(error.description)")
                throw ExitCode(error.exitCode)
            }
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            let header = ["file", "family", "turnP", "turnR", "speaker", "outlet", "exchange"]
            var rows: [[String]] = [header]
            for (file, family, s) in evaluation.perFile {
                rows.append([
                    file, family, f(s.turnPrecision), f(s.turnRecall), f(s.speakerAccuracy), f(s.outletAccuracy),
                    f(s.exchangeAccuracy),
                ])
            }
            let t = evaluation.total
            rows.append([
                "TOTAL (\(evaluation.perFile.count) files)", "", f(t.turnPrecision), f(t.turnRecall),
                f(t.speakerAccuracy), f(t.outletAccuracy), f(t.exchangeAccuracy),
            ])
            let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
            for row in rows {
                print(
                    row.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                        .joined(separator: "  "))
            }
            print(
                "counts: \(t.matchedTurns) turns matched of \(t.goldTurns) gold / \(t.predictedTurns) parsed; \(t.questionTurns) gold questions; \(t.exchangesRight) exchanges right of \(t.goldExchanges) gold / \(t.predictedExchanges) parsed"
            )
            if verbose {
                for mistake in t.mistakes { print("  " + mistake) }
            }
        }
    }
}

extension Presser.Eval {
    struct ClaimsEval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claims",
            abstract: "Score numeric claims against hand-labelled gold sentences.",
            discussion: """
                Reads every NAME.claims.json in GOLD_DIR (format: Tests/Fixtures/claims-gold/README.md),
                runs the claim extractor on each gold sentence alone, with its file's date, and prints
                per file and in total: precision, recall and F1 (a match needs the same kind and value),
                F1 when the qualifier must be right too, and, on matched claims, qualifier, period and
                subject accuracy.
                """
        )

        @Argument(help: ArgumentHelp("Folder of *.claims.json files.", valueName: "gold-dir"))
        var goldDirectory: String

        @Flag(name: .shortAndLong, help: "List every difference from the gold.")
        var verbose = false

        func run() async throws {
            let evaluation: ClaimEvaluation
            do {
                evaluation = try ClaimEvaluation.run(goldDirectory: goldDirectory)
            } catch let error as PresserError {
                printError("presser: \(error.description)")
                throw ExitCode(error.exitCode)
            }
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            let header = ["file", "gold", "P", "R", "F1", "F1+qual", "qualifier", "period", "subject"]
            var rows = [header]
            for (file, s) in evaluation.perFile {
                rows.append([
                    file, String(s.gold), f(s.precision), f(s.recall), f(s.f1), f(s.qualifierF1),
                    f(s.qualifierAccuracy), f(s.periodAccuracy), f(s.subjectAccuracy),
                ])
            }
            let t = evaluation.total
            rows.append([
                "TOTAL (\(t.sentences) sentences)", String(t.gold), f(t.precision), f(t.recall), f(t.f1),
                f(t.qualifierF1), f(t.qualifierAccuracy), f(t.periodAccuracy), f(t.subjectAccuracy),
            ])
            let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
            for row in rows {
                print(
                    row.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                        .joined(separator: "  "))
            }
            print("counts: \(t.matched) matched of \(t.gold) gold / \(t.predicted) found")
            if verbose { for mistake in t.mistakes { print("  " + mistake) } }
        }
    }
}
