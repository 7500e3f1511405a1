import PresserCore

/// One turn as cut from the text, before anyone is identified.
struct RawTurn: Sendable {
    var label: SpeakerLabel?
    var line: Int
    var page: Int = 0
    /// The paragraphs joined by a blank line, kept as they are added: the text is read many times
    /// (joining the paragraphs at each read was 0.1 ms a briefing).
    private(set) var text: String
    /// A paragraph without a label that reads as a reporter's question (SCIO layout).
    var unlabelledQuestion: Bool = false
    /// Prose printed above the first label: the host's opening remarks.
    var opening: Bool = false
    /// For a statement without labels: the person a byline above it names
    /// ("Willem F. Duisenberg, President of the European Central Bank, 9 June 1998").
    var byline: RosterEntry?

    init(
        label: SpeakerLabel?, line: Int, page: Int, paragraphs: [String], unlabelledQuestion: Bool = false,
        opening: Bool = false
    ) {
        self.label = label
        self.line = line
        self.page = page
        self.text = paragraphs.joined(separator: "\n\n")
        self.unlabelledQuestion = unlabelledQuestion
        self.opening = opening
    }

    /// No paragraph yet.
    var isEmpty: Bool { text.isEmpty }

    mutating func append(paragraph: String) {
        if !text.isEmpty { text += "\n\n" }
        text += paragraph
    }
}

/// The text cut into a header (title, roster, date…), turns, and what the turn styles say about
/// the layout.
struct Segmentation: Sendable {
    var header: [SourceLine]
    var turns: [RawTurn]
    var styles: [SpeakerLabel.Style: Int]
    var endTime: String?
}

