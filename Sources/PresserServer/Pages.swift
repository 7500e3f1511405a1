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

    var title: String
    var query: String
    var hits: [Hit]
    var none: Bool
    var searched: Bool
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
