import ArgumentParser
import Foundation
import PresserCore
import PresserEval

extension Presser {
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure Presser against hand-labelled gold data.",
            subcommands: [Structure.self, ClaimsEval.self, ChecksEval.self, AnswersEval.self, AlignEval.self]
        )
    }
}

extension Presser.Eval {
    struct Structure: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score turns, speakers, outlets and exchanges against gold labels.",
            discussion: """
                Reads every NAME.gold.json in GOLD_DIR (format:
                Tests/Fixtures/gold/README.md), parses the transcript it names, and prints per
                file and in total: turn precision and recall, speaker accuracy, outlet
                accuracy (on questions) and exchange accuracy.
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
                Reads every NAME.claims.json in GOLD_DIR (format:
                Tests/Fixtures/claims-gold/README.md), runs the claim extractor on each gold
                sentence alone, with its file's date, and prints per file and in total:
                precision, recall and F1 (a match needs the same kind and value), F1 when the
                qualifier must be right too, and, on matched claims, qualifier, period and
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

extension Presser.Eval {
    struct ChecksEval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checks",
            abstract: "Alter figures in real transcripts and count how often the checks notice.",
            discussion: """
                Reads every NAME.json in GOLD_DIR (hand-labelled groups of figures that agree:
                Tests/Fixtures/checks-gold/README.md). For each figure of each group, alters
                it in the raw transcript (from CORPUS_DIR) --mutations times, by 10% to 50% in
                a direction that breaks the group, runs parse, claims and checks, and counts a
                detection when a warning or error names the altered claim. Then counts the
                warnings and errors on every unaltered *.txt transcript in CORPUS_DIR.

                Example:
                  presser eval checks Tests/Fixtures/checks-gold Tests/Fixtures/corpus
                """
        )

        @Argument(help: ArgumentHelp("Folder of checks gold files.", valueName: "gold-dir"))
        var goldDirectory: String

        @Argument(help: ArgumentHelp("Folder of the transcripts they name.", valueName: "corpus-dir"))
        var corpusDirectory: String

        @Option(help: "Alterations per labelled figure.")
        var mutations = 3

        @Option(help: "Seed for the alterations.")
        var seed: UInt64 = 2019_12_09

        @Flag(name: .shortAndLong, help: "List every missed alteration and every baseline warning.")
        var verbose = false

        func run() async throws {
            let report: MutationHarness.Report
            do {
                report = try MutationHarness.run(
                    goldDirectory: goldDirectory, corpusDirectory: corpusDirectory, mutationsPerFigure: mutations,
                    seed: seed)
            } catch let error as PresserError {
                printError("presser: \(error.description)")
                throw ExitCode(error.exitCode)
            }
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            print("group type  altered  detected  rate")
            for type in ChecksGoldFile.GroupType.allCases {
                let o = report.outcomes(of: type)
                let hit = o.filter(\.detected).count
                func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: n, withPad: " ", startingAt: 0) }
                let rate = o.isEmpty ? "-" : f(Double(hit) / Double(o.count))
                print("\(pad(type.rawValue, 10))  \(pad(String(o.count), 7))  \(pad(String(hit), 8))  \(rate)")
            }
            let hits = report.outcomes.filter(\.detected).count
            print("TOTAL       \(report.outcomes.count)      \(hits)       \(f(report.detectionRate))")
            let warnings = report.baseline.reduce(0) { $0 + $1.findings.count }
            print(
                "unaltered: \(warnings) warnings or errors in \(report.baseline.count) transcripts, "
                    + "\(f(report.warningsPerBriefing)) per briefing")
            if verbose {
                for o in report.outcomes where !o.detected {
                    let why = o.claim == nil ? "no claim carries it" : "no warning names claim \(o.claim ?? 0)"
                    print(
                        "  missed \(o.file) [\(o.type.rawValue) \(o.role)] \(o.original) → \(o.altered): \(why) (\(o.group))"
                    )
                }
                for (file, findings) in report.baseline {
                    for finding in findings {
                        print("  baseline \(file): [\(finding.severity.rawValue)] \(finding.message)")
                    }
                }
            }
        }
    }
}

extension Presser.Eval {
    struct AnswersEval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "answers",
            abstract: "Score the answer labels against hand-labelled exchanges.",
            discussion: """
                Reads every NAME.answers.json in GOLD_DIR
                (Tests/Fixtures/answers-gold/README.md), runs the pipeline on the transcripts
                they name (in CORPUS_DIR), and prints accuracy over the eight labels,
                per-label precision and recall, and accuracy on answered / not answered.