/// Cuts lines into turns at speaker labels. Structural rules only: a label begins a turn; a
/// label that gathers no text makes none; `END` closes the transcript; a time line, a `---`
/// separator and blank lines are layout, not speech; a question printed without a label after
/// a wider gap is a turn of its own.
enum TurnSegmenter {
    static func segment(_ lines: [SourceLine]) -> Segmentation {
        // Find the labels first, to learn which styles this transcript uses.
        var labels = [SpeakerLabel?](repeating: nil, count: lines.count)
        var styles: [SpeakerLabel.Style: Int] = [:]
        var afterSeparator = false
        for (i, line) in lines.enumerated() where !line.text.isEmpty {
            if isSeparator(line.text) { afterSeparator = true; continue }
            if let label = SpeakerLabel.read(line.text, afterSeparator: afterSeparator) {
                labels[i] = label
                styles[label.style, default: 0] += 1
            }
            afterSeparator = false
        }
        // A label alone on its line, seen only once, is more likely page furniture ("Share:")
        // than a layout; an upper-case label with its text, a tag or a time-stamped label is a
        // speaker even once (a short excerpt of a transcript).
        let strong: Set<SpeakerLabel.Style> = [.tag, .colonInline, .timestamped, .fullWidth]
        let trusted = Set(styles.filter { $0.value >= 2 || strong.contains($0.key) }.map(\.key))
        // A Chinese name before a colon ("华春莹：") or a mixed-case label with text ("Geng Shuang:")
        // can be prose ("他表示：", "One last piece: …") or page furniture ("Webcasts: …"): a
        // Chinese name counts when it recurs, and mixed-case labels count only where a person's
        // name ("Geng Shuang") begins three paragraphs or more of ten words and up.
        var repeats: [String: Int] = [:]
        var speeches: [String: Int] = [:]
        for label in labels.compactMap({ $0 }) where label.isChineseName || label.style == .mixedInline {
            repeats[label.text, default: 0] += 1
            if label.rest.spaceSeparatedWordCount >= 10 { speeches[label.text, default: 0] += 1 }
        }
        let mixedLayout = speeches.contains { text, count in count >= 3 && Roster.isPersonName(text) }
        for i in labels.indices {
            guard let label = labels[i] else { continue }
            let keep =
                if label.isChineseName {
                    (repeats[label.text] ?? 0) >= 2
                } else if label.style == .mixedInline {
                    mixedLayout
                } else {
                    trusted.contains(label.style)
                }
            if !keep {
                labels[i] = nil
                styles[label.style, default: 1] -= 1
            }
        }
        guard let firstLabel = labels.indices.first(where: { labels[$0] != nil }) else {
            return statementOnly(lines)
        }
        // Opening remarks printed without a label just above the first label (a spokesperson's
        // announcements before the first "Q:" / "问：") are a turn, not header.
        let first = openingProse(lines, before: firstLabel) ?? firstLabel
        let wrapped = isHardWrapped(lines, labels: labels)
        let labelOnlyLayout = (styles[.colonLine] ?? 0) >= 2

        var turns: [RawTurn] = []
        var current: RawTurn?
        var paragraph = ""
        var blanks = 0
        var endTime: String?

        func closeParagraph() {
            let text = TextNormalizer.collapseSpaces(paragraph).trimmingSpaces
            if !text.isEmpty { current?.append(paragraph: text) }
            paragraph = ""
        }
        func closeTurn() {
            closeParagraph()
            if let turn = current, !turn.isEmpty { turns.append(turn) }
            current = nil
        }

        var i = first
        while i < lines.count {
            let line = lines[i]
            defer { i += 1 }
            if line.text.isEmpty || isSeparator(line.text) {
                blanks += 1
                if !wrapped || blanks >= 1 { closeParagraph() }
                continue
            }
            if let end = endLine(line.text) {
                endTime = end
                break
            }
            if isTimeLine(line.text) { blanks = 0; continue }
            if endsTranscript(line.text) { break }
            if let label = labels[i] {
                let continues =
                    current?.label.map { previous in
                        previous.text == label.text && !LabelRoles.isAnonymous(label.text)
                            && label.style != .tag && label.style != .colonInline && label.style != .question
                    } ?? false
                if continues {
                    closeParagraph()
                } else {
                    closeTurn()
                    current = RawTurn(label: label, line: line.number, page: line.page, paragraphs: [])
                }
                if !label.rest.isEmpty { paragraph = label.rest }
                blanks = 0
                continue
            }
            if labelOnlyLayout, blanks >= 2, line.text.containsBytes("?"), let turn = current,
                turn.label != nil, !turn.unlabelledQuestion, !turn.isEmpty
            {
                closeTurn()
                current = RawTurn(
                    label: nil, line: line.number, page: line.page, paragraphs: [], unlabelledQuestion: true)
            }
            if current == nil {
                current = RawTurn(
                    label: nil, line: line.number, page: line.page, paragraphs: [], opening: i < firstLabel)
            }
            if paragraph.isEmpty {
                paragraph = line.text
            } else if wrapped && blanks == 0 {
                paragraph += " " + line.text
            } else {
                closeParagraph()
                paragraph = line.text
            }
            blanks = 0
        }
        closeTurn()
        return Segmentation(header: Array(lines[..<first]), turns: turns, styles: styles, endTime: endTime)
    }

    /// The first line of a block of prose that ends just above the first label (blank lines
    /// between allowed), or nil when the line above the label is not prose.
    static func openingProse(_ lines: [SourceLine], before label: Int) -> Int? {
        var start: Int?
        var i = label - 1
        while i >= 0 {
            let text = lines[i].text
            if text.isEmpty || isSeparator(text) {
                i -= 1
                continue
            }
            guard isProse(text) else { break }
            start = i
            i -= 1
        }
        return start
    }

