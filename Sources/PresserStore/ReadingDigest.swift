/// A fingerprint of everything a briefing's reading writes to the store: its document, the rows of
/// every child table (claims with their subject keys) and its sentence fingerprints. Two analyses
/// of the same bytes that would write the same rows have the same digest, so `ingest --reanalyse`
/// leaves a briefing whose reading has not changed as it is (its corpus findings included).
///
/// 64 bits mixed from the values eight bytes at a time (each step an xor, a multiply by the
/// golden-ratio constant and a shift), each text ended by its length: not a defence against anyone
/// forging a reading, only a cheap check that a new Presser reads a file as the old one did: 0.3%
/// of an ingest's CPU, on the analysis threads (`perf record` of `presser bench --ingest`, 1,000
/// synthetic briefings; byte-at-a-time FNV-1a took 1%).
/// Little-endian reads on every machine, so a store shared between machines agrees.
struct ReadingDigest {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    private mutating func word(_ n: UInt64) {
        state = (state ^ n) &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 32
    }

    private mutating func byte(_ b: UInt8) { word(UInt64(b) | 0x100) }

    private mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            while offset + 8 <= raw.count {
                word(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            var tail: UInt64 = 0
            for (shift, b) in raw[offset...].enumerated() { tail |= UInt64(b) << UInt64(8 * shift) }
            word(tail)
            word(UInt64(raw.count))
        }
    }

    private mutating func add(_ value: StoreValue) {
        switch value {
        case .int(let n):
            byte(1)
            word(UInt64(bitPattern: n))
        case .double(let d):
            byte(2)
            word(d.bitPattern)
        case .text(let s):
            byte(3)
            add(s)
        case .null: byte(4)
        case .briefingID: byte(5)
        }
    }

    /// The digest of a reading, as 16 hexadecimal digits.
    static func of(
        document: String, children: [TableRows], sentences: [(turn: Int, fingerprint: String, text: String)]
    ) -> String {
        var digest = ReadingDigest()
        digest.add(document)
        for table in children {
            digest.add(table.table)
            digest.word(UInt64(table.rows.count))
            for row in table.rows {
                for value in row { digest.add(value) }
            }
        }
        digest.add("sentences")
        for s in sentences {
            digest.word(UInt64(s.turn))
            digest.add(s.fingerprint)
            digest.add(s.text)
        }
        let hex = String(digest.state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
