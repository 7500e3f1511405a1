/// The readable side-by-side of two language versions: the versions, the questions paired, the
/// figures that match and those that do not, then the findings.
public enum AlignmentReport {
    public static func text(_ alignment: Alignment, _ a: Briefing, _ b: Briefing) -> String {
        var out = ""
        for (name, v) in [("a", alignment.a), ("b", alignment.b)] {
            out += "\(name)  \(v.language)  \(v.title ?? v.file) · \(v.date ?? "date unknown") · "
            out += "\(v.turns) turns · \(v.questions) questions · \(v.claims) figures\n"
        }
        let same = alignment.figures.filter { $0.status == .same }.count
        let differs = alignment.figures.filter { $0.status == .differs }.count
        let onlyA = alignment.figures.filter { $0.status == .onlyA }.count
        let onlyB = alignment.figures.filter { $0.status == .onlyB }.count
        let pairedQuestions = alignment.exchanges.filter { $0.a != nil && $0.b != nil }.count
        out += "\n\(pairedQuestions) questions in both; \(same) figures in both, \(differs) differ, "
        out += "\(onlyA) in \(alignment.a.language) only, \(onlyB) in \(alignment.b.language) only\n"
        out += "\nQuestions\n"
        for pair in alignment.exchanges {
            let left = pair.a.map { "Q\($0 + 1) " + snippet(a.turns[a.exchanges[$0].question].text) } ?? "—"
            let right = pair.b.map { "Q\($0 + 1) " + snippet(b.turns[b.exchanges[$0].question].text) } ?? "—"
            out += "  \(left)\n    ↔ \(right)\n"
        }
        out += "\nFigures\n"
        for f in alignment.figures {
            let mark =
                switch f.status {
                case .same: "="
                case .differs: "≠"
                case .onlyA: "<"
                case .onlyB: ">"
                }
            out += "  \(mark) \(f.aText ?? "—")  ↔  \(f.bText ?? "—")\n"
        }
        let findings = (alignment.findingsA + alignment.findingsB.filter { $0.severity == .info || !isMirror($0) })
            .sorted { $0.severity > $1.severity }
        if !findings.isEmpty {
            out += "\nFindings: " + FindingReport.counts(findings) + "\n"
            for f in findings {
                out += FindingReport.wrap("[\(f.severity.rawValue)] \(f.message)", width: 100, indent: "  ") + "\n"
            }
        }
        return out
    }

    /// A figure that differs is reported for both versions; the text shows it once.
    private static func isMirror(_ f: Finding) -> Bool { f.details["otherClaim"] != nil }

    private static func snippet(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
        let limit = flat.unicodeScalars.contains(where: { $0.properties.isIdeographic }) ? 36 : 72
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
