/// The first run of digits in a figure's text ("1.22" in "1.22 trillion yuan", "2,385,300"),
/// with its value and its number of decimals.
public struct NumberLiteral: Sendable, Equatable {
    public var text: String
    public var value: Double
    public var decimals: Int
    /// Offset of the literal in the figure's text, in Unicode scalars.
    public var start: Int

    public init?(_ figure: String) {
        var figure = figure
        guard let literal = figure.withUTF8({ Self.read($0) }) else { return nil }
        self = literal
    }

    /// Read on the UTF-8 bytes, in place: digits, separators and points are ASCII, and a scalar
    /// starts at each byte that is not a continuation byte. (Appending scalar by scalar to a
    /// `String` made a twentieth of the checks' allocations; copying the bytes into an array and
    /// growing the digits' another 2% of an ingest's.)
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> NumberLiteral? {
        func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        guard let first = bytes.indices.first(where: isDigit) else { return nil }
        var i = first
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count - first)
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
        return NumberLiteral(
            text: String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<i]), as: UTF8.self), value: value,
            decimals: max(decimals, 0), start: bytes[..<first].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
    }

    private init(text: String, value: Double, decimals: Int, start: Int) {
        self.text = text
        self.value = value
        self.decimals = decimals
        self.start = start
    }
}