    /// A paragraph of running text: twenty words, or forty characters of Chinese with a full stop
    /// or comma.
    static func isProse(_ text: String) -> Bool {
        if text.spaceSeparatedWordCount >= 20 { return true }
        guard text.utf8.count >= 120 else { return false }
        var han = 0
        var punctuated = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isIdeographic { han += 1 }
            if scalar == "。" || scalar == "，" { punctuated = true }
        }
        return han >= 40 && punctuated
    }

    /// Page furniture that follows the transcript on government sites: the list of related news,
    /// the attachments and links ("附件", "相关附件", "相关链接：" on the Foreign Ministry's pages).
    static func endsTranscript(_ text: String) -> Bool {
        // Every line is tested: one longer than the longest of these (15 bytes) is none of them,
        // without comparing it with each.
        guard text.utf8.count <= 15 else { return false }
        return [
            "相关新闻", "附件", "相关附件", "相关链接", "相关链接：", "Related News:", "Related News", "Appendix:",
        ]
        .contains(text)
    }

    /// A text with no speaker labels: one statement, the longest run of prose in the page
    /// (navigation and cookie banners around it fall away).
    private static func statementOnly(_ lines: [SourceLine]) -> Segmentation {
        func words(_ text: String) -> Int { text.spaceSeparatedWordCount }
        var best: (start: Int, end: Int, words: Int)?
        var start: Int?
        var end = 0
        var total = 0
        var gap = 0
        for (i, line) in lines.enumerated() {
            if line.text.isEmpty { continue }
            let count = words(line.text)
            if count >= 20 {
                if start == nil { start = i; total = 0 }
                end = i
                total += count
                gap = 0
            } else if start != nil {
                gap += 1
                if gap > 1 {
                    if total > (best?.words ?? 0), let s = start { best = (s, end, total) }
                    start = nil
                    gap = 0
                }
            }
        }
        if let s = start, total > (best?.words ?? 0) { best = (s, end, total) }
        guard let best else {
            return Segmentation(header: lines, turns: [], styles: [:], endTime: nil)
        }
        let paragraphs = lines[best.start...best.end].map(\.text).filter { !$0.isEmpty }
            .map { TextNormalizer.collapseSpaces($0) }
        var turn = RawTurn(
            label: nil, line: lines[best.start].number, page: lines[best.start].page, paragraphs: paragraphs)
        turn.byline =
            lines[..<best.start].filter { !$0.text.isEmpty }.suffix(2).reversed().lazy.compactMap(Roster.entry).first
        return Segmentation(header: Array(lines[..<best.start]), turns: [turn], styles: [:], endTime: nil)
    }

    /// True when the text is hard-wrapped: many lines of similar length run on into the next.
    private static func isHardWrapped(_ lines: [SourceLine], labels: [SpeakerLabel?]) -> Bool {
        var runOn = 0
        var textLines = 0
        for i in lines.indices.dropLast() where labels[i] == nil && lines[i].text.utf8.count >= 40 {
            textLines += 1
            let next = lines[i + 1].text
            if lines[i].text.utf8.count <= 90, !next.isEmpty, labels[i + 1] == nil { runOn += 1 }
        }
        return textLines > 0 && runOn * 10 >= textLines * 3
    }

    static func isSeparator(_ text: String) -> Bool {
        // Only a line that starts with one of the three can be one (every line is tested: the
        // Character comparisons took 0.03 ms a briefing).
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
        else { return false }
        return text.utf8.count >= 3
            && (text.allSatisfy { $0 == "-" } || text.allSatisfy { $0 == "*" } || text.allSatisfy { $0 == "_" })
    }

    /// "12:57 P.M. EST", "11:02 A.M. EDT", "5:29 P.M. CST".
    static func isTimeLine(_ text: String) -> Bool {
        guard let f = text.utf8.first, f >= UInt8(ascii: "0"), f <= UInt8(ascii: "9"), text.utf8.count <= 40 else {
            return false
        }
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count), let first = words.first, first.containsBytes(":"),
            first.allSatisfy({ $0.isNumber || $0 == ":" })
        else { return false }
        let meridiem = words[1].uppercased()
        return meridiem.hasPrefix("A.M") || meridiem.hasPrefix("P.M") || meridiem == "AM" || meridiem == "PM"
    }

    /// "END 1:54 P.M. EDT", "END" or "END ‘": the transcript ends here; returns the time or "".
    static func endLine(_ text: String) -> String? {
        if text == "END" || text == "END." { return "" }
        guard text.hasPrefix("END ") else { return nil }
        let rest = TextNormalizer.trim(text.dropFirst(4))
        // "END                 ‘": a stray quote mark after it on the page.
        if rest.allSatisfy({ "‘’'\"“”`".contains($0) }) { return "" }
        return isTimeLine(rest) ? rest : nil
    }
}
