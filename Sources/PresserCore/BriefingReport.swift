/// The readable breakdown of a briefing: title, date, roster, then one line per exchange
/// (`Q4  Macao Daily → Shohrat Zakir hands to Xu Hairong · 612 words`).
public enum BriefingReport {
    public static func text(_ b: Briefing) -> String {
        var out = ""
        out += b.displayTitle + "\n"
        var facts = [
            b.date ?? "date unknown", "layout \(b.layout)", count(b.turns.count, "turn"),
            count(b.exchanges.count, "question"),
        ]
        if !b.claims.isEmpty { facts.append(count(b.claims.count, "figure")) }
        if let location = b.location { facts.insert(location, at: 1) }
        out += facts.joined(separator: " · ") + "\n\n"
        out += "Participants\n"
        for p in b.participants where p.kind != .journalist {
            let roles = p.roles.isEmpty ? "" : " — " + p.roles.joined(separator: ", ")
            out += "  \(pad(p.kind.rawValue, 10)) \(p.name)\(roles)\n"
        }
        let journalists = b.participants.filter { $0.kind == .journalist }
        if !journalists.isEmpty {
            out += "  \(pad("journalist", 10)) "
            out +=
                journalists.map { j in j.outlet.map { "\(j.name) (\($0))" } ?? j.name }.joined(separator: ", ") + "\n"
        }
        if !b.exchanges.isEmpty {
            out += "\nQuestions\n"
            let width = String(b.exchanges.count).count + 1
            for e in b.exchanges {
                out += "  " + pad("Q\(e.index + 1)", width + 1) + " " + line(for: e, in: b) + "\n"
            }
            let unattributed = b.exchanges.filter { $0.outlet == nil }.count
            out +=
                "\n\(unattributed) of \(count(b.exchanges.count, "question")) printed without the outlet that asked them "
                + "(marked ?).\n"
        }
        let serious = b.findings.filter { $0.severity >= .warning }
        if !b.findings.isEmpty {
            out += "\nFindings: " + FindingReport.counts(b.findings)
            out += serious.isEmpty ? "\n" : " (warnings and errors below; all with presser check)\n"
            for f in serious {
                out += FindingReport.wrap("[\(f.severity.rawValue)] \(f.message)", width: 100, indent: "  ") + "\n"
            }
        }
        return out
    }

    /// One exchange as a line: who asked, who handed it on, who answered, how long.
    public static func line(for e: Exchange, in b: Briefing) -> String {
        let asker = e.outlet ?? e.askedBy.map { "\($0) (outlet not given)" } ?? "? outlet not given"
        var who = ""
        let answerers = e.answeredBy.compactMap { b.name(of: $0) }
        if let delegator = b.name(of: e.delegatedBy) {
            who = "\(delegator) hands to \(answerers.isEmpty ? "nobody" : answerers.joined(separator: ", "))"
        } else {
            who = answerers.isEmpty ? "no answer" : answerers.joined(separator: ", ")
        }
        let words = e.answers.reduce(0) { $0 + b.turns[$1].wordCount }
        return "\(asker) → \(who) · \(count(words, "word"))"
    }

    public static func markdown(_ b: Briefing) -> String {
        var out = "# \(b.displayTitle)\n\n"
        out += "- Date: \(b.date ?? "unknown")\n- Layout: \(b.layout)\n"
        if let location = b.location { out += "- Location: \(location)\n" }
        out += "- Turns: \(b.turns.count), questions: \(b.exchanges.count)\n\n## Participants\n\n"
        out += "| Name | Kind | Roles | Outlet |\n|---|---|---|---|\n"
        for p in b.participants {
            out +=
                "| \(cell(p.name)) | \(p.kind.rawValue) | \(cell(p.roles.joined(separator: "; "))) | \(cell(p.outlet ?? "")) |\n"
        }
        if !b.exchanges.isEmpty {
            out += "\n## Questions\n\n| # | Asked by | Handed on by | Answered by | Words |\n|---|---|---|---|---|\n"
            for e in b.exchanges {
                let asker = e.outlet ?? e.askedBy ?? "*outlet not given*"
                let words = e.answers.reduce(0) { $0 + b.turns[$1].wordCount }
                let answered = e.answeredBy.compactMap { b.name(of: $0) }.joined(separator: ", ")
                out +=
                    "| Q\(e.index + 1) | \(cell(asker)) | \(cell(b.name(of: e.delegatedBy) ?? "")) | \(cell(answered)) | \(words) |\n"
            }
        }
        out += "\n## Transcript\n\n"
        for t in b.turns {
            let who = b.name(of: t.speaker) ?? t.outlet.map { "Reporter (\($0))" } ?? t.label ?? "Unattributed"
            out += "**\(who)** (\(t.kind.rawValue), line \(t.line)): \(t.text.replacing("\n\n", with: "\n\n> "))\n\n"
        }
        return out
    }

    private static func cell(_ s: String) -> String { s.replacing("|", with: "\\|").replacing("\n", with: " ") }

    /// "1 turn", "33 turns": a statement's single turn, a briefing's one figure (the web app's
    /// question cards too).
    public static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
