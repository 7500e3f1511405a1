/// The briefing as compact `presser.briefing/1` JSON, written byte by byte: the same bytes as
/// Foundation's `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` gives from the
/// `Codable` conformances, without building the encoder's tree of values and sorting keys at run
/// time (an ingest writes one document per briefing; the encoder was 8% of its CPU, and 1,000
/// synthetic briefings took 22.8 s of CPU with it, 19.4 s with this). `BriefingJSONTests` compares
/// the two on every corpus transcript and on a briefing with every optional field set, so a field
/// added to a type and not here fails it.
///
/// How JSONEncoder writes, and so this: keys in byte order (Swift's `<` on the key strings);
/// `null` for a nil that the conformance encodes; integers as `description`; a Double as its
/// `description` less a trailing ".0" ("3", "-0", "1e+21"); in strings `"` and `\` escaped, \b \t
/// \n \f \r, other control characters as \u00xx, everything else (slashes, U+2028, non-ASCII) as is.
public enum BriefingJSON {
    /// The document's UTF-8 bytes.
    public static func encode(_ briefing: Briefing) -> [UInt8] {
        var w = Writer()
        w.out.reserveCapacity(4096 + briefing.turns.reduce(0) { $0 + $1.text.utf8.count } * 2)
        w.briefing(briefing)
        return w.out
    }

    /// A finding's details as a JSON object, keys sorted (the same bytes as in the document).
    public static func encode(_ details: [String: Finding.Detail]) -> [UInt8] {
        var w = Writer()
        w.details(details)
        return w.out
    }

    /// Texts as a JSON array of strings, escaped as in the document.
    public static func encode(_ texts: [String]) -> [UInt8] {
        var w = Writer()
        w.array(texts) { $0.string($1) }
        return w.out
    }

    /// A value of a row for `encode(rows:columns:)`.
    public enum RowValue: Sendable {
        case int(Int64)
        case double(Double)
        case text(String)
        case null
    }

    /// Rows as one JSON array of objects, each row's values under `columns` in order: what
    /// PostgreSQL's `json_populate_recordset` reads back as rows of a table, so that a briefing's
    /// rows go in as one parameter. Strings are escaped as in the document, NUL dropped (no
    /// database text can hold it). Nil when a number is infinite or not a number, which JSON
    /// cannot write.
    public static func encode(rows: [[RowValue]], columns: [String]) -> [UInt8]? {
        var w = Writer()
        w.out.reserveCapacity(64 * rows.count * columns.count)
        let keys = columns.map { name -> [UInt8] in
            var k = Writer()
            k.string(name)
            return k.out + [UInt8(ascii: ":")]
        }
        w.out.append(UInt8(ascii: "["))
        for (r, row) in rows.enumerated() {
            if r > 0 { w.out.append(UInt8(ascii: ",")) }
            w.out.append(UInt8(ascii: "{"))
            for (i, value) in zip(keys.indices, row) {
                if i > 0 { w.out.append(UInt8(ascii: ",")) }
                w.out += keys[i]
                switch value {
                case .int(let n): w.int(Int(n))
                case .double(let d):
                    guard d.isFinite else { return nil }
                    w.double(d)
                case .text(let t): w.string(t, droppingNUL: true)
                case .null: w.raw("null")
                }
            }
            w.out.append(UInt8(ascii: "}"))
        }
        w.out.append(UInt8(ascii: "]"))
        return w.out
    }

    struct Writer {
        var out: [UInt8] = []
        static let hex: [UInt8] = Array("0123456789abcdef".utf8)

        mutating func raw(_ s: StaticString) {
            s.withUTF8Buffer { out.append(contentsOf: $0) }
        }

        /// `"key":` preceded by `{` for the first key and `,` after.
        mutating func key(_ s: StaticString, first: Bool = false) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            out.append(UInt8(ascii: "\""))
            raw(s)
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }

        /// Digits straight into the output (no String made); negative and very large numbers, which
        /// a briefing's indexes never are, through `description`.
        mutating func int(_ n: Int) {
            guard n >= 0, n < 10_000_000_000 else { return out.append(contentsOf: n.description.utf8) }
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0
            )
            var count = 0
            var rest = n
            withUnsafeMutableBytes(of: &digits) { d in
                repeat {
                    d[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                    count += 1
                } while rest > 0
                while count > 0 {
                    count -= 1
                    out.append(d[count])
                }
            }
        }

        mutating func double(_ d: Double) {
            let s = d.description
            if s.hasSuffix(".0") {
                out.append(contentsOf: s.utf8.dropLast(2))
            } else {
                out.append(contentsOf: s.utf8)
            }
        }

        mutating func double(_ d: Double?) {
            if let d { double(d) } else { raw("null") }
        }

        mutating func string(_ s: String?, droppingNUL: Bool = false) {
            guard var s else { return raw("null") }
            out.append(UInt8(ascii: "\""))
            s.withUTF8 { bytes in
                var runStart = 0
                for i in 0..<bytes.count {
                    let b = bytes[i]
                    guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                    if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                    runStart = i + 1
                    if b == 0, droppingNUL { continue }
                    out.append(UInt8(ascii: "\\"))
                    switch b {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(b)
                    case 0x08: out.append(UInt8(ascii: "b"))
                    case 0x09: out.append(UInt8(ascii: "t"))
                    case 0x0A: out.append(UInt8(ascii: "n"))
                    case 0x0C: out.append(UInt8(ascii: "f"))
                    case 0x0D: out.append(UInt8(ascii: "r"))
                    default:
                        raw("u00")
                        out.append(Self.hex[Int(b >> 4)])
                        out.append(Self.hex[Int(b & 0xF)])
                    }
                }
                if runStart < bytes.count {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
                }
            }
            out.append(UInt8(ascii: "\""))
        }

