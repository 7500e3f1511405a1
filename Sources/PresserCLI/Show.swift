import ArgumentParser
import Foundation
import PresserCore
import PresserStore

extension Presser {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Show a stored briefing: the breakdown of `parse`, its findings, and what changed across the corpus.",
            discussion: """
                ID is the number `list` prints; a path shows the latest version stored from
                that file. Formats: text (default), json (presser.briefing/1 with "id").
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var store: DatabaseOption
        @Option(name: .shortAndLong, help: "Output format: text or json.") var format: Format = .text
        @Argument(help: ArgumentHelp("A briefing id or the path it was stored from.", valueName: "id|path"))
        var briefing: String

        func run() async throws {
            let reference = BriefingReference(briefing)
            let (stored, corpus, versions) = try await store.withStore { briefings in
                let found = try await storeCall { () throws(StoreError) in try await briefings.briefing(reference) }
                guard let stored = found else {
                    printError("presser: \(briefing): no such briefing in \(store.location)")
                    throw ExitCode(66)
                }
                let corpus = try await storeCall { () throws(StoreError) in
                    try await briefings.corpusFindings(briefing: stored.summary.id)
                }
                let versions = try await storeCall { () throws(StoreError) in
                    try await briefings.languageVersions(of: stored.summary.id)
                }
                return (stored, corpus, versions)
            }
            switch format {
            case .json:
                struct Document: Encodable {
                    var id: Int64
                    var briefing: Briefing
                    var corpusFindings: [CorpusFinding]
                    func encode(to encoder: any Encoder) throws {
                        try briefing.encode(to: encoder)
                        var c = encoder.container(keyedBy: Key.self)
                        try c.encode(id, forKey: .id)
                        try c.encode(corpusFindings, forKey: .corpusFindings)
                    }
                    enum Key: String, CodingKey { case id, corpusFindings }
                }
                let data = try PrettyJSON.encode(
                    Document(id: stored.summary.id, briefing: stored.briefing, corpusFindings: corpus))
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            case .text:
                var out = "#\(stored.summary.id) · \(stored.summary.path) · version \(stored.summary.version)\n"
                out += BriefingReport.text(stored.briefing)
                if !corpus.isEmpty {
                    out += "\nAcross the corpus\n"
                    for f in corpus {
                        out +=
                            FindingReport.wrap(
                                "[\(f.severity.rawValue)] \(f.kind.rawValue): \(f.message)", width: 100, indent: "  ")
                            + "\n"
                    }
                }
                if !versions.isEmpty {
                    out += "\nOther language versions\n"
                    for v in versions {
                        out += "  #\(v.id) \(v.language) · \(v.title ?? v.path) · compare: presser align --database "
                        out += "\(store.database ?? "…") \(stored.summary.id) \(v.id)\n"
                    }
                }
                FileHandle.standardOutput.write(Data(out.utf8))
            }
        }
    }
}
