import Foundation

/// A person (or an unnamed role) who speaks in a briefing.
public struct Participant: Sendable, Codable, Equatable, Hashable {
    /// What part a participant plays in the briefing.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case moderator, official, journalist, interpreter, unknown
    }

    /// A stable slug made from the name ("shohrat-zakir").
    public var id: String
    /// The fullest name the transcript gives ("Jen Psaki"), or the role when no name is given
    /// ("Senior Administration Official").
    public var name: String
    /// Titles and functions, as printed ("spokesperson of the State Council Information Office").
    public var roles: [String]
    public var kind: Kind
    /// For journalists: the outlet they said they work for.
    public var outlet: String?

    public init(id: String, name: String, roles: [String] = [], kind: Kind, outlet: String? = nil) {
        self.id = id
        self.name = name
        self.roles = roles
        self.kind = kind
        self.outlet = outlet
    }

    /// Letters with a stroke, which have no decomposition, and their ASCII letters.
    private static let strokes: [Unicode.Scalar: Unicode.Scalar] = [
        "đ": "d", "ł": "l", "ø": "o", "ħ": "h", "ŧ": "t", "ƀ": "b", "ɨ": "i", "ß": "s",
    ]

    /// Turns a display name into an id: lower case ASCII letters and digits joined by hyphens;
    /// letters with accents lose them ("Andrés" → "andres", "Đại Quang" → "dai-quang").
    public static func slug(_ name: String) -> String {
        // An ASCII name needs no case mapping or decomposition: its bytes are read as they are
        // (the Unicode path took 0.02 ms a briefing).
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            var pendingHyphen = false
            for byte in name.utf8 {
                let b = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                    pendingHyphen = false
                    bytes.append(b)
                } else {
                    pendingHyphen = true
                }
            }
            return bytes.isEmpty ? "speaker" : String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        var pendingHyphen = false
        for decomposed in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            // Letters with a stroke have no decomposition: "Đại Quang" is "dai-quang".
            let scalar = Self.strokes[decomposed] ?? decomposed
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else if scalar.properties.isIdeographic {
                // Chinese names keep an ASCII id: each character as "u" and its code point.
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out += "u" + String(scalar.value, radix: 16)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "speaker" : out
    }
}

extension Participant {
    /// Writes every key, `null` included, so the output always has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(roles, forKey: .roles)
        try c.encode(kind, forKey: .kind)
        try c.encode(outlet, forKey: .outlet)
    }
}
