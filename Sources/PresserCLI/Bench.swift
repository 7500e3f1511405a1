import ArgumentParser
import Foundation
import PresserCheck
import PresserClaims
import PresserCore
import PresserParse
import PresserStore

extension Presser {
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure parse throughput (MB/s) on one core over a folder of transcripts.",
            discussion: """
                Reads every .txt, .html and .md file in the folder into memory, then parses
                them all (with --claims also extracts their claims; with --checks also
                extracts claims and runs the checks), one after another on one thread, several
                rounds, and reports the median round. Build in release mode for meaningful
                figures:
                  swift run -c release presser bench Tests/Fixtures/corpus
                  swift run -c release presser bench --only -zh.txt Tests/Fixtures/corpus-zh
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

        func validate() throws {
            if rounds < 1 { throw ValidationError("--rounds must be at least 1.") }
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

        func run() async throws {
            if let search {
                try await measureSearch(StoreLocation(search))
                return
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            let inputs = names.sorted().filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") || $0.hasSuffix(".md") }
                .filter { only.map($0.hasSuffix) ?? true }
                .compactMap { name -> TranscriptFile? in
                    let path = directory + "/" + name
                    return FileManager.default.contents(atPath: path).map {
                        TranscriptFile(name: path, bytes: [UInt8]($0))
                    }
                }
            guard !inputs.isEmpty else {
                printError("presser: \(directory): no transcripts (.txt, .html, .md) to measure")
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
