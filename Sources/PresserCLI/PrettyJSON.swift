import Foundation

/// JSON for people to read (`--format json`): keys sorted, indented, "/" left as it is, and empty
/// lists and objects written `[]` and `{}` — Foundation's pretty printing writes them over three
/// lines, an opening bracket, an empty line and the closing one.
enum PrettyJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return foldingEmpty(try encoder.encode(value))
    }

    /// `[` or `{`, a line break, then only line breaks and spaces up to the closing bracket:
    /// written `[]` or `{}`. A line break is never inside a JSON string (it is escaped there as
    /// `\n`), so only the printer's own empty containers match.
    static func foldingEmpty(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            out.append(byte)
            i += 1
            guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{"), i < bytes.count, bytes[i] == 0x0A else {
                continue
            }
            var j = i
            while j < bytes.count, bytes[j] == 0x0A || bytes[j] == 0x20 { j += 1 }
            let closing = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            if j < bytes.count, bytes[j] == closing {
                out.append(closing)
                i = j + 1
            }
        }
        return Data(out)
    }
}
