/// The first run of digits in a figure's text ("1.22" in "1.22 trillion yuan", "2,385,300"),
/// with its value and its number of decimals.
public struct NumberLiteral: Sendable, Equatable {
    public var text: String
    public var value: Double
    public var decimals: Int
    /// Offset of the literal in the figure's text, in Unicode scalars.
    public var start: Int

    public init?(_ figure: String) {
        // Read on the UTF-8 bytes: digits, separators and points are ASCII, and a scalar starts at
        // each byte that is not a continuation byte. (Appending scalar by scalar to a `String`
        // made a twentieth of the checks' allocations.)
        let bytes = Array(figure.utf8)
        func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        guard let first = bytes.indices.first(where: isDigit) else { return nil }
        var i = first
        var digits: [UInt8] = []
        var decimals = -1
        while i < bytes.count {
            let b = bytes[i]
            if isDigit(i) {
                digits.append(b)
                if decimals >= 0 { decimals += 1 }
            } else if b == UInt8(ascii: ","), decimals < 0, isDigit(i + 1) {
                // a thousands separator: skip it
            } else if b == UInt8(ascii: "."), decimals < 0, isDigit(i + 1) {
                digits.append(b)
                decimals = 0
            } else {
                break
            }
            i += 1
        }
        guard let value = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
        self.text = String(decoding: bytes[first..<i], as: UTF8.self)
        self.value = value
        self.decimals = max(decimals, 0)
        self.start = bytes[..<first].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
