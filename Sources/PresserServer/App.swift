import Foundation
import Hummingbird
import PresserStore

/// Builds the whole web application over a store: pages, JSON API, the stylesheet, errors and
/// headers. `presser serve` runs it; the tests call it too.
public func buildApplication(store: any BriefingStore, configuration: ServerConfiguration) async throws
    -> some ApplicationProtocol
{
    let router = try await buildRouter(store: store, configuration: configuration)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "Presser"))
}

/// The router alone (what HummingbirdTesting drives).
public func buildRouter(store: any BriefingStore, configuration: ServerConfiguration) async throws
    -> Router<BasicRequestContext>
{
    let pages = try await Pages.load()
    let router = Router()
    router.middlewares.add(SecurityHeadersMiddleware())
    router.middlewares.add(ProblemMiddleware(pages: pages))
    API(store: store, configuration: configuration).addRoutes(to: router)
    Web(store: store, pages: pages).addRoutes(to: router)
    return router
}

/// The HTML pages.
struct Web: Sendable {
    let store: any BriefingStore
    let pages: Pages

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try await self.home() }
        router.get("briefings/:id") { _, context in try await self.briefing(context) }
        router.get("search") { request, _ in try await self.search(request) }
        router.get("static/presser.css") { _, _ in try Self.stylesheet() }
    }

    func home() async throws -> Response {
        let counts = try await call { () throws(StoreError) in try await store.counts() }
        let recent = try await call { () throws(StoreError) in try await store.list(ListFilter(limit: 1000)) }
        let rows = recent.sorted { ($0.date ?? "", $0.id) > ($1.date ?? "", $1.id) }.prefix(25).map {
            HomePage.Row(
                id: $0.id, date: $0.date ?? "", title: $0.title ?? $0.path, questions: $0.questions, claims: $0.claims,
                findings: $0.findings)
        }
        return pages.render(
            HomePage(
                briefings: counts.briefings, turns: counts.turns, claims: counts.claims, findings: counts.findings,
                recent: Array(rows), empty: rows.isEmpty), "home")
    }

    func briefing(_ context: BasicRequestContext) async throws -> Response {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw Problem.notFound("there is no briefing \(context.parameters.get("id") ?? "")")
        }
        guard let stored = try await call({ () throws(StoreError) in try await store.briefing(.id(id)) }) else {
            throw Problem.notFound("there is no briefing #\(id)")
        }
        let corpus = try await call { () throws(StoreError) in try await store.corpusFindings(briefing: id) }
        return pages.render(BriefingPage(stored, corpus: corpus), "briefing")
    }

    func search(_ request: Request) async throws -> Response {
        let text = request.uri.queryParameters["q"].map(String.init) ?? ""
        var hits: [SearchHit] = []
        if text.contains(where: { $0.isLetter || $0.isNumber }) {
            hits = try await call { () throws(StoreError) in try await store.search(SearchQuery(text, limit: 50)) }
        }
        let rows = hits.map {
            SearchPage.Hit(
                briefing: $0.briefing, turn: $0.turn, date: $0.date ?? "", title: $0.title ?? "",
                who: $0.speaker ?? $0.outlet.map { "Reporter (\($0))" } ?? "Reporter", kind: $0.kind,
                snippet: Segment.fromSnippet($0.snippet))
        }
        return pages.render(
            SearchPage(
                title: text.isEmpty ? "Search" : "Search: \(text)", query: text, hits: rows,
                none: rows.isEmpty && !text.isEmpty, searched: !text.isEmpty), "search")
    }

    static func stylesheet() throws -> Response {
        guard let url = Bundle.module.url(forResource: "presser", withExtension: "css", subdirectory: "Templates"),
            let data = try? Data(contentsOf: url)
        else { throw Problem(.notFound, "no stylesheet") }
        return Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