                Example:
                  presser eval answers Tests/Fixtures/answers-gold Tests/Fixtures/corpus
                """
        )

        @Argument(help: ArgumentHelp("Folder of *.answers.json files.", valueName: "gold-dir")) var goldDirectory:
            String
        @Argument(help: ArgumentHelp("Folder of the transcripts they name.", valueName: "corpus-dir"))
        var corpusDirectory: String
        @Flag(name: .shortAndLong, help: "List every disagreement.") var verbose = false

        func run() async throws {
            let evaluation: AnswerEvaluation
            do {
                evaluation = try AnswerEvaluation.run(goldDirectory: goldDirectory, corpusDirectory: corpusDirectory)
            } catch let error as PresserError {
                printError("presser: \(error.description)")
                throw ExitCode(error.exitCode)
            }
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: n, withPad: " ", startingAt: 0) }
            print("label            gold  precision  recall")
            for label in Answer.Label.allCases {
                print(
                    "\(pad(label.rawValue, 15))  \(pad(String(evaluation.count(label)), 4))  \(pad(f(evaluation.precision(label)), 9))  \(f(evaluation.recall(label)))"
                )
            }
            print(
                "accuracy \(f(evaluation.accuracy)) over \(evaluation.pairs.count) exchanges; answered / not answered \(f(evaluation.coarseAccuracy))"
            )
            if !evaluation.unmatched.isEmpty { print("unmatched: \(evaluation.unmatched.joined(separator: "; "))") }
            if verbose {
                for p in evaluation.pairs where p.gold != p.predicted {
                    print(
                        "  \(p.file) #\(p.exchange): gold \(p.gold.rawValue), got \(p.predicted.rawValue) — \(p.explanation) | gold: \(p.reason)"
                    )
                }
            }
        }
    }

    struct AlignEval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "align",
            abstract: "Score presser align against hand-labelled English/Chinese pairs.",
            discussion: """
                Reads every DATE.align.json in GOLD_DIR (Tests/Fixtures/align-gold/README.md),
                aligns the two versions it names (from CORPUS_DIR, by default ../corpus-zh
                beside it), and prints per pair the figures said in both versions that were
                matched, the questions in each version and how many were paired, and the drift
                reported next to the labeller's count.

                Example:
                  presser eval align Tests/Fixtures/align-gold
                """
        )

        @Argument(help: ArgumentHelp("Folder of *.align.json files.", valueName: "gold-dir")) var goldDirectory: String
        @Argument(help: ArgumentHelp("Folder of the transcripts they name.", valueName: "corpus-dir"))
        var corpusDirectory: String?
        @Flag(name: .shortAndLong, help: "List every gold figure that was not matched.") var verbose = false

        func run() async throws {
            let evaluation: AlignEvaluation
            do {
                evaluation = try AlignEvaluation.run(goldDirectory: goldDirectory, corpusDirectory: corpusDirectory)
            } catch let error as PresserError {
                printError("presser: \(error.description)")
                throw ExitCode(error.exitCode)
            }
            func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: n, withPad: " ", startingAt: 0) }
            print("pair            figures  matched  questions en/zh (gold)  paired  drift ≠/en/zh (gold one-sided)")
            for p in evaluation.pairs {
                let questions = "\(p.questions.en)/\(p.questions.zh) (\(p.goldQuestions.en)/\(p.goldQuestions.zh))"
                let drift = "\(p.drift.differs)/\(p.drift.onlyEN)/\(p.drift.onlyZH) (\(p.goldOneSided))"
                print(
                    "\(pad(p.pair, 15)) \(pad(String(p.goldFigures), 8)) \(pad(String(p.matched), 8)) \(pad(questions, 23)) \(pad(String(p.questionsPaired), 7)) \(drift)"
                )
            }
            print(
                "figures in both versions matched: \(evaluation.matched) of \(evaluation.goldFigures) = \(String(format: "%.3f", evaluation.recall))"
            )
            if verbose { for p in evaluation.pairs { for m in p.missed { print("  \(m)") } } }
        }
    }
}
