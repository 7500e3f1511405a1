/// Trimming helpers the readers share.
extension StringProtocol {
    /// The string without spaces and newlines at either end.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\n" { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    /// The string without any of the characters in `set` at either end.
    func trimmingCharacters(of set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    /// The string without one final full stop ("MR." → "MR").
    var trimmingCharactersDot: String { hasSuffix(".") ? String(dropLast()) : self }
}
