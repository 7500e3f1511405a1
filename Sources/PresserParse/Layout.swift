import PresserCore

/// Names the layout family from the label styles the text uses. A new layout is a new label
/// style in `SpeakerLabel` plus a line here, and its name in `names`.
public enum Layout {
    /// Every name `detect` gives, as `list --layout` takes them.
    public static let names = [
        "roster-labels", "inline-labels", "tagged", "timestamped", "separated-blocks", "fullwidth-labels",
        "label-lines", "statement", "generic",
    ]

    static func detect(_ segmentation: Segmentation, hasRoster: Bool) -> String {
        let styles = segmentation.styles
        func count(_ style: SpeakerLabel.Style) -> Int { styles[style] ?? 0 }
        if segmentation.turns.count == 1, segmentation.turns[0].label == nil { return "statement" }
        if count(.tag) > 0 { return "tagged" }
        if count(.block) >= 2 { return "separated-blocks" }
        if count(.timestamped) >= 2 { return "timestamped" }
        if count(.fullWidth) >= 2 { return "fullwidth-labels" }
        let inline = count(.colonInline) + count(.mixedInline)
        if inline + count(.question) >= 2, inline >= count(.colonLine) {
            return "inline-labels"
        }
        if count(.colonLine) >= 2 { return hasRoster ? "roster-labels" : "label-lines" }
        return "generic"
    }
}

/// A rough language guess: Chinese by its characters, English from Spanish by function words.
enum Language {
    /// Looked up by their bytes, capitals folded, where the words stand in the text (a `String` made
    /// and hashed for each short word: 0.11 → 0.03 ms a briefing).
    private static let english = PackedWords(["the", "and", "of", "to", "is", "that", "we", "you"])
    private static let spanish = PackedWords(["el", "los", "las", "que", "y", "es", "por", "una", "del"])

    /// Mostly Chinese: see `ChineseText.isMostlyChinese`.
    static func isChinese(_ text: String) -> Bool { ChineseText.isMostlyChinese(text, limit: 3000) }

    static func detect(_ text: String) -> String {
        if isChinese(text) { return "zh" }
        var englishCount = 0
        var spanishCount = 0
        var words = 0
        let (english, spanish) = (Self.english, Self.spanish)
        var copy = text
        copy.withUTF8 { u in
            let end = min(u.count, 16_000)
            var start = 0
            // Only words of up to four letters can be one of the function words.
            func count(_ stop: Int) {
                defer { start = stop + 1 }
                guard stop > start else { return }
                words += 1
                guard stop - start <= 4 else { return }
                let word = UnsafeBufferPointer(rebasing: u[start..<stop])
                if english.contains(word, foldingCase: true) {
                    englishCount += 1
                } else if spanish.contains(word, foldingCase: true) {
                    spanishCount += 1
                }
            }
            var i = 0
            while i < end {
                if u[i] == 0x20 {
                    count(i)
                    if words >= 2000 { return }
                }
                i += 1
            }
            count(end)
        }
        return spanishCount > englishCount ? "es" : "en"
    }
}
