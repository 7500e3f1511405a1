import ArgumentParser
import PresserStore

/// `--from` and `--to`, shared by the commands that read stored briefings by date. Each takes a
/// day, a month or a year; a month or a year covers all of it (`--to 2019` keeps December 2019).
struct DateRangeOption: ParsableArguments {
    @Option(
        help: ArgumentHelp("Only briefings dated on or after this day, month or year.", valueName: "YYYY[-MM[-DD]]"))
    var from: String?
    @Option(
        help: ArgumentHelp("Only briefings dated on or before this day, month or year.", valueName: "YYYY[-MM[-DD]]"))
    var to: String?

    func validate() throws {
        if let from, DateBound(from, side: .from) == nil {
            throw ValidationError(DateBound.problem(from, name: "--from"))
        }
        if let to, DateBound(to, side: .to) == nil { throw ValidationError(DateBound.problem(to, name: "--to")) }
        // Reversed bounds take in no day at all: said, not answered with an empty list.
        if let from, let to, let first = fromDay, let last = toDay, first > last {
            throw ValidationError("--from \(from) is after --to \(to): no day is in between.")
        }
    }

    /// The first day the range takes in, as the stores compare it.
    var fromDay: String? { from.flatMap { DateBound($0, side: .from)?.day } }
    /// The last day the range takes in.
    var toDay: String? { to.flatMap { DateBound($0, side: .to)?.day } }
}
