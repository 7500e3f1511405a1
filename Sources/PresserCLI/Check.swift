import ArgumentParser
import Foundation
import PresserCore
import PresserStore

extension Presser {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Flag what does not add up: growth rates against levels, changed figures, repeats.",
            discussion: """
                Parses each transcript, extracts its figures and runs the checks:
                  growthMismatch        two levels in consecutive periods against a stated rate
                  growthConsistent      the same, when the stated rate holds (info)
                  endpointsMismatch     "dropped to A from B" against itself or restatements
                  partsVsTotal          parts that exceed their total; odd people-per-household
                  figureChanged         the same quantity and period, different values
                  repeatedTalkingPoint  a sentence said again, nearly word for word
                  unanswered            a question no one answered, or only handed on
                  unattributedQuestions questions printed without the outlet that asked them

                Each finding has a severity (info, warning, error), a message with the
                arithmetic, the claims and turns it is about, and the computed figures (json:
                "details").

                Formats:
                  text  the findings of each file, most serious first (default)
                  json  one line per file: {"file": …, "findings": [ … ]}

                Exit codes: 0 ok, 1 a finding at or above --fail-on, 64 bad usage, 65 bad
                data, 66 cannot read the file.

                Example:
                  presser check --fail-on warning Tests/Fixtures/corpus/scio-2019-12-09.txt
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

        @OptionGroup var inputs: TranscriptInputs

        @Option(
            help: ArgumentHelp(
                "Also show what the corpus store found across briefings for these files, when they are stored "
                    + "there (an SQLite file or postgres:// URL).", valueName: "path|url"))
        var database: String?

        func run() async throws {
            var failures: [PresserError] = []
            var tripped = false
            for (n, group) in inputs.briefings.enumerated() {
                let analysed: Briefing
                do throws(PresserError) {
                    analysed = try TranscriptInputs.analyse(group)
                } catch {
                    printError("presser: \(error.description)")
                    failures.append(error)
                    continue
                }
                let briefing = analysed  // a store error ends the command (storeCall prints it)
                let corpus = try await corpusFindings(of: briefing, path: group[0])
                if let failOn,
                    briefing.findings.contains(where: { $0.severity >= failOn })
                        || corpus.contains(where: { $0.severity >= failOn })
                {
                    tripped = true
                }
                write(briefing.findings, corpus, of: briefing, name: group.joined(separator: " + "), first: n == 0)
            }
            if let worst = failures.map(\.exitCode).max() { throw ExitCode(worst) }
            if tripped { throw ExitCode(1) }
        }

        /// The store's findings across briefings for this file, when --database is given and the
        /// store holds these very bytes.
        private func corpusFindings(of briefing: Briefing, path: String) async throws -> [CorpusFinding] {
            guard let database, path != "-" else { return [] }
            let location = StoreLocation(database)
            let store = try await storeCall { () throws(StoreError) in try await location.open() }
            return try await closing(store) { store in
                let stored = try await storeCall { () throws(StoreError) in
                    try await store.briefing(BriefingReference(path))
                }
                guard let stored, stored.summary.sha256 == briefing.source.sha256 else { return [] }
                return try await storeCall { () throws(StoreError) in
                    try await store.corpusFindings(briefing: stored.summary.id)
                }
            }
        }

        private struct FileFindings: Encodable {
            var file: String
            var findings: [Finding]
            var corpusFindings: [CorpusFinding]
        }

        private func write(
            _ findings: [Finding], _ corpus: [CorpusFinding], of briefing: Briefing, name: String, first: Bool
        ) {
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let document = FileFindings(file: name, findings: findings, corpusFindings: corpus)
                let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            case .text:
                var out = first ? "" : "\n"
                out += "\(name) — \(briefing.title ?? "untitled")\(briefing.date.map { ", \($0)" } ?? "")\n"
                out += FindingReport.text(findings, in: briefing)
                if !corpus.isEmpty {
                    out += "\nAcross the corpus (\(database ?? ""))\n"
                    for f in corpus {
                        out += FindingReport.wrap(
                            "[\(f.severity.rawValue)] \(f.kind.rawValue): \(f.message)", width: 100, indent: "  ")
                        out += "\n"
                    }
                }
                FileHandle.standardOutput.write(Data(out.utf8))
            }
        }
    }
}

extension Finding.Severity: ExpressibleByArgument {}
