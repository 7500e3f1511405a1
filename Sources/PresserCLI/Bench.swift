import ArgumentParser
import Foundation
import PresserCheck
import PresserClaims
import PresserCore
import PresserParse
import PresserStore

#if canImport(Glibc)
    import Glibc
#endif

extension Presser {
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure parse throughput (MB/s) on one core over a folder of transcripts.",
            discussion: """
                Reads the transcripts presser ingest would read from the folder (.txt, .html,
                .htm and .md, in subfolders too; README, SOURCES and such left out) into
                memory, then parses them all (with --claims also extracts their claims; with
                --checks also extracts claims and runs the checks), one after another on one
                thread, several rounds, and reports the median round. Build in release mode for meaningful
                figures:
                  swift run -c release presser bench Tests/Fixtures/corpus
                  swift run -c release presser bench --only=-zh.txt Tests/Fixtures/corpus-zh

                --search measures search latency on a store. --ingest measures what limits
                presser ingest: the analysis of a folder's transcripts on all cores, then the
                storing of the same briefings by the one writer, each timed apart with the CPU
                time it took (into a new SQLite file, removed afterwards, unless --into names a
                store). Every analysed briefing is held in memory until stored: give it a
                sample of a thousand or so, not a whole corpus:
                  swift run -c release presser bench --ingest /tmp/presser-10k/000
                """
        )

        @Argument(help: ArgumentHelp("Folder of transcripts.", valueName: "dir"))
        var directory: String = "Tests/Fixtures/corpus"

        @Flag(help: "Extract claims too (parse + claims throughput).")
        var claims = false

        @Flag(help: "Extract claims, run the checks and label the answers too (the whole pipeline of presser parse).")
        var checks = false

        @Option(help: ArgumentHelp("Only the files whose names end so (e.g. -zh.txt).", valueName: "ending"))
        var only: String?
        @Option(help: "Number of timed rounds.")
        var rounds: Int = 10

        @Option(
            help: ArgumentHelp(
                "Measure search latency on this store instead (an SQLite file or postgres:// URL).",
                valueName: "path|url"))
        var search: String?

        @Option(
            help: ArgumentHelp(
                "Measure ingest instead: analysis, then storing, of the transcripts under this folder.",
                valueName: "dir"))
        var ingest: String?

        @Option(
            help: ArgumentHelp(
                "With --ingest, the store to write into (default: a new SQLite file, removed afterwards).",
                valueName: "path|url"))
        var into: String?

        func validate() throws {
            if rounds < 1 { throw ValidationError("--rounds must be at least 1.") }
            if into != nil && ingest == nil { throw ValidationError("--into goes with --ingest.") }
            if ingest != nil && search != nil { throw ValidationError("Give --ingest or --search, not both.") }
        }

        /// Queries of the kinds people type, on words the corpus holds.
        static let queries = [
            "inflation", "unemployment rate", "\"federal funds rate\"", "vaccine", "violent terrorist attacks",
            "tariffs", "ventilators", "poverty alleviation", "balance sheet", "testing capacity", "Xinjiang",
            "supply chains", "\"maximum employment\"", "hospital beds", "China", "interest rates", "labor market",
            "vocational education", "price stability", "Congress", "economic growth", "masks", "Iran", "Ukraine",
            "housing", "climate change", "gas prices", "wages", "recession", "coronavirus",
        ]

        /// Search latency: each query a few times against the store, the middle and the 99th
        /// percentile of all the timings.
        private func measureSearch(_ location: StoreLocation) async throws {
            let store = try await storeCall { () throws(StoreError) in try await location.open() }
            let counts = try await storeCall { () throws(StoreError) in try await store.counts() }
            let clock = ContinuousClock()
            var times: [Double] = []
            var hits = 0
            for round in 0...rounds {
                for query in Self.queries {
                    var found = 0
                    let elapsed = try await clock.measure {
                        found = try await storeCall { () throws(StoreError) in
                            try await store.search(SearchQuery(query, limit: 20)).count
                        }
                    }
                    // The first round warms the caches and is not counted.
                    if round > 0 {
                        times.append(
                            Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
                        hits += found
                    }
                }
            }
            await store.close()
            times.sort()
            func percentile(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
            print(
                String(
                    format:
                        "%@: %d briefings, %d turns; %d searches (%d queries × %d rounds, %d hits): p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                    location.description, counts.briefings, counts.turns, times.count, Self.queries.count, rounds, hits,
                    percentile(0.5), percentile(0.99), times.last ?? 0))
        }

        /// The process's CPU time so far (user and system), in seconds.
        private static func cpuTime() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
            return seconds(usage.ru_utime) + seconds(usage.ru_stime)
        }

        /// Ingest in two timed parts: every briefing analysed on all cores, then all of them stored
        /// by the one writer. What each costs in CPU a briefing, and the rate the two together
        /// could reach at best on this machine's cores, tell which of them to work on.
        private func measureIngest(_ folder: String) async throws {
            let files = PresserStore.Ingest.files([folder]).files
            guard !files.isEmpty else {
                printError("presser: \(folder): no transcripts (.txt, .html, .htm, .md) to measure")
                throw ExitCode(66)
            }
            let bytes = files.reduce(0) {
                $0 + (FileStatus($1)?.size ?? 0)
            }
            let cores = ProcessInfo.processInfo.activeProcessorCount
            let clock = ContinuousClock()
            func seconds(_ d: Duration) -> Double {
                Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            }

            var cpu = Self.cpuTime()
            var start = clock.now
            let prepared = await PresserStore.Ingest.prepare(files.map { [$0] }, workers: cores)
            let analysis = (wall: seconds(clock.now - start), cpu: Self.cpuTime() - cpu)
            let ready = prepared.compactMap { try? $0.get() }

            // The store: the one named, or a new file in a folder of its own, removed afterwards.
            var scratch: URL?
            let location: StoreLocation
            if let into {
                location = StoreLocation(into)
            } else {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "presser-bench-\(UUID().uuidString)")
                scratch = folder
                location = StoreLocation(folder.appendingPathComponent("bench.sqlite").path)
            }
            defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
            let store = try await storeCall { () throws(StoreError) in try await location.open() }
            var stored = 0
            cpu = Self.cpuTime()
            start = clock.now
            for (prepared, path) in zip(prepared, files) {
                guard case .success(let briefing) = prepared else { continue }
                // As `presser ingest` stores them: the search index takes them in batches.
                let outcome = try await storeCall { () throws(StoreError) in
                    try await store.store(briefing, path: path, search: .batched)
                }
                if case .stored = outcome { stored += 1 }
            }
            try await storeCall { () throws(StoreError) in try await store.indexPendingTurns() }
            let storing = (wall: seconds(clock.now - start), cpu: Self.cpuTime() - cpu)
            start = clock.now
            await store.close()
            let closing = seconds(clock.now - start)

            let n = Double(max(1, ready.count))
            let mb = Double(bytes) / 1_000_000
            print(
                String(
                    format: "%d files, %.1f MB: %d analysed (%d failed), %d stored (%d unchanged) into %@",
                    files.count, mb, ready.count, files.count - ready.count, stored, ready.count - stored,
                    into == nil ? "a new SQLite file" : location.description))
            print(
                String(
                    format: "analysis, %d threads:  %.2f s = %.0f briefings/s (%.1f MB/s); %.2f ms of CPU a briefing",
                    cores, analysis.wall, n / analysis.wall, mb / analysis.wall, 1000 * analysis.cpu / n))
            print(
                String(
                    format:
                        "storing, one writer:  %.2f s = %.0f briefings/s; %.2f ms of CPU a briefing; closing %.2f s",
                    storing.wall, n / storing.wall, 1000 * storing.cpu / n, closing))
            // Together on these cores: no faster than all the CPU allows, nor than the writer alone.
            let bound = min(Double(cores) * n / (analysis.cpu + storing.cpu), n / storing.wall)
            print(
                String(
                    format: "ingest at best on %d cores: %.0f briefings/s (%.2f ms of CPU a briefing in all)",
                    cores, bound, 1000 * (analysis.cpu + storing.cpu) / n))
        }

        func run() async throws {
            if let search {
                try await measureSearch(StoreLocation(search))
                return
            }
            if let ingest {
                try await measureIngest(ingest)
                return
            }
            // The files `presser ingest` would read from the folder (SOURCES.md and the like left out).
            let inputs = PresserStore.Ingest.files([directory]).files
                .filter { only.map($0.hasSuffix) ?? true }
                .compactMap { path -> TranscriptFile? in
                    FileManager.default.contents(atPath: path).map { TranscriptFile(name: path, bytes: [UInt8]($0)) }
                }
            guard !inputs.isEmpty else {
                printError("presser: \(directory): no transcripts (.txt, .html, .htm, .md) to measure")
                throw ExitCode(66)
            }
            let bytes = inputs.reduce(0) { $0 + $1.bytes.count }
            var turns = 0
            var claimCount = 0
            var findingCount = 0
            var times: [Double] = []
            let clock = ContinuousClock()
            // One warm-up round, then the timed rounds.
            for round in 0...rounds {
                var roundTurns = 0
                var roundClaims = 0
                var roundFindings = 0
                let elapsed = clock.measure {
                    for input in inputs {
                        if let result = try? TranscriptParser.parse([input]) {
                            roundTurns += result.briefing.turns.count
                            guard claims || checks else { continue }
                            var briefing = result.briefing
                            let sentences = Sentences.ofTurns(briefing)
                            briefing.claims = ClaimExtractor.claims(in: briefing, sentences: sentences)
                            roundClaims += briefing.claims.count
                            if checks { roundFindings += Checker.check(briefing, sentences: sentences).findings.count }
                        }
                    }
                }
                if round > 0 {
                    times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                }
                turns = roundTurns
                claimCount = roundClaims
                findingCount = roundFindings
            }
            times.sort()
            let median = times[times.count / 2]
            let mb = Double(bytes) / 1_000_000
            if claims || checks { print("with the claims stage: \(claimCount) claims") }
            if checks { print("with the checks stage: \(findingCount) findings") }
            print(
                String(
                    format: "%d files, %.2f MB, %d turns; median of %d rounds %.1f ms: %.1f MB/s (best %.1f MB/s)",
                    inputs.count, mb, turns, rounds, median * 1000, mb / median, mb / (times.first ?? median)))
        }
    }
}
