import PresserCore

/// Title, date, location and start time, read from front matter, the header above the first
/// turn, the title, and last the file name.
struct Metadata: Sendable, Equatable {
    var title: String?
    var date: String?
    var location: String?
    var startTime: String?

    private static let titleKeywords = [
        "press", "briefing", "conference", "statement", "remarks", "gaggle", "call", "conferencia",
        "versión", "estenográfica", "mañanera", "interview", "transcript", "scio", "announcement",
    ]

    static func read(header: [SourceLine], frontMatter: FrontMatter?, fileName: String) -> Metadata {
        var meta = Metadata()
        meta.title = frontMatter?.title.flatMap { $0.isEmpty ? nil : $0 }
        if let date = frontMatter?.date { meta.date = DateText.find(in: date) }

        let window = header.filter { !$0.text.isEmpty }.suffix(40)
        if meta.title == nil {
            let candidates = window.filter { isTitleLike($0.text) || isChineseTitle($0.text) }
            let withKeyword = candidates.filter { line in
                let lower = line.text.lowercased()
                return titleKeywords.contains { lower.containsBytes($0) } || isChineseTitle(line.text)
            }
            // A menu entry ("Regular Press Conference") names the kind of page; the title names
            // the day too.
            meta.title =
                (withKeyword.first { DateText.find(in: $0.text) != nil } ?? withKeyword.first ?? candidates.first)?
                .text
        }
        if meta.date == nil {
            meta.date = window.last { DateText.isDateLine($0.text) }.flatMap { DateText.find(in: $0.text) }
        }
        if meta.date == nil, let title = meta.title { meta.date = DateText.find(in: title) }
        if meta.date == nil { meta.date = window.lazy.compactMap { DateText.find(in: $0.text) }.first }
        if meta.date == nil { meta.date = DateText.find(in: fileName) }

        if let time = window.last(where: { TurnSegmenter.isTimeLine($0.text) }) {
            meta.startTime = time.text
            // The location is printed just above the time: one or two short lines.
            // Only lines in the same block as the time line (no gap between them).
            var block: [SourceLine] = []
            for line in window.filter({ $0.number < time.number }).reversed() {
                guard line.number == (block.first?.number ?? time.number) - 1, block.count < 2 else { break }
                block.insert(line, at: 0)
            }
            let above = block.filter { line in
                let words = line.text.split(separator: " ").count
                return words <= 8 && line.text != meta.title && !DateText.isDateLine(line.text)
                    && !line.text.hasSuffix(":") && !line.text.hasSuffix(".")
            }
            if !above.isEmpty { meta.location = above.map(\.text).joined(separator: ", ") }
        }
        return meta
    }

    /// A Chinese title: a short line naming a press conference, briefing or launch
    /// ("2020年3月12日外交部发言人耿爽主持例行记者会").
    static func isChineseTitle(_ text: String) -> Bool {
        guard text.count <= 80, !text.containsBytes(">") else { return false }
        return ["记者会", "发布会", "吹风会", "记者招待会"].contains { text.containsBytes($0) }
    }

    /// A line that can be a title: four to forty words, not a date, not a breadcrumb, not a
    /// roster line, not a sentence of prose.
    static func isTitleLike(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (3...40).contains(words.count), text.first?.isUppercase == true else { return false }
        if text.containsBytes(" > ") || text.hasSuffix(":") || DateText.isDateLine(text) && words.count < 5 {
            return false
        }
        if TurnSegmenter.isTimeLine(text) { return false }
        if Roster.entry(SourceLine(text: text, number: 0)) != nil { return false }
        if text.hasSuffix(".") && words.count > 15 { return false }
        return true
    }
}
