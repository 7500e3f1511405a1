import PresserStore

/// A subject's figures across briefings: an SVG line (one unit at a time) with each point linked to
/// the figure in its briefing, and the table.
struct TimelinePage {
    struct Row {
        var date: String
        var period: String
        var value: String
        var text: String
        var briefing: Int64
        var claim: Int
        var subject: String
    }

    var title: String
    var query: String
    var subject: String
    var unit: String
    var rows: [Row]
    var chart: String
    var hasChart: Bool
    var none: Bool
    var asked: Bool

    init(subject: String, unit: String?, points: [TimelinePoint]) {
        self.subject = subject
        self.unit = unit ?? ""
        query = ""
        title = subject.isEmpty ? "Timeline" : "Timeline: \(subject)"
        rows = points.map {
            Row(
                date: $0.placedAt ?? "", period: $0.periodText ?? "(no period)",
                value: BriefingPage.number($0.value) + ($0.unit.map { " \($0)" } ?? ""),
                text: $0.text, briefing: $0.briefing, claim: $0.claim, subject: $0.subject ?? "")
        }
        // One line per unit: the most common one (or the one asked for).
        var units: [String: Int] = [:]
        for p in points { units[p.unit ?? "", default: 0] += 1 }
        let chosen = unit ?? units.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
        let charted = points.filter { ($0.unit ?? "") == chosen }.map {
            Charts.Point(
                date: $0.placedAt ?? "", value: $0.value,
                href: "/briefings/\($0.briefing)#claim-\($0.claim)",
                label: "\($0.text) (\($0.periodText ?? "said \($0.date ?? "")"))")
        }
        chart =
            charted.count > 1 ? Charts.line(charted, title: "\(subject) (\(chosen.isEmpty ? "count" : chosen))") : ""
        hasChart = !chart.isEmpty
        asked = !subject.isEmpty
        none = asked && points.isEmpty
    }
}
