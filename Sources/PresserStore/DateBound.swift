import Foundation

/// One end of a date range on the stored briefings, as people write it: a day (2019-12-09), a month
/// (2019-12) or a year (2019). Briefings keep their dates as YYYY-MM-DD text, and the stores compare
/// them as text, so a bound is turned into the day that makes that comparison take in the whole
/// month or year: `--from 2019-12` is "2019-12-01", `--to 2019` is "2019-12-31" (compared as given,
/// "2019" would have left out every briefing of 2019).
public struct DateBound: Sendable, Equatable, CustomStringConvertible {
    public enum Side: Sendable { case from, to }

    /// The YYYY-MM-DD compared with the briefings' dates.
    public let day: String

    /// Nil unless `text` is YYYY, YYYY-MM or YYYY-MM-DD (months and days may have one digit) naming
    /// a real month or day.
    public init?(_ text: String, side: Side) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { ("0"..."9").contains($0) } }),
            let year = Int(parts[0]), year >= 1
        else { return nil }
        var month = side == .from ? 1 : 12
        if parts.count > 1 {
            guard parts[1].count <= 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        let last = Self.days(inMonth: month, of: year)
        var dayOfMonth = side == .from ? 1 : last
        if parts.count > 2 {
            guard parts[2].count <= 2, let d = Int(parts[2]), (1...last).contains(d) else { return nil }
            dayOfMonth = d
        }
        day =
            Self.twoDigits(year / 100) + Self.twoDigits(year % 100) + "-" + Self.twoDigits(month) + "-"
            + Self.twoDigits(dayOfMonth)
    }

    public var description: String { day }

    /// What a bound that is not a date is told, for `--from`, `--to` and the API's `from` and `to`.
    public static func problem(_ text: String, name: String) -> String {
        "\(name): “\(text)” is not a date; give YYYY-MM-DD, YYYY-MM or YYYY"
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
