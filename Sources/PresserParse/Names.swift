/// Turning labels into people: splitting titles from names ("ACTING ADMINISTRATOR SLAVITT"),
/// proper capitalisation of upper-case names, and finding the fullest form of a name in the text.
enum Names {
    /// Words that are titles or functions rather than names (English and Spanish), lower case.
    static let titleWords: Set<String> = [
        "the", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "president", "vice", "secretary",
        "chair", "chairman", "chairwoman", "acting", "administrator", "admiral", "general", "ambassador",
        "governor", "senator", "commissioner", "director", "prime", "minister", "deputy", "press",
        "surgeon", "first", "lady", "representative", "congressman", "congresswoman", "mayor", "attorney",
        "spokesperson", "spokesman", "spokeswoman", "assistant", "special", "envoy", "coordinator",
        "advisor", "adviser", "national", "security", "chief", "of", "staff", "captain", "colonel",
        "lieutenant", "sergeant", "major", "judge", "justice", "sir", "dame", "lord", "his", "her",
        "excellency", "senior", "administration", "official", "presidente", "presidenta", "secretario",
        "secretaria", "subsecretario", "subsecretaria", "director", "directora", "fiscal", "coordinador",
        "coordinadora", "gobernador", "gobernadora", "jefe", "jefa", "titular", "vocero", "vocera",
        "arqueólogo", "arqueóloga", "doctor", "doctora", "licenciado", "licenciada", "ingeniero",
        "ingeniera", "maestro", "maestra", "almirante", "comisionado", "comisionada", "canciller",
        "embajador", "embajadora", "procurador", "procuradora", "senador", "senadora", "diputado",
        "diputada", "alcalde", "alcaldesa", "comandante", "general", "mariscal", "don", "doña",
    ]

    /// Lower-case words that stay lower case inside names ("de", "del", "la").
    private static let particles: Set<String> = ["de", "del", "la", "las", "los", "y", "van", "von", "da", "di", "du", "le"]

    /// A label split into the titles before the name and the name itself:
    /// "ACTING ADMINISTRATOR SLAVITT" → (["Acting Administrator"], "Slavitt");
    /// "THE PRESIDENT" → (["President"], nil);
    /// "SECRETARIA DE GOBERNACIÓN, ROSA ICELA RODRÍGUEZ VELÁZQUEZ" → (["Secretaria de Gobernación"], "Rosa Icela Rodríguez Velázquez").
    static func split(label: String) -> (roles: [String], name: String?) {
        let parts = label.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        if parts.count >= 2 {
            // "ROLE, NAME" or "NAME, ROLE": the role part begins with a title word.
            var roles: [String] = []
            var name: String?
            for part in parts {
                let firstWord = part.split(separator: " ").first.map { $0.lowercased() } ?? ""
                let isRole = titleWords.contains(firstWord) || part.split(separator: " ").count > 6
                    || part.containsBytes("(")
                if isRole || name != nil { roles.append(properCase(part)) } else {
                    let (more, n) = split(label: part)
                    roles += more
                    name = n
                }
            }
            return (roles, name)
        }
        var words = label.split(separator: " ").map(String.init)
        var titles: [String] = []
        while let first = words.first, titleWords.contains(first.lowercased().trimmingCharactersDot) || titleWords.contains(first.lowercased()) {
            titles.append(first)
            words.removeFirst()
        }
        // "SENIOR ADMINISTRATION OFFICIAL", "MODERATOR": the whole label is a role.
        if words.isEmpty {
            let role = properCase(titles.filter { $0.lowercased() != "the" }.joined(separator: " "))
            return (role.isEmpty ? [] : [role], nil)
        }
        let honorifics: Set<String> = ["mr.", "ms.", "mrs.", "dr.", "mr", "ms", "mrs", "dr", "the", "don", "doña"]
        let role = titles.filter { !honorifics.contains($0.lowercased()) }.joined(separator: " ")
        return (role.isEmpty ? [] : [properCase(role)], properCase(words.joined(separator: " ")))
    }

    /// True when the label begins with Mr., Ms., Mrs. or Dr.
    static func hasHonorific(_ label: String) -> Bool {
        let first = label.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return ["mr.", "ms.", "mrs.", "dr.", "mr", "ms", "mrs", "dr"].contains(first)
    }

