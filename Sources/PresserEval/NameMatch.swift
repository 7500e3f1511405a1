import Foundation

/// Comparing names and outlets the way a reader would: case, accents, punctuation and titles
/// do not matter; a surname alone matches the full name.
public enum NameMatch {
    private static let honorifics: Set<String> = [
        "mr", "ms", "mrs", "dr", "the", "president", "vice", "secretary", "chair", "chairman",
        "acting", "administrator", "admiral", "general", "ambassador", "governor", "senator", "press",
        "presidente", "presidenta", "secretario", "secretaria", "subsecretario", "fiscal", "doctor",
        "doctora", "maestro", "maestra", "arqueologo", "director", "directora",
    ]

    /// Lower-case letters and digits, words separated by one space, accents removed.
    public static func letters(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory != .nonspacingMark {
                space = true
            }
        }
        return out
    }

    private static func words(_ name: String) -> [Substring] {
        letters(name).split(separator: " ").filter { !honorifics.contains(String($0)) }
    }

    /// True when two speaker names are the same person; two nils are the same (anonymous).
    public static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case (let a?, let b?):
            let wa = words(a)
            let wb = words(b)
            if wa.isEmpty || wb.isEmpty { return letters(a) == letters(b) }
            if wa == wb { return true }
            if wa.count == 1 || wb.count == 1 { return wa.last == wb.last }
            return false
        }
    }

    /// True when two outlets are the same: equal once a leading "the" and punctuation go, or
    /// one is the other followed by more words ("Al tanto" and "Al tanto, Guerrero").
    public static func sameOutlet(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case (let a?, let b?):
            func norm(_ s: String) -> String {
                let l = letters(s)
                return l.hasPrefix("the ") ? String(l.dropFirst(4)) : l
            }
            let na = norm(a)
            let nb = norm(b)
            return na == nb || na.hasPrefix(nb + " ") || nb.hasPrefix(na + " ")
        }
    }
}
