/// Turning what a user typed into query text that cannot break or inject into a query: the text is
/// always a bound parameter, and for SQLite's FTS5 it is rebuilt from its words, each quoted.
enum SearchText {
    /// FTS5 query text: every word and every "quoted phrase" becomes a quoted string (inner quotes
    /// doubled), joined by spaces (all must match). Operators typed by the user (AND, OR, NEAR, *,
    /// column filters) are just words. nil when nothing is left to search for.
    static func fts5(_ text: String) -> String? {
        var terms: [String] = []
        var inPhrase = false
        var current = ""
        func flush() {
            let words = current.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            current = ""
            guard !words.isEmpty else { return }
            if inPhrase {
                terms.append("\"" + words.joined(separator: " ") + "\"")
            } else {
                terms += words.map { "\"\($0)\"" }
            }
        }
        for ch in text {
            if ch == "\"" || ch == "“" || ch == "”" {
                flush()
                inPhrase.toggle()
            } else {
                current.append(ch)
            }
        }
        flush()
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }

    /// A LIKE pattern that finds `text` anywhere, lower-cased, with % _ and \ taken literally
    /// (used with `ESCAPE '\'`).
    static func contains(_ text: String) -> String {
        var out = "%"
        for ch in text.lowercased() {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + "%"
    }

    /// Whether the text has anything to search for, for PostgreSQL (whose parser copes with the rest).
    static func hasWords(_ text: String) -> Bool { text.contains { $0.isLetter || $0.isNumber } }
}
