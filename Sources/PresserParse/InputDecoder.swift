import PresserCore

/// Turns the bytes of a file into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or
/// Windows-1252; refuses binary data and anything else with an error saying where it went wrong.
public struct DecodedText: Sendable {
    public var text: String
    /// Set when the bytes were not UTF-8 and had to be converted ("converted from Windows-1252").
    public var warning: String?
}

public enum InputDecoder {
    /// Transcripts larger than this are refused rather than parsed (a 200 MB "transcript" is
    /// a mistake, not a briefing).
    public static let maximumBytes = 64 * 1024 * 1024

    public static func decode(_ bytes: [UInt8], file: String) throws(PresserError) -> DecodedText {
        if bytes.count > maximumBytes {
            throw .tooLarge(file: file, bytes: bytes.count, limit: maximumBytes)
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let text = try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE, file: file)
            return try checked(DecodedText(text: text, warning: "converted from UTF-16"), file: file)
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty(file: file)
        }
        if let offset = firstBinaryByte(body) { throw .binary(file: file, offset: offset) }
        if let text = String(validating: body, as: UTF8.self) {
            return DecodedText(text: text, warning: nil)
        }
        // UTF-8 with a stray byte is damaged UTF-8, not Windows-1252: say where it breaks.
        let scan = scanUTF8(body)
        if scan.multibyte > 0, let offset = scan.firstInvalid {
            throw .invalidEncoding(file: file, offset: offset)
        }
        // Not UTF-8 at all: Windows-1252 if every byte is defined there.
        if let offset = body.firstIndex(where: { windows1252[Int($0)] == nil }) {
            throw .invalidEncoding(file: file, offset: offset)
        }
        var scalars = String.UnicodeScalarView()
        for byte in body {
            if let scalar = windows1252[Int(byte)] { scalars.append(scalar) }
        }
        return DecodedText(text: String(scalars), warning: "not UTF-8; read as Windows-1252")
    }

    /// The offset of the first byte that breaks UTF-8, and how many well-formed multi-byte
    /// sequences come before it.
    static func scanUTF8(_ bytes: ArraySlice<UInt8>) -> (firstInvalid: Int?, multibyte: Int) {
        var i = bytes.startIndex
        var multibyte = 0
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (i, multibyte)
            }
            guard i + length <= bytes.endIndex else { return (i, multibyte) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (i, multibyte) }
            // Overlong and surrogate forms.
            let second = bytes[i + 1]
            if (b == 0xE0 && second < 0xA0) || (b == 0xED && second > 0x9F) || (b == 0xF0 && second < 0x90)
                || (b == 0xF4 && second > 0x8F)
            {
                return (i, multibyte)
            }
            multibyte += 1
            i += length
        }
        return (nil, multibyte)
    }

    private static func checked(_ decoded: DecodedText, file: String) throws(PresserError) -> DecodedText {
        if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw .empty(file: file)
        }
        if let index = decoded.text.unicodeScalars.firstIndex(where: { isBinary($0.value) }) {
            let offset = decoded.text.unicodeScalars.distance(
                from: decoded.text.unicodeScalars.startIndex, to: index)
            throw .binary(file: file, offset: offset)
        }
        return decoded
    }

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, file: String) throws(PresserError) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let unit =
                bigEndian
                ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
                : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
            units.append(unit)
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var position = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                position += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput: break loop
            case .error: throw .invalidEncoding(file: file, offset: 2 + position * 2)
            }
        }
        return String(scalars)
    }

    private static func isBinary(_ value: UInt32) -> Bool {
        value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C
    }

    /// The offset of the first NUL or other C0 control byte that text never holds. Eight bytes at
    /// a time: those below 0x20 are the ones whose top three bits are zero, and of them only tab,
    /// line feed, form feed and carriage return are text (byte by byte this was 0.7% of the analysis).
    private static func firstBinaryByte(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { u -> Int? in
            let ones: UInt64 = 0x0101_0101_0101_0101
            var i = 0
            if let base = u.baseAddress {
                while i + 8 <= u.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    let controls = ByteSearch.zeroBytes(word & (0xE0 &* ones))
                    if controls != 0 {
                        let text =
                            ByteSearch.zeroBytes(word ^ (0x09 &* ones)) | ByteSearch.zeroBytes(word ^ (0x0A &* ones))
                            | ByteSearch.zeroBytes(word ^ (0x0C &* ones)) | ByteSearch.zeroBytes(word ^ (0x0D &* ones))
                        let binary = controls & ~text
                        if binary != 0 { return bytes.startIndex + i + binary.trailingZeroBitCount / 8 }
                    }
                    i += 8
                }
            }
            while i < u.count {
                if isBinary(UInt32(u[i])) { return bytes.startIndex + i }
                i += 1
            }
            return nil
        }
    }

    /// Windows-1252: Latin-1 plus the 0x80–0x9F block; five bytes there are undefined.
    private static let windows1252: [Unicode.Scalar?] = {
        var table: [Unicode.Scalar?] = (0..<256).map { Unicode.Scalar(UInt32($0)) }
        let high: [UInt32?] = [
            0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
            nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
        ]
        for (offset, value) in high.enumerated() {
            table[0x80 + offset] = value.flatMap { Unicode.Scalar($0) }
        }
        return table
    }()
}
