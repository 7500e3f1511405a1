import Foundation
import PresserCheck
import PresserClaims
import PresserCore
import PresserParse

#if canImport(Glibc)
    import Glibc
#endif

/// `presser ingest`: finds the transcripts, parses them on all cores, and stores each in its own
/// transaction. A bad file is reported and skipped; it never stops the batch or leaves anything partial.
public enum Ingest {
    /// What one file (or one group of pages) came to.
    public enum Result: Sendable, Equatable {
        case stored(path: String, id: Int64, version: Int)
        case unchanged(path: String, id: Int64)
        /// Stored before from the same bytes, and its reading replaced by a new analysis that reads
        /// them differently (`reanalyse`; one that reads them the same is `unchanged`).
        case reanalysed(path: String, id: Int64)
        case failed(path: String, reason: String)

        public var path: String {
            switch self {
            case .stored(let path, _, _), .unchanged(let path, _), .reanalysed(let path, _), .failed(let path, _): path
            }
        }

        /// The stored briefing's id, unless the file failed.
        public var id: Int64? {
            switch self {
            case .stored(_, let id, _), .unchanged(_, let id), .reanalysed(_, let id): id
            case .failed: nil
            }
        }
    }

    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var bytes: Int
        public var elapsed: Duration
    }

    /// Transcript extensions read from folders.
    static let extensions: Set<String> = ["txt", "html", "htm", "md"]

    /// Files in a folder that describe it rather than being transcripts: README.md, SOURCES.md,
    /// LICENSE.txt, CHANGELOG.md… (name them directly to ingest them anyway).
    static func isFolderNote(_ name: String) -> Bool {
        folderNotes.contains(FileName(name).stem.uppercased())
    }

    private static let folderNotes: Set<String> = ["README", "SOURCES", "LICENSE", "CHANGELOG", "NOTES", "INDEX"]

    /// The absolute, standardized form of a path: what the store keeps, so that "corpus/a.txt" and
    /// "./corpus/a.txt" are the same file.
    public static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Files from the arguments: files as given, folders searched (recursively) for .txt, .html, .htm
    /// and .md, and glob patterns ("corpus/*.txt") expanded. A folder named through a symbolic link
    /// is searched as the folder it points to (links met inside a folder are not followed, as with
    /// `find`). Arguments that name nothing, and folders with no transcript in them, are returned
    /// apart.
    public static func files(_ arguments: [String]) -> (files: [String], missing: [String], empty: [String]) {
        var files: [String] = []
        var missing: [String] = []
        var empty: [String] = []
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: argument, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    let base = URL(fileURLWithPath: argument)
                    // Foundation's enumerator lists a link to a folder as nothing: it is given the
                    // folder the link points to, and the files keep the path as named.
                    let target = base.resolvingSymlinksInPath().path
                    var found: [String] = []
                    if let entries = manager.enumerator(atPath: target) {
                        while let entry = entries.nextObject() as? String {
                            // A folder named like a transcript ("2019.txt/") is searched, not read.
                            guard extensions.contains(FileName(entry).pathExtension.lowercased()),
                                !isFolderNote(entry),
                                FileStatus(target + "/" + entry, followingLinks: false)?.isDirectory != true
                            else { continue }
                            found.append(entry)
                        }
                    }
                    found.sort()
                    if found.isEmpty { empty.append(argument) }
                    // The folder's canonical path once; the listing's names have no "." or ".." in them.
                    let folder = canonical(argument)
                    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                    files += found.map { prefix + $0 }
                } else {
                    files.append(canonical(argument))
                }
            } else if argument.contains(where: { "*?[".contains($0) }) {
                let matched = glob(argument)
                if matched.isEmpty { missing.append(argument) } else { files += matched.map(canonical) }
            } else {
                missing.append(argument)
            }
        }
        return (files, missing, empty)
    }

    private static func glob(_ pattern: String) -> [String] {
        #if canImport(Glibc)
            var result = glob_t()
            defer { globfree(&result) }
            guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
            return (0..<Int(result.gl_pathc)).compactMap { i in result.gl_pathv[i].map { String(cString: $0) } }
                .sorted()
        #else
            return []
        #endif
    }

    /// What a worker made of one file (or group of pages).
    enum Analysed: Sendable {
        /// Ready to store; `replacing` the id of the briefing stored from the same bytes, when its
        /// reading is to be replaced.
        case prepared(PreparedBriefing, replacing: Int64?)
        /// The same bytes are stored already: not parsed again.
        case unchanged(id: Int64)
        case failed(String)
    }

    /// Reads the files; unless their bytes are stored already (and `reanalyse` is false), parses,
    /// extracts the claims, checks and prepares the rows (on the analysis threads, not Swift's few
    /// cooperative ones, which the loop that hands each briefing to the writer needs). Without a
    /// store, every group is analysed.
    private static func analyse(_ paths: [String], store: (any BriefingStore)?, reanalyse: Bool = false) async
        -> Analysed
    {
        let files: [TranscriptFile]
        do throws(PresserError) {
            files = try paths.map { path throws(PresserError) in try TranscriptFile.read(path) }
        } catch {
            return .failed(error.description)
        }
        var replacing: Int64?
        do throws(StoreError) {
            if let store, let id = try await store.storedID(sha256: TranscriptParser.sha256(of: files)) {
                guard reanalyse else { return .unchanged(id: id) }
                replacing = id
            }
        } catch {
            return .failed(error.description)
        }
        let replaced = replacing
        return await withCheckedContinuation { continuation in
            AnalysisThreads.shared.run {
                do throws(PresserError) {
                    let analysed = try Pipeline.runForStore(files)
                    var prepared = PreparedBriefing(analysed.briefing, sentences: analysed.sentences)
                    prepared.warnings = analysed.warnings
                    continuation.resume(returning: .prepared(prepared, replacing: replaced))
                } catch {
                    continuation.resume(returning: .failed(error.description))
                }
            }
        }
    }

    /// The groups analysed on all cores and made ready to store, in the order given, without a
    /// store: `presser bench --ingest` times this apart from the writing. Every group's rows are
    /// held at once (1,000 synthetic briefings: 360 MB), so give it a sample, not a whole corpus.
    public static func prepare(
        _ groups: [[String]], workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async -> [Swift.Result<PreparedBriefing, PrepareFailure>] {
        await withTaskGroup(of: (Int, Analysed).self) { group in
            var next = 0
            func launch() {
                guard next < groups.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await analyse(groups[index], store: nil)) }
            }
            for _ in 0..<max(1, 8 * workers) { launch() }
            var results = [Swift.Result<PreparedBriefing, PrepareFailure>?](repeating: nil, count: groups.count)
            while let (index, outcome) = await group.next() {
                launch()
                switch outcome {
                case .prepared(let prepared, _): results[index] = .success(prepared)
                case .failed(let reason): results[index] = .failure(PrepareFailure(reason: reason))
                case .unchanged: results[index] = .failure(PrepareFailure(reason: "stored already"))
                }
            }
            return results.map { $0 ?? .failure(PrepareFailure(reason: "not analysed")) }
        }
    }

    /// Why a group could not be made ready to store (unreadable, not a transcript…).
    public struct PrepareFailure: Error, Sendable {
        public var reason: String
    }

    /// Parses the groups on all cores and stores them one at a time, in the order given. At most
    /// eight times `workers` groups are read and analysed ahead of the writer (on `AnalysisThreads`,
    /// one thread per core), so memory stays flat however many there are. `warning` hears what
    /// reading a file called for ("not UTF-8; read as Windows-1252"), as each is stored. With
    /// `reanalyse`, files whose bytes are stored already are analysed again and their stored
    /// reading replaced (`BriefingStore.reanalyse`): for a store kept across Presser versions.
    public static func run(
        _ groups: [[String]], into store: any BriefingStore, reanalyse: Bool = false,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: @Sendable (Progress) -> Void = { _ in }, warning: @Sendable (String) -> Void = { _ in }
    ) async -> [Result] {
        let clock = ContinuousClock()
        let start = clock.now
        var results: [Result] = []
        var bytes = 0
        // Workers parse, analyse and prepare the rows; this loop, the one writer, only stores.
        await withTaskGroup(of: (index: Int, outcome: Analysed, bytes: Int).self) { group in
            var next = 0
            func launch() {
                guard next < groups.count else { return }
                let index = next
                let paths = groups[index]
                next += 1
                group.addTask {
                    let size = paths.reduce(0) { $0 + (FileStatus($1)?.size ?? 0) }
                    return (index, await analyse(paths, store: store, reanalyse: reanalyse), size)
                }
            }
            // Eight times as many in flight as workers: while the writer stores one briefing, or
            // waits for a long one still being analysed, every core still has the next to analyse.
            // (Twice as many left the cores idle behind a long briefing: 183–186% of two cores
            // used, now 192–194%; 1,000 synthetic briefings 9.3–9.5 → 8.8–9.2 s, 4 MB more.)
            // Briefings are stored in the order given (so a run gives the same ids every time),
            // those analysed early waiting in `ready`.
            for _ in 0..<max(1, 8 * workers) { launch() }
            var ready: [Int: (outcome: Analysed, bytes: Int)] = [:]
            while let done = await group.next() {
                ready[done.index] = (done.outcome, done.bytes)
                while let (outcome, size) = ready.removeValue(forKey: results.count) {
                    launch()
                    let paths = groups[results.count]
                    let name = paths.joined(separator: " + ")
                    bytes += size
                    switch outcome {
                    case .failed(let reason):
                        results.append(.failed(path: name, reason: reason))
                    case .unchanged(let id):
                        results.append(.unchanged(path: name, id: id))
                    case .prepared(let prepared, let replacing?):
                        prepared.warnings.forEach(warning)
                        do throws(StoreError) {
                            switch try await store.reanalyse(replacing, as: prepared, search: .batched) {
                            case .replaced: results.append(.reanalysed(path: name, id: replacing))
                            case .sameReading: results.append(.unchanged(path: name, id: replacing))
                            case .notStored:
                                results.append(
                                    .failed(path: name, reason: "\(name): briefing #\(replacing) was removed meanwhile")
                                )
                            }
                        } catch {
                            results.append(.failed(path: name, reason: error.description))
                        }
                    case .prepared(let prepared, nil):
                        prepared.warnings.forEach(warning)
                        do throws(StoreError) {
                            switch try await store.store(prepared, path: paths[0], search: .batched) {
                            case .stored(let id, let version):
                                results.append(.stored(path: name, id: id, version: version))
                            case .unchanged(let id): results.append(.unchanged(path: name, id: id))
                            }
                        } catch {
                            results.append(.failed(path: name, reason: error.description))
                        }
                    }
                    progress(
                        Progress(done: results.count, total: groups.count, bytes: bytes, elapsed: clock.now - start))
                }
            }
        }
        // The last batch into the search index. Should it fail (a full disk), the briefings are
        // stored all the same, and the next process to open the store indexes them.
        try? await store.indexPendingTurns()
        return results
    }
}
