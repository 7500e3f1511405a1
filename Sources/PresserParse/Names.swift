import PresserCore

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

    /// `titleWords` by their bytes.
    static let titleWordBytes = PackedWords(titleWords)

    /// A part of a label that can only be a name: two to five words, none a title, none of the
    /// words roles are built with ("de", "del", "y", "para", "vocal"), no parentheses.
    private static func readsAsName(_ part: String) -> Bool {
        let words = part.split(separator: " ").map { $0.lowercased() }
        guard (2...5).contains(words.count), !part.contains("("), let first = words.first,
            !titleWords.contains(first), !titleWords.contains(first.trimmingCharactersDot)
        else { return false }
        let roleWords: Set<String> = [
            "de", "del", "y", "e", "la", "las", "los", "el", "para", "of", "and", "for", "the", "on", "vocal",
            "titular",
        ]
        return !words.contains { roleWords.contains($0) }
    }

    /// Lower-case words that stay lower case inside names ("de", "del", "la").
    private static let particles: Set<String> = [
        "de", "del", "la", "las", "los", "y", "van", "von", "da", "di", "du", "le",
    ]

    /// A label split into the titles before the name and the name itself:
    /// "ACTING ADMINISTRATOR SLAVITT" → (["Acting Administrator"], "Slavitt");
    /// "THE PRESIDENT" → (["President"], nil);
    /// "SECRETARIA DE GOBERNACIÓN, ROSA ICELA RODRÍGUEZ VELÁZQUEZ" → (["Secretaria de Gobernación"], "Rosa Icela Rodríguez Velázquez").
    static func split(label: String) -> (roles: [String], name: String?) {
        let parts = label.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        // "SECRETARIA DE DESARROLLO AGRARIO, TERRITORIAL Y URBANO, EDNA ELENA VEGA RANGEL", "VOCAL
        // EJECUTIVA DEL FOVISSSTE, JABNELY MALDONADO MEZA": the one part that reads as a name is
        // the name, the rest one role, commas and all.
        if parts.count >= 2 {
            let names = parts.indices.filter { readsAsName(parts[$0]) }
            if names.count == 1, let n = names.first {
                let role = parts.indices.filter { $0 != n }.map { String(parts[$0]) }.joined(separator: ", ")
                return ([properCase(role)], properCase(String(parts[n])))
            }
        }
        if parts.count >= 2 {
            // "ROLE, NAME" or "NAME, ROLE": the role part begins with a title word.
            var roles: [String] = []
            var name: String?
            for part in parts {
                let firstWord = part.split(separator: " ").first.map { $0.lowercased() } ?? ""
                let isRole =
                    titleWords.contains(firstWord) || part.split(separator: " ").count > 6
                    || part.containsBytes("(")
                if isRole || name != nil {
                    roles.append(properCase(part))
                } else {
                    let (more, n) = split(label: part)
                    roles += more
                    name = n
                }
            }
            return (roles, name)
        }
        var words = label.split(separator: " ").map(String.init)
        var titles: [String] = []
        while let first = words.first,
            titleWords.contains(first.lowercased().trimmingCharactersDot) || titleWords.contains(first.lowercased())
        {
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

    /// A name that may carry a capital inside a word, which `properCase` cannot know: McKee,
    /// MacArthur, DeVos, DiNapoli, LaHood, VanDyke.
    static func mayHaveInnerCapital(_ name: String) -> Bool {
        name.lowercased().split(separator: " ").contains { word in
            ["mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von"].contains {
                word.count > $0.count + 2 && word.hasPrefix($0)
            }
        }
    }

    /// How the text spells names that labels print in capitals: "MICHAEL MCKEE" is "Michael
    /// McKee" where the reporter introduces themselves. Built once per transcript: the text's bytes
    /// and a copy with ASCII letters folded to lower case, searched a name at a time.
    struct Spellings: Sendable {
        private let bytes: [UInt8]
        private let folded: [UInt8]

        init(_ text: String) {
            bytes = Array(text.utf8)
            folded = bytes.map(ByteSearch.fold)
        }

        /// The first occurrence of `name` as whole words, in mixed case, starting with a capital;
        /// ASCII names only (others keep `properCase`).
        func spelling(of name: String) -> String? {
            let needle = Array(name.lowercased().utf8)
            guard !needle.isEmpty, needle.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isLetter(_ b: UInt8) -> Bool { (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80 }
            return needle.withUnsafeBufferPointer { n in
                folded.withUnsafeBufferPointer { f -> String? in
                    var from = 0
                    while from < f.count, let found = ByteSearch.find(n, in: UnsafeBufferPointer(rebasing: f[from...]))
                    {
                        let i = from + found
                        let end = i + n.count
                        from = i + 1
                        guard i == 0 || !isLetter(bytes[i - 1]), end == bytes.count || !isLetter(bytes[end]) else {
                            continue
                        }
                        let original = bytes[i..<end]
                        guard original.contains(where: { $0 >= 0x61 && $0 <= 0x7A }), let first = original.first,
                            first >= 0x41 && first <= 0x5A
                        else { continue }
                        return String(decoding: original, as: UTF8.self)
                    }
                    return nil
                }
            }
        }
    }

    /// The texts in which to look for full names, each with a weight: names found in the title or
    /// header count far more than names in the speech. Searched on UTF-8 bytes, one surname at a
    /// time, only for the labels that give a surname alone.
    struct Index: Sendable {
        fileprivate var sources: [(bytes: [UInt8], weight: Int)]

        init(_ sources: [(text: String, weight: Int)]) {
            self.sources = sources.map { (Array($0.text.utf8), $0.weight) }
        }

        /// The words just before each whole-word occurrence of `surname`: (first name, the word
        /// before it, lower case) → weighted count. A word counts only if no punctuation
        /// follows it ("Secretary, Psaki" gives nothing).
        fileprivate func before(_ surname: Substring) -> [Pair: Int] {
            let needle = Array(surname.utf8)
            guard !needle.isEmpty else { return [:] }
            var found: [Pair: Int] = [:]
            for (h, weight) in sources {
                // From one occurrence to the next with `ByteSearch.find` (testing every byte for
                // the first letter: 0.07 → 0.03 ms a briefing).
                var i = 0
                while i < h.count,
                    let offset = needle.withUnsafeBufferPointer({ n in
                        h.withUnsafeBufferPointer { ByteSearch.find(n, in: UnsafeBufferPointer(rebasing: $0[i...])) }
                    })
                {
                    let at = i + offset
                    i = at + 1
                    guard at == 0 || isSeparator(h[at - 1]), !continuesWord(h, at: at + needle.count) else { continue }
                    guard let previous = word(h, endingBefore: at), Index.isFirstName(previous.text) else { continue }
                    let earlier = word(h, endingBefore: previous.start).map { $0.text.lowercased() } ?? ""
                    found[Pair(first: previous.text, earlier: earlier), default: 0] += weight
                }
            }
            return found
        }

        private func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }

        /// True when the byte at `k` carries on a word's run of letters (so the match was only
        /// the start of a longer word).
        private func continuesWord(_ h: [UInt8], at k: Int) -> Bool {
            guard k < h.count else { return false }
            let b = h[k]
            if b < 0x80 {
                return (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "'")
            }
            if b == 0xE2 { return k + 2 < h.count && h[k + 1] == 0x80 && h[k + 2] == 0x99 }  // ’
            let rest = String(decoding: h[k..<min(h.count, k + 4)], as: UTF8.self)
            return rest.first?.isLetter ?? false
        }

        /// The whole space-separated word that ends just before the separators before `start`,
        /// or nil when there is none or it is not made of letters only (punctuation follows it).
        private func word(_ h: [UInt8], endingBefore start: Int) -> (text: String, start: Int)? {
            var end = start
            while end > 0, isSeparator(h[end - 1]) { end -= 1 }
            guard end > 0, end < start else { return nil }
            var begin = end
            while begin > 0, !isSeparator(h[begin - 1]) { begin -= 1 }
            let text = String(decoding: h[begin..<end], as: UTF8.self)
            guard text.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }) else { return nil }
            return (text, begin)
        }

        fileprivate struct Pair: Hashable, Sendable {
            var first: String
            var earlier: String
        }

        private static func isFirstName(_ word: String) -> Bool {
            guard word.count >= 2, let f = word.first, f.isUppercase, word.last != "-" else { return false }
            let lower = word.lowercased()
            if SpeakerLabel.isUpperCase(word[...]) || titleWords.contains(lower) || notNames.contains(lower) {
                return false
            }
            return word.allSatisfy { $0.isLetter || $0 == "-" }
        }

        /// Capitalised words that start a sentence before a name called from the floor ("Please,
        /// Doug." written "Please Doug.", "Again- Jim", "When John"), never first names.
        private static let notNames: Set<String> = [
            "please", "again", "when", "thank", "thanks", "yes", "yeah", "okay", "ok", "so", "and", "but", "well",
            "go", "sorry", "hi", "hey", "now", "then", "oh", "no", "right", "sure", "all", "what", "why", "how",
            "who", "where", "if", "as", "because", "with", "for", "to", "from", "by", "said", "says", "told", "ask",
            "asked", "dear", "good", "great", "look", "listen", "let", "see", "like", "just", "also", "even",
            "not", "is", "was", "did", "does", "do", "you", "i", "we", "he", "she", "they", "it", "this", "that",
        ]
    }

    private static let familyTitles: Set<String> = ["lady", "first", "mrs", "mrs.", "ms", "ms.", "miss", "his", "her"]

    /// The fullest form of a short name found in the text: "Psaki" → "Jen Psaki" when the text
    /// has "Press Secretary Jen Psaki". Only a capitalised word that is not a title counts as a
    /// first name; a title before it must be one of the speaker's own ("First Lady Melania
    /// Trump" is not the President); the most frequent form wins.
    static func fullest(_ name: String, roles: [String] = [], in index: Index) -> String {
        let words = name.split(separator: " ")
        guard words.count == 1, let surname = words.first, surname.count >= 3 else { return name }
        let candidates = index.before(surname)
        var counts: [String: Int] = [:]
        for (pair, count) in candidates {
            // A title before the first name must be one of the speaker's own, or a post anyone
            // holding it is printed with ("Press Secretary Robert Gibbs" for "MR. GIBBS"); a
            // spouse's or family title never ("First Lady Melania Trump" is not the President).
            if titleWords.contains(pair.earlier), pair.earlier != "the",
                !roles.contains(where: { $0.lowercased().contains(pair.earlier) }),
                !roles.isEmpty || familyTitles.contains(pair.earlier)
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
