/// The first run of digits in a figure's text ("1.22" in "1.22 trillion yuan", "2,385,300"),
/// with its value and its number of decimals.
public struct NumberLiteral: Sendable, Equatable {
    public var text: String
    public var value: Double
    public var decimals: Int
    /// Offset of the literal in the figure's text, in Unicode scalars.
    public var start: Int

    public init?(_ figure: String) {
        let scalars = Array(figure.unicodeScalars)
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        guard let first = scalars.firstIndex(where: isDigit) else { return nil }
        var i = first
        var digits = ""
        var decimals = -1
        while i < scalars.count {
            let s = scalars[i]
            if isDigit(s) {
                digits.unicodeScalars.append(s)
                if decimals >= 0 { decimals += 1 }
            } else if s == ",", decimals < 0, i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                // a thousands separator: skip it
            } else if s == ".", decimals < 0, i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                digits += "."
                decimals = 0
            } else {
                break
            }
            i += 1
        }
        guard let value = Double(digits) else { return nil }
        self.text = String(String.UnicodeScalarView(scalars[first..<i]))
        self.value = value
        self.decimals = max(decimals, 0)
        self.start = first
    }
}
