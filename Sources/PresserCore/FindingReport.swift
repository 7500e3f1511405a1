/// Findings as text a journalist reads: one block per finding, the most serious first, with the
/// turns it points to.
public enum FindingReport {
    public static func text(_ findings: [Finding], in briefing: Briefing) -> String {
        guard !findings.isEmpty else { return "No findings.\n" }
        var out = summary(findings) + "\n"
        let ordered = findings.enumerated().sorted {
            ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset)
        }
        for (_, f) in ordered {
            out += "\n" + pad(f.severity.rawValue.uppercased(), 8) + f.kind.rawValue
            if !f.turns.isEmpty { out += " · turn" + (f.turns.count > 1 ? "s " : " ") + list(f.turns) }
            out += "\n" + wrap(f.message, width: 100, indent: "  ") + "\n"
        }
        return out
    }

    /// "11 findings: 2 warnings, 9 info".
    public static func summary(_ findings: [Finding]) -> String {
        "\(findings.count) finding\(findings.count == 1 ? "" : "s"): " + counts(findings)
    }

    /// "2 warnings, 9 info": the counts by severity, most serious first.
    public static func counts(_ findings: [Finding]) -> String {
        let counts = Finding.Severity.allCases.reversed().compactMap { s -> String? in
            let n = findings.filter { $0.severity == s }.count
            guard n > 0 else { return nil }
            switch s {
            case .error: return n == 1 ? "1 error" : "\(n) errors"
            case .warning: return n == 1 ? "1 warning" : "\(n) warnings"
            case .info: return "\(n) info"
            }
        }
        return counts.joined(separator: ", ")
    }

    private static func list(_ turns: [Int]) -> String {
        turns.count > 6
            ? turns.prefix(6).map(String.init).joined(separator: ", ") + "…"
            : turns.map(String.init).joined(separator: ", ")
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    /// Words wrapped at `width` columns, each line indented.
    public static func wrap(_ text: String, width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.count + word.count + 1 > width, line.count > indent.count {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        if line.count > indent.count { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