    /// "ANDRÉS MANUEL LÓPEZ OBRADOR" → "Andrés Manuel López Obrador"; mixed case is kept.
    static func properCase(_ text: String) -> String {
        guard SpeakerLabel.isUpperCase(text[...]) else { return text }
        var out: [String] = []
        for (i, word) in text.lowercased().split(separator: " ").enumerated() {
            if i > 0, particles.contains(String(word)) { out.append(String(word)); continue }
            var result = ""
            var upperNext = true
            for c in word {
                result += upperNext ? c.uppercased() : String(c)
                upperNext = c == "-" || c == "(" || c == "'" || c == "’" || c == "."
            }
            out.append(result)
        }
        return out.joined(separator: " ")
    }

    /// Where capitalised words stand in a text: for each word, the words just before it. Built
    /// once per transcript, so that finding full names costs one pass over the text.
    struct Index: Sendable {
        /// surname → (first name, the word before the first name) → count
        fileprivate var before: [Substring: [Pair: Int]] = [:]
        /// Names found in the title or header count far more than names in the speech.
        fileprivate struct Pair: Hashable, Sendable {
            var first: Substring
            var earlier: String
        }

        init(_ sources: [(text: String, weight: Int)]) {
            for (text, weight) in sources {
                var previous: Substring = ""
                var earlier: Substring = ""
                Index.forEachWord(in: text) { raw, word in
                    if word.utf8.count >= 3, Index.startsUpper(word), Index.isFirstName(previous) {
                        before[word, default: [:]][Pair(first: previous, earlier: earlier.lowercased()), default: 0] += weight
                    }
                    earlier = previous
                    // A word followed by punctuation cannot be a first name for the next word.
                    previous = word.utf8.count == raw.utf8.count ? raw : ""
                }
            }
        }

        /// Calls `body` with each space-separated word and its leading run of letters, hyphens
        /// and apostrophes. Runs on UTF-8: ASCII bytes are classified directly, the general
        /// punctuation block (U+2000–U+206F, lead byte E2 80/81) ends a word except ’.
        private static func forEachWord(in text: String, _ body: (Substring, Substring) -> Void) {
            let utf8 = text.utf8
            var i = utf8.startIndex
            while i < utf8.endIndex {
                while i < utf8.endIndex, utf8[i] == 0x20 || utf8[i] == 0x0A { i = utf8.index(after: i) }
                guard i < utf8.endIndex else { break }
                let start = i
                var letters: String.Index?
                while i < utf8.endIndex, utf8[i] != 0x20, utf8[i] != 0x0A {
                    let b = utf8[i]
                    if letters == nil {
                        let isLetter = (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "'")
                        if b < 0x80 {
                            if !isLetter { letters = i }
                        } else if b == 0xE2 {
                            let n1 = utf8.index(after: i)
                            let n2 = n1 < utf8.endIndex ? utf8.index(after: n1) : n1
                            let apostrophe = n2 < utf8.endIndex && utf8[n1] == 0x80 && utf8[n2] == 0x99
                            if !apostrophe { letters = i }
                        } else if b >= 0xC0, !(Substring(text[i...]).first?.isLetter ?? false) {
                            letters = i
                        }
                    }
                    i = utf8.index(after: i)
                }
                body(text[start..<i], text[start..<(letters ?? i)])
            }
        }

        private static func startsUpper(_ word: Substring) -> Bool {
            guard let b = word.utf8.first else { return false }
            if b < 0x80 { return b >= 0x41 && b <= 0x5A }
            return word.first?.isUppercase ?? false
        }

        private static func isFirstName(_ word: Substring) -> Bool {
            guard word.utf8.count >= 2, startsUpper(word) else { return false }
            if SpeakerLabel.isUpperCase(word) || titleWords.contains(word.lowercased()) { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" }
        }
    }

    /// The fullest form of a short name found in the text: "Psaki" → "Jen Psaki" when the text
    /// has "Press Secretary Jen Psaki". Only a capitalised word that is not a title counts as a
    /// first name; a title before it must be one of the speaker's own ("First Lady Melania
    /// Trump" is not the President); the most frequent form wins.
    static func fullest(_ name: String, roles: [String] = [], in index: Index) -> String {
        let words = name.split(separator: " ")
        guard words.count == 1, let surname = words.first, surname.count >= 3,
            let candidates = index.before[surname]
        else { return name }
        var counts: [Substring: Int] = [:]
        for (pair, count) in candidates {
            if titleWords.contains(pair.earlier), pair.earlier != "the",
                !roles.contains(where: { $0.lowercased().contains(pair.earlier) })
            {
                continue
            }
            counts[pair.first, default: 0] += count
        }
        guard let best = counts.max(by: { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }) else {
            return name
        }
        return best.key + " " + surname
    }
}

extension String {
    var trimmingCharactersDot: String { hasSuffix(".") ? String(dropLast()) : self }
}
