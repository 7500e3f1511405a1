import Foundation
import Hummingbird
import Mustache
import PresserCore
import PresserStore

/// The HTML pages, rendered on the server from the Mustache templates in Templates/ (every
/// `{{value}}` is HTML-escaped; the only unescaped values are SVG charts the server draws, with
/// their text escaped). No script at all.
struct Pages: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> Pages {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw Problem(.internalServerError, "the page templates are missing from this build")
        }
        return Pages(library: try await MustacheLibrary(directory: directory.path))
    }

    func render(_ object: Any, _ template: String, status: HTTPResponse.Status = .ok) -> Response {
        let html =
            library.render(object, withTemplate: template)
            ?? "<!doctype html><title>Presser</title>template \(template) missing"
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    func problem(_ problem: Problem) -> Response {
        render(
            ProblemPage(title: "\(problem.status) \(problem.title)", status: problem.status, detail: problem.detail),
            "problem",
            status: problem.httpStatus)
    }
}

struct AnalysePage {
    var title = "Analyse a transcript"
    var query = ""
}

struct ProblemPage {
    var title: String
    var status: Int
    var detail: String
}

struct HomePage {
    struct Row {
        var id: Int64
        var date: String
        var title: String
        var questions: Int
        var claims: Int
        var findings: Int
        /// The briefing this one repeats almost whole, as text.
        var twin: String?
    }

    var title = "Presser"
    var briefings: Int
    var turns: Int
    var claims: Int
    var findings: Int
    var recent: [Row]
    var empty: Bool
}

struct SearchPage {
    struct Hit {
        var briefing: Int64
        var turn: Int
        var date: String
        var title: String
        var who: String
        var kind: String
        var snippet: [Segment]
    }

    /// The filters in force, and how to write a link with one more (or one less).
    struct Filters {
        var text = ""
        var speaker: String?
        var outlet: String?
        var kind: Turn.Kind?
        var year: Int?

        func link(
            page: Int = 1, speaker: String?? = nil, outlet: String?? = nil, kind: String?? = nil, year: String?? = nil
        )
            -> String
        {
            var items = [("q", text)]
            if let v = speaker ?? self.speaker { items.append(("speaker", v)) }
            if let v = outlet ?? self.outlet { items.append(("outlet", v)) }
            if let v = kind ?? self.kind?.rawValue { items.append(("kind", v)) }
            if let v = year ?? self.year.map(String.init) { items.append(("year", v)) }
            if page > 1 { items.append(("page", String(page))) }
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            return "/search?"
                + items.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
                .joined(separator: "&")
        }
    }

    struct Facet {
        var name: String
        var values: [FacetValue]
    }

    struct FacetValue {
        var label: String
        var count: Int
        var href: String
    }

    struct Active {
        var label: String
        var href: String
    }

    var title: String
    var query: String
    var hits: [Hit]
    var none: Bool
    var searched: Bool
    var total: Int
    var facets: [Facet]
    var active: [Active]
    var previous: String?
    var next: String?
    var pageLabel: String

    static let perPage = 20

    init(text: String, hits all: [SearchHit], page: Int, filters: Filters) {
        title = text.isEmpty ? "Search" : "Search: \(text)"
        query = text
        searched = !text.isEmpty
        total = all.count
        none = all.isEmpty && searched
        let shown = all.dropFirst((page - 1) * Self.perPage).prefix(Self.perPage)
        hits = shown.map {
            Hit(
                briefing: $0.briefing, turn: $0.turn, date: $0.date ?? "",
                title: $0.title ?? "Briefing #\($0.briefing)",
                who: $0.speaker ?? $0.outlet.map { "Reporter (\($0))" } ?? "Reporter", kind: $0.kind,
                snippet: Segment.fromSnippet($0.snippet))
        }
        func counts(_ key: (SearchHit) -> String?) -> [(String, Int)] {
            var c: [String: Int] = [:]
            for h in all { if let k = key(h), !k.isEmpty { c[k, default: 0] += 1 } }
            return c.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(8).map { ($0.key, $0.value) }
        }
        var facets: [Facet] = []
        if filters.speaker == nil {
            facets.append(
                Facet(
                    name: "Speaker",
                    values: counts(\.speaker).map {
                        FacetValue(label: $0.0, count: $0.1, href: filters.link(speaker: .some($0.0)))
                    }))
        }
        if filters.kind == nil {
            facets.append(
                Facet(
                    name: "Kind",
                    values: counts { $0.kind }.map {
                        FacetValue(label: $0.0, count: $0.1, href: filters.link(kind: .some($0.0)))
                    }))
        }
        if filters.outlet == nil {
            facets.append(
                Facet(
                    name: "Outlet",
                    values: counts(\.outlet).map {
                        FacetValue(label: $0.0, count: $0.1, href: filters.link(outlet: .some($0.0)))
                    }))
        }
        if filters.year == nil {
            facets.append(
                Facet(
                    name: "Year",
                    values: counts { $0.date.map { String($0.prefix(4)) } }.map {
                        FacetValue(label: $0.0, count: $0.1, href: filters.link(year: .some($0.0)))
                    }))
        }
        self.facets = facets.filter { !$0.values.isEmpty }
        var active: [Active] = []
        if let v = filters.speaker {
            active.append(Active(label: "speaker: \(v)", href: filters.link(speaker: .some(nil))))
        }
        if let v = filters.kind {
            active.append(Active(label: "kind: \(v.rawValue)", href: filters.link(kind: .some(nil))))
        }
        if let v = filters.outlet {
            active.append(Active(label: "outlet: \(v)", href: filters.link(outlet: .some(nil))))
        }
        if let v = filters.year { active.append(Active(label: "year: \(v)", href: filters.link(year: .some(nil)))) }
        self.active = active
        let pages = max(1, (all.count + Self.perPage - 1) / Self.perPage)
        previous = page > 1 ? filters.link(page: page - 1) : nil
        next = page < pages ? filters.link(page: page + 1) : nil
        pageLabel =
            searched && !all.isEmpty
            ? "page \(min(page, pages)) of \(pages), \(all.count)\(all.count == 200 ? "+" : "") results" : ""
    }
}

/// A run of text, marked or not (a matched word, a claim).
struct Segment {
    var text: String
    var marked: Bool
    /// For claims: the claim's index, for its anchor, and what it means, for its tooltip.
    var claim: Int?
    var note: String?
}

extension Segment {
    /// "…the «violent» «terrorist» attack…" as segments, the marked words flagged.
    static func fromSnippet(_ snippet: String) -> [Segment] {
        var out: [Segment] = []
        var current = ""
        var marked = false
        for ch in snippet {
            if ch == "«" || ch == "»" {
                if !current.isEmpty { out.append(Segment(text: current, marked: marked)) }
                current = ""
                marked = ch == "«"
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { out.append(Segment(text: current, marked: marked)) }
        return out
    }
}
