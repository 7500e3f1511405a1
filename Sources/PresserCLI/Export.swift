import ArgumentParser
import Foundation
import PresserCore
import PresserExport
import PresserStore

extension Presser {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export briefings for other tools: ConvoKit, TEI, CSV or JSON Lines.",
            discussion: """
                With FILE arguments, those transcripts are parsed and exported directly (no
                store). Without, briefings come from the store: all of them, or --id,
                --from/--to, --query. A briefing that repeats another almost whole (the same
                transcript from another file; list --twins) is left out, as search and the
                counts leave it out, unless --with-twins or --id names it.

                Formats (--out):
                  convokit  a ConvoKit corpus directory: convokit.Corpus(filename=DIR) loads it
                            (a conversation per exchange; --per-briefing: per briefing)
                  tei       one TEI XML file (teiCorpus, Parla-CLARIN style: u, @who, measure)
                  csv       a directory of RFC 4180 files: turns, exchanges, claims, findings
                  jsonl     one file, one presser.briefing/1 document per line

                Example:
                  presser export --format convokit --out /tmp/ck Tests/Fixtures/corpus/*.txt
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case convokit, tei, csv, jsonl }

        @OptionGroup var store: DatabaseOption
        @Option(name: .shortAndLong, help: "convokit, tei, csv or jsonl.") var format: Format
        @Option(
            help: ArgumentHelp("Where to write: a directory (convokit, csv) or a file (tei, jsonl).", valueName: "path")
        )
        var out: String
        @Option(help: "Stored briefings by id (repeatable).") var id: [Int64] = []
        @OptionGroup var dates: DateRangeOption
        @Option(help: "Stored briefings where these words were said.") var query: String?
        @Flag(help: "With all or --from/--to, also the briefings that repeat another almost whole (list --twins).")
        var withTwins = false
        @Flag(help: "ConvoKit: one conversation per briefing instead of one per exchange.") var perBriefing = false
        @Argument(help: ArgumentHelp("Transcripts to export directly.", valueName: "file")) var files: [String] = []

        func validate() throws {
            // Said before any briefing is read: Foundation's "a file with the same name already
            // exists" after the whole export was worked out, otherwise.
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) {
                let writesFolder = format == .convokit || format == .csv
                if writesFolder && !isFolder.boolValue {
                    throw ValidationError("--out \(out) is a file; \(format.rawValue) writes a folder.")
                }
                if !writesFolder && isFolder.boolValue {
                    throw ValidationError("--out \(out) is a folder; \(format.rawValue) writes one file.")
                }
            }
            // The selections pick stored briefings; given files, they would be silently ignored.
            guard !files.isEmpty else { return }
            let selecting = [
                id.isEmpty ? nil : "--id", dates.from.map { _ in "--from" }, dates.to.map { _ in "--to" },
                query.map { _ in "--query" }, withTwins ? "--with-twins" : nil,
            ].compactMap { $0 }
            if !selecting.isEmpty {
                throw ValidationError(
                    "\(selecting.joined(separator: ", ")) select\(selecting.count == 1 ? "s" : "") stored briefings; "
                        + "give them without files, or give the files alone.")
            }
        }

        func run() async throws {
            let briefings = files.isEmpty ? try await fromStore() : try fromFiles()
            guard !briefings.isEmpty else {
                printError("presser: nothing to export")
                throw ExitCode(66)
            }
            let url = URL(fileURLWithPath: out)
            do {
                switch format {
                case .convokit: try ConvoKitExport.write(briefings, to: url, perBriefing: perBriefing)
                case .tei: try TEIExport.write(briefings, to: url)
                case .csv: try CSVExport.write(briefings, to: url)
                case .jsonl: try JSONLinesExport.write(briefings, to: url)
                }
            } catch {
                printError("presser: \(out): cannot write: \(error.localizedDescription)")
                throw ExitCode(73)
            }
            print(
                "\(briefings.count) briefing\(briefings.count == 1 ? "" : "s") exported as \(format.rawValue) to \(out)"
            )
        }

        private func fromFiles() throws -> [ExportedBriefing] {
            var out: [ExportedBriefing] = []
            var failed = false
            for path in files {
                do throws(PresserError) {
                    let briefing = try TranscriptInputs.analyse([path])
                    out.append(
                        ExportedBriefing(
                            key: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                            briefing: briefing))
                } catch {
                    printError("presser: \(error.description)")
                    failed = true
                }
            }
            if failed && out.isEmpty { throw ExitCode(65) }
            return out
        }

        private func fromStore() async throws -> [ExportedBriefing] {
            try await store.withStore { opened in try await export(from: opened) }
        }

        private func export(from opened: any BriefingStore) async throws -> [ExportedBriefing] {
            var ids = id
            if id.isEmpty {
                if let query {
                    let hits = try await storeCall { () throws(StoreError) in
                        try await opened.search(SearchQuery(query, from: dates.fromDay, to: dates.toDay, limit: 10_000))
                    }
                    ids = Array(Set(hits.map(\.briefing))).sorted()
                } else {
                    let list = try await storeCall { () throws(StoreError) in
                        try await opened.list(
                            ListFilter(
                                from: dates.fromDay, to: dates.toDay, twins: withTwins ? .included : .leftOut,
                                limit: 1_000_000))
                    }
                    ids = list.map(\.id)
                }
            }
            var out: [ExportedBriefing] = []
            for id in ids {
                guard let stored = try await storeCall({ () throws(StoreError) in try await opened.briefing(.id(id)) })
                else {
                    printError("presser: no briefing #\(id) in \(store.location)")
                    continue
                }
                out.append(ExportedBriefing(key: String(id), briefing: stored.briefing))
            }
            return out
        }
    }
}
