/// Claims as a readable table and as CSV.
public enum ClaimTable {
    public static func text(_ claims: [Claim], in briefing: Briefing) -> String {
        var out = "\(claims.count) claims in \(briefing.displayTitle)\n"
        for c in claims {
            let who = briefing.name(of: c.speaker) ?? briefing.turns[c.turn].outlet.map { "Reporter (\($0))" } ?? "—"
            var parts = ["\(format(c.value))\(c.upper.map { "–" + format($0) } ?? "")", c.unit ?? "", c.kind.rawValue]
            if c.qualifier != .exact { parts.append(c.qualifier.rawValue) }
            if let counted = c.counted { parts.append("of \(counted)") }
            if let subject = c.subject { parts.append("subject: \(subject)") }
            if let period = c.period {
                parts.append("period: \(period.text) (\(period.from ?? "…")–\(period.to ?? "…"))")
            }
            if let change = c.change {
                parts.append("change: \(change.direction.rawValue)\(change.basis.map { " " + $0.rawValue } ?? "")")
            }
            out += "T\(c.turn) \(who): “\(c.text)” → " + parts.filter { !$0.isEmpty }.joined(separator: " · ") + "\n"
        }
        return out
    }

    public static let csvHeader =
        "file,turn,speaker,text,start,end,value,upper,kind,unit,counted,qualifier,subject,period,from,to,direction,basis,sentence"

    public static func csv(_ claims: [Claim], file: String) -> String {
        var out = csvHeader + "\r\n"
        for c in claims {
            let fields: [String] = [
                file, String(c.turn), c.speaker ?? "", c.text, String(c.start), String(c.end), format(c.value),
                c.upper.map(format) ?? "", c.kind.rawValue, c.unit ?? "", c.counted ?? "", c.qualifier.rawValue,
                c.subject ?? "", c.period?.text ?? "", c.period?.from ?? "", c.period?.to ?? "",
                c.change?.direction.rawValue ?? "", c.change?.basis?.rawValue ?? "", c.sentence,
            ]
            out += fields.map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// 6.1, 1220000000000, 0.25: no trailing ".0", no exponent.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var s = String(value)
        if s.containsBytes("e") { s = plainDecimal(value) }
        return s
    }

    private static func plainDecimal(_ value: Double) -> String {
        // Plain decimal without exponent, up to 9 decimals, trailing zeros trimmed.
        let scaled = (value * 1e9).rounded()
        let whole = Int64(scaled / 1e9)
        var frac = Int64(abs(scaled.truncatingRemainder(dividingBy: 1e9)))
        var digits = 9
        while digits > 0, frac % 10 == 0 {
            frac /= 10
            digits -= 1
        }
        if digits == 0 { return String(whole) }
        let f = String(frac)
        return String(whole) + "." + String(repeating: "0", count: digits - f.count) + f
    }
}
