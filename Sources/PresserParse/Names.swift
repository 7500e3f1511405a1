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
                    || part.contains("(")
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

    /// The fullest form of a short name found in the text: "Psaki" → "Jen Psaki" when the text
    /// has "Press Secretary Jen Psaki". Only a capitalised word that is not a title counts as a
    /// first name, and the most frequent one wins.
    static func fullest(_ name: String, roles: [String] = [], in sources: [String]) -> String {
        let words = name.split(separator: " ")
        guard words.count == 1, let surname = words.first, surname.count >= 3 else { return name }
        var counts: [String: Int] = [:]
        for source in sources {
            var searchFrom = source.startIndex
            while let range = source[searchFrom...].firstRange(of: surname) {
                searchFrom = range.upperBound
                // whole word, right after a space
                if range.upperBound < source.endIndex, source[range.upperBound].isLetter { continue }
                guard range.lowerBound > source.startIndex else { continue }
                let before = source[..<range.lowerBound]
                guard before.last == " " else { continue }
                let previous = before.dropLast().split(separator: " ").last.map(String.init) ?? ""
                guard let f = previous.first, f.isUppercase, previous.count >= 2,
                    !titleWords.contains(previous.lowercased()),
                    !previous.hasSuffix("."), !previous.hasSuffix(","), previous.allSatisfy({ $0.isLetter || $0 == "-" }),
                    previous.lowercased() != previous.uppercased()
                else { continue }
                if SpeakerLabel.isUpperCase(previous[...]) { continue }
                // "First Lady Melania Trump" is not the President: a title before the first name
                // must be one of this speaker's own.
                let earlier = before.dropLast().split(separator: " ").dropLast().last.map { $0.lowercased() } ?? ""
                if titleWords.contains(earlier), earlier != "the",
                    !roles.contains(where: { $0.lowercased().contains(earlier) })
                {
                    continue
                }
                counts[previous + " " + surname, default: 0] += 1
            }
        }
        return counts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key ?? name
    }
}

extension String {
    var trimmingCharactersDot: String { hasSuffix(".") ? String(dropLast()) : self }
}
