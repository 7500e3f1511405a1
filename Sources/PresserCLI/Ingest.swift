import ArgumentParser
import Foundation
import PresserStore

#if canImport(Glibc)
    import Glibc
#endif

extension Presser {
    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse, extract claims, check and store transcripts in the corpus.",
            discussion: """
                PATH is a file, a folder (searched for .txt, .html, .htm and .md) or a glob
                pattern in quotes ("corpus/*.txt"). Files are parsed on all cores and each
                briefing is stored in its own transaction: a bad file is reported and skipped,
                and an interrupted run leaves every briefing either wholly stored or absent.
                On SQLite the search index takes the turns in some thirty briefings at a time
                and at the end, so a search run meanwhile may miss the last few stored; after
                an interrupted run, the next command to open the store indexes them.

                Storing is idempotent by content: the same bytes again add nothing
                ("unchanged"); a changed file at a known path is stored as a new version, the
                old one kept (list --all-versions shows them). Figures and sentences are
                compared with the rest of the corpus as each briefing is stored (see show).

                A store keeps the reading of the Presser that stored each file. After an
                upgrade, --reanalyse reads the stored files again and replaces their turns,
                claims, findings and corpus findings, keeping their ids and versions:
                  presser ingest --reanalyse corpus/

                Exit codes: 0 all stored or unchanged, 1 some files failed or some paths named
                nothing to read, 64 bad usage, 65/69/74 the database could not be used, 66 no
                transcript found at all.
                """
        )

        @OptionGroup var store: DatabaseOption

        @Flag(help: "Join all the files, in order, into one briefing (a transcript split over several pages).")
        var pages = false

        @Flag(
            help: ArgumentHelp(
                "Analyse files whose bytes are stored already again, and replace their stored reading "
                    + "(same id, path and version)."))
        var reanalyse = false

        @Flag(name: .shortAndLong, help: "No progress bar and no per-file lines; the summary only.")
        var quiet = false

        @Argument(help: ArgumentHelp("Files, folders or glob patterns.", valueName: "path"))
        var paths: [String]

        func validate() throws {
            if paths.isEmpty { throw ValidationError("Give at least one file, folder or glob pattern.") }
        }

        func run() async throws {
            let (files, missing, empty) = PresserStore.Ingest.files(paths)
            for path in missing { printError("presser: \(path): no such file, folder or match") }
            for path in empty {
                printError(
                    "presser: \(path): no transcript in this folder (.txt, .html, .htm or .md; "
                        + "README, SOURCES and the like left out)")
            }
            guard !files.isEmpty else { throw ExitCode(66) }
            let briefings = try await store.open()
            let groups = pages ? [files] : files.map { [$0] }
            let bar = ProgressBar(enabled: !quiet && isatty(2) == 1)
            let warnings = Warnings()
            let results = await PresserStore.Ingest.run(
                groups, into: briefings, reanalyse: reanalyse, progress: { bar.draw($0) },
                warning: { warnings.add($0) })
            bar.finish()
            // Closing a store that took new briefings merges its search index (a second or so for
            // 10,000 briefings, more on a large store an older Presser left unmerged): said, on a
            // terminal, rather than a silent pause after the bar is full.
            let storedAny = results.contains {
                switch $0 {
                case .stored, .reanalysed: true
                case .unchanged, .failed: false
                }
            }
            // Briefings just stored that repeat another almost whole: most likely the same
            // transcript from two files, which the reader may want to keep once.
            let written = Set(
                results.compactMap { result -> Int64? in
                    switch result {
                    case .stored(_, let id, _), .reanalysed(_, let id): id
                    case .unchanged, .failed: nil
                    }
                })
            let twins =
                written.isEmpty
                ? 0
                : ((try? await briefings.list(ListFilter(twins: .only, limit: Int.max))) ?? [])
                    .filter { written.contains($0.id) }.count
            if storedAny { bar.note("Finishing: merging the search index…") }
            await briefings.close()
            bar.clearNote()
            var stored = 0
            var unchanged = 0
            var reanalysed = 0
            var failed: [(String, String)] = []
            for result in results {
                switch result {
                case .stored: stored += 1
                case .unchanged: unchanged += 1
                case .reanalysed: reanalysed += 1
                case .failed(let path, let reason): failed.append((path, reason))
                }
            }
            // The first twenty, then how many more: a folder of ten thousand old files is not ten
            // thousand lines.
            let said = warnings.all
            for warning in said.prefix(20) { printError("presser: warning: \(warning)") }
            if said.count > 20 { printError("presser: … and \(said.count - 20) more warnings like these") }
            for (_, reason) in failed { printError("presser: \(reason)") }
            if twins > 0 {
                printError(
                    "presser: \(twins) of the briefings stored repeat another almost whole, most likely the same "
                        + "transcript from another file (searched and counted once; presser list --twins)")
            }
            print(
                "\(stored) stored, " + (reanalyse ? "\(reanalysed) reanalysed, " : "")
                    + "\(unchanged) unchanged, \(failed.count) failed, \(missing.count + empty.count) not found"
                    + " (database: \(store.location))")
            if !failed.isEmpty || !missing.isEmpty || !empty.isEmpty { throw ExitCode(1) }
        }
    }
}

/// What reading the files called for, gathered while the progress bar is drawn and said after it.
final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ warning: String) {
        lock.lock()
        list.append(warning)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}

/// A one-line progress bar on standard error: count, rate and time left, redrawn in place.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var drawn = false
    private var noted = false

    init(enabled: Bool) { self.enabled = enabled }

    func draw(_ p: PresserStore.Ingest.Progress) {
        guard enabled else { return }
        let seconds = Double(p.elapsed.components.seconds) + Double(p.elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(p.done) / seconds : 0
        let left = rate > 0 ? Double(p.total - p.done) / rate : 0
        let width = 30
        let filled = p.total > 0 ? width * p.done / p.total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(
            format: "\r%@ %d/%d  %.1f briefings/s  %.1f MB  ETA %@", bar, p.done, p.total, rate,
            Double(p.bytes) / 1_000_000, Self.clock(left))
        lock.lock()
        drawn = true
        FileHandle.standardError.write(Data(line.utf8))
        lock.unlock()
    }

    func finish() {
        lock.lock()
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        lock.unlock()
    }

    /// A line saying what is being done after the bar, until `clearNote`.
    func note(_ text: String) {
        guard enabled else { return }
        lock.withLock {
            noted = true
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Erases the note's line (carriage return, then erase to the end of the line).
    func clearNote() {
        lock.withLock {
            if noted { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            noted = false
        }
    }

    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