        mutating func array<T>(_ items: [T], _ each: (inout Writer, T) -> Void) {
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                each(&self, item)
            }
            out.append(UInt8(ascii: "]"))
        }

        mutating func briefing(_ b: Briefing) {
            key("claims", first: true)
            array(b.claims) { $0.claim($1) }
            key("date")
            string(b.date)
            key("exchanges")
            array(b.exchanges) { $0.exchange($1) }
            key("findings")
            array(b.findings) { $0.finding($1) }
            key("language")
            string(b.language)
            key("layout")
            string(b.layout)
            key("location")
            string(b.location)
            key("participants")
            array(b.participants) { $0.participant($1) }
            key("schema")
            string(b.schema)
            key("source")
            key("files", first: true)
            array(b.source.files) { $0.string($1) }
            key("sha256")
            string(b.source.sha256)
            raw("}")
            key("startTime")
            string(b.startTime)
            key("title")
            string(b.title)
            key("turns")
            array(b.turns) { $0.turn($1) }
            raw("}")
        }

        mutating func participant(_ p: Participant) {
            key("id", first: true)
            string(p.id)
            key("kind")
            string(p.kind.rawValue)
            key("name")
            string(p.name)
            key("outlet")
            string(p.outlet)
            key("roles")
            array(p.roles) { $0.string($1) }
            raw("}")
        }

        mutating func turn(_ t: Turn) {
            key("askedBy", first: true)
            string(t.askedBy)
            key("index")
            int(t.index)
            key("kind")
            string(t.kind.rawValue)
            key("label")
            string(t.label)
            key("line")
            int(t.line)
            key("outlet")
            string(t.outlet)
            if let page = t.page {  // encodeIfPresent
                key("page")
                int(page)
            }
            key("speaker")
            string(t.speaker)
            key("text")
            string(t.text)
            raw("}")
        }

        mutating func exchange(_ e: Exchange) {
            key("answer", first: true)
            if let a = e.answer { answer(a) } else { raw("null") }
            key("answeredBy")
            array(e.answeredBy) { $0.string($1) }
            key("answers")
            array(e.answers) { $0.int($1) }
            key("askedBy")
            string(e.askedBy)
            key("delegatedBy")
            string(e.delegatedBy)
            key("index")
            int(e.index)
            key("outlet")
            string(e.outlet)
            key("question")
            int(e.question)
            raw("}")
        }

        mutating func answer(_ a: Answer) {
            key("cues", first: true)
            array(a.cues) { w, c in
                w.key("cue", first: true)
                w.string(c.cue)
                w.key("end")
                w.int(c.end)
                w.key("start")
                w.int(c.start)
                w.key("text")
                w.string(c.text)
                w.key("turn")
                w.int(c.turn)
                w.raw("}")
            }
            key("explanation")
            string(a.explanation)
            key("label")
            string(a.label.rawValue)
            key("relevance")
            double(a.relevance)
            raw("}")
        }

        mutating func claim(_ c: Claim) {
            key("change", first: true)
            if let change = c.change {
                key("basis", first: true)
                string(change.basis?.rawValue)
                key("direction")
                string(change.direction.rawValue)
                raw("}")
            } else {
                raw("null")
            }
            key("counted")
            string(c.counted)
            key("end")
            int(c.end)
            key("kind")
            string(c.kind.rawValue)
            key("period")
            if let period = c.period {
                key("from", first: true)
                string(period.from)
                key("text")
                string(period.text)
                key("to")
                string(period.to)
                raw("}")
            } else {
                raw("null")
            }
            key("qualifier")
            string(c.qualifier.rawValue)
            key("sentence")
            string(c.sentence)
            key("speaker")
            string(c.speaker)
            key("start")
            int(c.start)
            key("subject")
            string(c.subject)
            key("text")
            string(c.text)
            key("turn")
            int(c.turn)
            key("unit")
            string(c.unit)
            key("upper")
            double(c.upper)
            key("value")
            double(c.value)
            raw("}")
        }

        mutating func details(_ details: [String: Finding.Detail]) {
            out.append(UInt8(ascii: "{"))
            for (i, name) in details.keys.sorted().enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                string(name)
                out.append(UInt8(ascii: ":"))
                switch details[name] {
                case .number(let n): double(n)
                case .text(let s): string(s)
                case nil: raw("null")
                }
            }
            out.append(UInt8(ascii: "}"))
        }

        mutating func finding(_ f: Finding) {
            key("claims", first: true)
            array(f.claims) { $0.int($1) }
            key("details")
            details(f.details)
            key("kind")
            string(f.kind.rawValue)
            key("message")
            string(f.message)
            key("severity")
            string(f.severity.rawValue)
            key("turns")
            array(f.turns) { $0.int($1) }
            raw("}")
        }
    }
}
