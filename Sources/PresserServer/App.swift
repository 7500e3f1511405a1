import Foundation
import Hummingbird
import PresserCore
import PresserStore

/// Builds the whole web application over a store: pages, JSON API, the stylesheet, errors and
/// headers. `presser serve` runs it; the tests call it too.
public func buildApplication(
    store: any BriefingStore, configuration: ServerConfiguration, onRunning: @escaping @Sendable () async -> Void = {}
) async throws
    -> some ApplicationProtocol
{
    let router = try await buildRouter(store: store, configuration: configuration)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "Presser"),
        onServerRunning: { _ in await onRunning() })
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
    Web(store: store, pages: pages, configuration: configuration).addRoutes(to: router)
    return router
}

/// The HTML pages.
struct Web: Sendable {
    let store: any BriefingStore
    let pages: Pages
    let configuration: ServerConfiguration

    /// Parses what the analyse form sent and shows it, not stored.
    func analyse(_ request: Request) async throws -> Response {
        let form = try await FormBody.read(request, limit: configuration.bodyLimit)
        let briefing = try API.analyse(form.text, name: form.name)
        let page = BriefingPage(
            preview: briefing, source: String(decoding: form.text, as: UTF8.self), name: form.name,
            needsToken: !configuration.isLoopback)
        return pages.render(page, "briefing")
    }

    /// Stores what the preview's button sent, then shows the stored briefing.
    func storeAnalysed(_ request: Request) async throws -> Response {
        let form = try await FormBody.read(request, limit: configuration.bodyLimit)
        try API.authorise(token: form.token ?? API.bearer(request), configuration)
        let briefing = try API.analyse(form.text, name: form.name)
        let outcome = try await call { () throws(StoreError) in
            try await store.store(briefing, path: "upload:" + form.name + ":" + briefing.source.sha256.prefix(12))
        }
        let id: Int64
        switch outcome {
        case .stored(let stored, _): id = stored
        case .unchanged(let existing): id = existing
        }
        return Response(status: .seeOther, headers: [.location: "/briefings/\(id)"])
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try await self.home() }
        router.get("briefings/:id") { _, context in try await self.briefing(context) }
        router.get("briefings/:id/versions/:other") { _, context in try await self.sideBySide(context) }
        router.get("search") { request, _ in try await self.search(request) }
        router.get("timeline") { request, _ in try await self.timeline(request) }
        router.get("analyse") { _, _ in self.pages.render(AnalysePage(), "analyse") }
        router.post("analyse") { request, _ in try await self.analyse(request) }
        router.post("analyse/store") { request, _ in try await self.storeAnalysed(request) }
        router.get("static/presser.css") { _, _ in try Self.stylesheet() }
    }

    func home() async throws -> Response {
        let counts = try await call { () throws(StoreError) in try await store.counts() }
        let recent = try await call { () throws(StoreError) in try await store.list(ListFilter(limit: 1000)) }
        let rows = recent.sorted { ($0.date ?? "", $0.id) > ($1.date ?? "", $1.id) }.prefix(25).map {
            HomePage.Row(
                id: $0.id, date: $0.date ?? "", title: $0.displayTitle, questions: $0.questions, claims: $0.claims,
                findings: $0.findings, twin: $0.twinOf.map(String.init))
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
        let versions = try await call { () throws(StoreError) in try await store.languageVersions(of: id) }
        return pages.render(BriefingPage(stored, corpus: corpus, versions: versions), "briefing")
    }

    /// Two language versions of one briefing side by side.
    func sideBySide(_ context: BasicRequestContext) async throws -> Response {
        guard let first = context.parameters.get("id").flatMap({ Int64($0) }),
            let second = context.parameters.get("other").flatMap({ Int64($0) })
        else {
            throw Problem.notFound("there is no such pair of briefings")
        }
        guard let aligned = try await call({ () throws(StoreError) in try await store.alignment(first, second) })
        else {
            throw Problem.notFound("there is no briefing #\(first) or #\(second)")
        }
        return pages.render(AlignmentPage(aligned.alignment, aligned.a, aligned.b), "alignment")
    }

    /// Ranked passages, 20 a page, with facets (speaker, kind, outlet, year) counted over the first
    /// 200 results; a facet link adds its filter.
    func search(_ request: Request) async throws -> Response {
        let query = QueryString(request)
        let text = query["q"] ?? ""
        let page = max(1, Int(query["page"] ?? "") ?? 1)
        let year = query.nonEmpty("year").flatMap { Int($0) }
        var filters = SearchPage.Filters(
            speaker: query.nonEmpty("speaker"), outlet: query.nonEmpty("outlet"),
            kind: query.nonEmpty("kind").flatMap(Turn.Kind.init(rawValue:)), year: year)
        var hits: [SearchHit] = []
        if text.contains(where: { $0.isLetter || $0.isNumber }) {
            let search = SearchQuery(
                text, speaker: filters.speaker, outlet: filters.outlet, kind: filters.kind,
                from: year.map { "\($0)-01-01" }, to: year.map { "\($0)-12-31" }, limit: 200)
            hits = try await call { () throws(StoreError) in try await store.search(search) }
        }
        filters.text = text
        return pages.render(SearchPage(text: text, hits: hits, page: page, filters: filters), "search")
    }

    func timeline(_ request: Request) async throws -> Response {
        let query = QueryString(request)
        let subject = query["subject"] ?? ""
        let unit = query.nonEmpty("unit")
        var points: [TimelinePoint] = []
        if !subject.isEmpty {
            points = try await call { () throws(StoreError) in try await store.timeline(subject: subject, unit: unit) }
        }
        return pages.render(TimelinePage(subject: subject, unit: unit, points: points), "timeline")
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
