import Foundation
import PresserCore

/// TEI XML in the manner of Parla-CLARIN for spoken proceedings: a `teiCorpus` holding one `TEI`
/// per briefing, its header with the source and a `listPerson` (roles, outlets), the body a `u`
/// per turn with `@who` and `@ana` (#question, #answer, #statement…), questions and their answers
/// tied by `@corresp`, and every figure a `measure` with its normalised `@quantity`, `@unit` and
/// `@type` around the words as said.
public enum TEIExport {
    public static func write(_ briefings: [ExportedBriefing], to url: URL) throws {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\">\n"
        x += "<teiHeader><fileDesc><titleStmt><title>Presser export: \(briefings.count) briefings</title></titleStmt>"
        x +=
            "<publicationStmt><p>Exported by Presser from the transcripts named in each briefing's sourceDesc.</p></publicationStmt>"
        x += "<sourceDesc><p>Official press briefing transcripts.</p></sourceDesc></fileDesc>"
        x += "<encodingDesc><classDecl><taxonomy xml:id=\"turn-kinds\">"
        for kind in Turn.Kind.allCases {
            x += "<category xml:id=\"\(kind.rawValue)\"><catDesc>\(kind.rawValue)</catDesc></category>"
        }
        x += "</taxonomy></classDecl></encodingDesc></teiHeader>\n"
        for e in briefings { x += briefing(e) }
        x += "</teiCorpus>\n"
        try Data(x.utf8).write(to: url)
    }

    static func briefing(_ e: ExportedBriefing) -> String {
        let b = e.briefing
        let prefix = "b-\(e.slug)"
        func person(_ id: String) -> String { "\(prefix)-\(ExportedBriefing.slug(id))" }
        var x = "<TEI xml:id=\"\(prefix)\" xml:lang=\"\(escape(b.language))\">\n<teiHeader><fileDesc><titleStmt><title>"
        x += escape(b.title ?? "Untitled briefing") + "</title></titleStmt>"
        x += "<publicationStmt><p>Exported by Presser.</p></publicationStmt><sourceDesc><bibl>"
        x += "<title>\(escape(b.title ?? ""))</title>"
        if let date = b.date { x += "<date when=\"\(escape(date))\">\(escape(date))</date>" }
        if let location = b.location { x += "<pubPlace>\(escape(location))</pubPlace>" }
        for file in b.source.files { x += "<idno type=\"file\">\(escape(file))</idno>" }
        x += "<idno type=\"sha256\">\(escape(b.source.sha256))</idno></bibl></sourceDesc></fileDesc>"
        x += "<profileDesc><particDesc><listPerson>"
        var people: [String: String] = [:]
        for p in b.participants {
            people[p.id] = person(p.id)
            x +=
                "<person xml:id=\"\(person(p.id))\" role=\"\(escape(p.kind.rawValue))\"><persName>\(escape(p.name))</persName>"
            for role in p.roles { x += "<roleName>\(escape(role))</roleName>" }
            if let outlet = p.outlet { x += "<affiliation type=\"outlet\">\(escape(outlet))</affiliation>" }
            x += "</person>"
        }
        // Reporters the transcript does not name, one per outlet (or unattributed).
        for t in b.turns where t.speaker == nil {
            let id = e.speakerID(t)
            guard people[id] == nil else { continue }
            people[id] = person(id)
            x += "<person xml:id=\"\(person(id))\" role=\"\(t.kind == .question ? "journalist" : "unknown")\">"
            x += "<persName>\(escape(t.kind == .question ? "Reporter" : t.label ?? "Unknown"))</persName>"
            if let outlet = t.outlet { x += "<affiliation type=\"outlet\">\(escape(outlet))</affiliation>" }
            x += "</person>"
        }
        x += "</listPerson></particDesc></profileDesc></teiHeader>\n<text><body><div type=\"debateSection\">\n"
        var exchangeOf: [Int: Exchange] = [:]
        for ex in b.exchanges {
            exchangeOf[ex.question] = ex
            for a in ex.answers { exchangeOf[a] = ex }
        }
        var claimsOf: [Int: [Claim]] = [:]
        for c in b.claims { claimsOf[c.turn, default: []].append(c) }
        for t in b.turns {
            let who = people[t.speaker ?? e.speakerID(t)] ?? person(e.speakerID(t))
            x += "<u xml:id=\"\(prefix)-u\(t.index)\" who=\"#\(who)\" ana=\"#\(t.kind.rawValue)\""
            if let ex = exchangeOf[t.index], ex.question != t.index { x += " corresp=\"#\(prefix)-u\(ex.question)\"" }
            x += ">"
            for (n, paragraph) in marked(t.text, claimsOf[t.index] ?? []).enumerated() {
                x += (n == 0 ? "" : "<lb/>") + paragraph
            }
            x += "</u>\n"
        }
        x += "</div></body></text>\n</TEI>\n"
        return x
    }

    /// The turn's text, escaped, with each figure wrapped in `measure`, split at paragraph breaks.
    static func marked(_ text: String, _ claims: [Claim]) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var at = 0
        func plain(_ s: ArraySlice<Unicode.Scalar>) -> String { escape(String(String.UnicodeScalarView(s))) }
        for c in claims.sorted(by: { $0.start < $1.start }) where c.start >= at && c.end <= scalars.count {
            out += plain(scalars[at..<c.start])
            out += "<measure type=\"\(c.kind.rawValue)\" quantity=\"\(CSVExport.number(c.value))\""
            if let unit = c.unit { out += " unit=\"\(escape(unit))\"" }
            if c.qualifier != .exact { out += " ana=\"#\(c.qualifier.rawValue)\"" }
            out += ">" + plain(scalars[c.start..<c.end]) + "</measure>"
            at = c.end
        }
        out += plain(scalars[at...])
        return out.components(separatedBy: "\n\n")
    }

    /// Text safe in XML content and attribute values; characters XML 1.0 forbids are dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
