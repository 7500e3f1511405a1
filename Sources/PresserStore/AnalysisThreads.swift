import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The threads `presser ingest` analyses on: one per core, at a lower priority (nice 10), so
/// that the one thread writing to the database runs whenever it has work and the analysis takes
/// what it leaves. At equal priority the writer waited its turn behind the analysis, and storing,
/// which goes one briefing at a time, set the pace (1,000 synthetic briefings: 15.4 s at 155% CPU,
/// 13.2 s at 187% with the analysis niced).
final class AnalysisThreads: @unchecked Sendable {
    static let shared = AnalysisThreads(count: ProcessInfo.processInfo.activeProcessorCount)

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []

    private init(count: Int) {
        for n in 0..<max(1, count) {
            let thread = Thread { [self] in
                Self.lowerPriority()
                while true {
                    condition.lock()
                    while jobs.isEmpty { condition.wait() }
                    let job = jobs.removeFirst()
                    condition.unlock()
                    job()
                }
            }
            thread.name = "presser-analysis-\(n)"
            thread.start()
        }
    }

    /// Runs `job` on one of the threads, in the order given.
    func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Nice 10 for the calling thread (on Linux the nice value is per thread). Not SCHED_IDLE:
    /// that would stop the analysis whenever anything else on the machine wants the CPU.
    private static func lowerPriority() {
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
