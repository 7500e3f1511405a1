import Foundation
import PresserCore

/// Four RFC 4180 files (CRLF line ends, fields quoted when they hold a comma, quote or line break):
/// turns.csv, exchanges.csv, claims.csv, findings.csv, each row keyed by the briefing.
public enum CSVExport {
    public static func write(_ briefings: [ExportedBriefing], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var turns = [
            [
                "briefing", "date", "turn", "speaker", "speaker_name", "label", "kind", "outlet", "asked_by", "line",
                "words", "text",
            ]
        ]
        var exchanges = [
            [
                "briefing", "date", "exchange", "question_turn", "outlet", "asked_by", "delegated_by", "answered_by",
                "answer_turns",
            ]
        ]
        var claims = [
            [
                "briefing", "date", "claim", "turn", "speaker", "text", "value", "upper", "kind", "unit", "counted",
                "qualifier", "subject", "period_text", "period_from", "period_to", "change", "basis", "sentence",
            ]
        ]
        var findings = [["briefing", "date", "finding", "kind", "severity", "message", "claims", "turns"]]
        for e in briefings {
            let b = e.briefing
            let date = b.date ?? ""
            for t in b.turns {
                turns.append([
                    e.key, date, String(t.index), t.speaker ?? "", b.name(of: t.speaker) ?? "", t.label ?? "",
                    t.kind.rawValue, t.outlet ?? "", t.askedBy ?? "", String(t.line), String(t.wordCount), t.text,
                ])
            }
            for x in b.exchanges {
                exchanges.append([
                    e.key, date, String(x.index), String(x.question), x.outlet ?? "", x.askedBy ?? "",
                    x.delegatedBy ?? "",
                    x.answeredBy.joined(separator: ";"), x.answers.map(String.init).joined(separator: ";"),
                ])
            }
            for (i, c) in b.claims.enumerated() {
                claims.append([
                    e.key, date, String(i), String(c.turn), c.speaker ?? "", c.text, number(c.value),
                    c.upper.map(number) ?? "",
                    c.kind.rawValue, c.unit ?? "", c.counted ?? "", c.qualifier.rawValue, c.subject ?? "",
                    c.period?.text ?? "", c.period?.from ?? "", c.period?.to ?? "", c.change?.direction.rawValue ?? "",
                    c.change?.basis?.rawValue ?? "", c.sentence,
                ])
            }
            for (i, f) in b.findings.enumerated() {
                findings.append([
                    e.key, date, String(i), f.kind.rawValue, f.severity.rawValue, f.message,
                    f.claims.map(String.init).joined(separator: ";"), f.turns.map(String.init).joined(separator: ";"),
                ])
            }
        }
        for (name, rows) in [("turns", turns), ("exchanges", exchanges), ("claims", claims), ("findings", findings)] {
            try Data(csv(rows).utf8).write(to: directory.appendingPathComponent("\(name).csv"))
        }
    }

    /// Rows as RFC 4180 text.
    public static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map(ClaimTable.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// 6.1, 400000000000, 0.5: no exponent, no trailing ".0" (as `presser claims --format csv`).
    static func number(_ x: Double) -> String { ClaimTable.format(x) }
}
