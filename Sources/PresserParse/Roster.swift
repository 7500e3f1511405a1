/// The list of officials some publishers print before the transcript, one per line:
/// "Shohrat Zakir, deputy secretary of the … Committee, chairman of the Xinjiang regional government".
struct RosterEntry: Sendable, Equatable {
    var name: String
    var roles: [String]
    var line: Int
}

enum Roster {
    /// Reads roster entries from the header lines (those before the first turn).
    static func read(_ header: [SourceLine]) -> [RosterEntry] {
        header.compactMap(entry)
    }

    /// The spokesperson a title names as holding the briefing: "Foreign Ministry Spokesperson
    /// Geng Shuang's Regular Press Conference on …", "…外交部发言人耿爽主持例行记者会". Where the
    /// publisher prints no roster this is the one official, so every other label is a reporter.
    static func host(inTitle title: String?) -> RosterEntry? {
        guard let title else { return nil }
        if let range = title[...].firstByteRange(of: "发言人") {
            let name = title[range.upperBound...].prefix { $0.unicodeScalars.allSatisfy(\.properties.isIdeographic) }
            for end in ["主持", "答记者问", "就"] {
                if let cut = name.firstByteRange(of: end), (2...4).contains(name[..<cut.lowerBound].count) {
                    return RosterEntry(name: String(name[..<cut.lowerBound]), roles: ["发言人"], line: 0)
                }
            }
            return nil
        }
        for role in ["Spokesperson ", "Spokesman ", "Spokeswoman "] {
            guard let range = title[...].firstByteRange(of: role) else { continue }
            let after = title[range.upperBound...]
            guard let possessive = after.firstByteRange(of: "'s ") ?? after.firstByteRange(of: "’s ") else { continue }
            let name = String(after[..<possessive.lowerBound])
            if isPersonName(name) { return RosterEntry(name: name, roles: [role.trimmingSpaces], line: 0) }
        }
        return nil
    }

    static func entry(_ line: SourceLine) -> RosterEntry? {
        let parts = line.text.split(separator: ",", omittingEmptySubsequences: true).map { $0.trimmingSpaces }
        guard parts.count >= 2, let name = parts.first, isPersonName(name) else { return nil }
        let roles = parts.dropFirst().filter { !$0.isEmpty }
        // The first role reads as a role: several words, starting in lower case or with a title
        // word ("President of the European Central Bank").
        guard let role = roles.first, role.split(separator: " ").count >= 2 else { return nil }
        let firstWord = role.split(separator: " ").first.map(String.init) ?? ""
        guard firstWord.first?.isLowercase == true || Names.titleWords.contains(firstWord.lowercased()) else {
            return nil
        }
        // Drop a trailing date ("9 June 1998") from the roles.
        let kept = roles.filter { DateText.find(in: $0) == nil }
        return RosterEntry(name: name, roles: Array(kept), line: line.number)
    }

    /// Two to five capitalised words, initials allowed ("Willem F. Duisenberg").
    static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        for word in words {
            guard let first = word.first, first.isUppercase else { return false }
            if word.contains(where: { $0.isNumber }) { return false }
        }
        return !Names.titleWords.contains(words[0].lowercased())
    }
}
