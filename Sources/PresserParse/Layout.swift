import PresserCore

/// Names the layout family from the label styles the text uses. A new layout is a new label
/// style in `SpeakerLabel` plus a line here.
enum Layout {
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
    private static let english: Set<String> = ["the", "and", "of", "to", "is", "that", "we", "you"]
    private static let spanish: Set<String> = ["el", "los", "las", "que", "y", "es", "por", "una", "del"]

    /// Mostly Chinese: see `ChineseText.isMostlyChinese`.
    static func isChinese(_ text: String) -> Bool { ChineseText.isMostlyChinese(text, limit: 3000) }

    static func detect(_ text: String) -> String {
        if isChinese(text) { return "zh" }
        var englishCount = 0
        var spanishCount = 0
        // Only words of up to four letters can be one of the function words.
        var word: [UInt8] = []
        var words = 0
        func count() {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty else { return }
            words += 1
            guard word.count <= 4 else { return }
            let lower = String(decoding: word, as: UTF8.self)
            if english.contains(lower) { englishCount += 1 } else if spanish.contains(lower) { spanishCount += 1 }
        }
        for byte in text.utf8.prefix(16_000) {
            if byte == 0x20 {
                count()
                if words >= 2000 { break }
            } else {
                word.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        if words < 2000 { count() }
        return spanishCount > englishCount ? "es" : "en"
    }
}
