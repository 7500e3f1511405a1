import Foundation
import Hummingbird
import PresserCheck
import PresserClaims
import PresserCore
import PresserParse
import PresserStore

/// The JSON API under /api/v1 (described in openapi.json, served at /api/v1/openapi.json).
struct API: Sendable {
    let store: any BriefingStore
    let configuration: ServerConfiguration

    /// Every route, for the OpenAPI document's test.
    static let routes = [
        "GET /api/v1/briefings", "POST /api/v1/briefings", "GET /api/v1/briefings/{id}",
        "GET /api/v1/briefings/{id}/turns", "GET /api/v1/briefings/{id}/exchanges", "GET /api/v1/briefings/{id}/claims",
        "GET /api/v1/briefings/{id}/findings", "GET /api/v1/briefings/{id}/versions",
        "GET /api/v1/briefings/{id}/versions/{other}", "GET /api/v1/search", "GET /api/v1/timeline",
        "GET /api/v1/outlets",
        "GET /api/v1/speakers", "POST /api/v1/parse",
        "GET /api/v1/openapi.json",
    ]

    func addRoutes(to router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("briefings") { request, _ in try await self.list(request) }
        api.post("briefings") { request, _ in try await self.storeBriefing(request) }
        api.get("briefings/:id") { _, context in try await self.document(context) }
        api.get("briefings/:id/turns") { _, context in json(try await self.briefing(context).turns) }
        api.get("briefings/:id/exchanges") { _, context in json(try await self.briefing(context).exchanges) }
        api.get("briefings/:id/claims") { _, context in json(try await self.briefing(context).claims) }
        api.get("briefings/:id/findings") { _, context in try await self.findings(context) }
        api.get("briefings/:id/versions") { _, context in try await self.versions(context) }
        api.get("briefings/:id/versions/:other") { _, context in try await self.alignment(context) }
        api.get("search") { request, _ in try await self.search(request) }
        api.get("timeline") { request, _ in try await self.timeline(request) }
        api.get("outlets") { request, _ in
            let id = try Self.briefingFilter(request)
            return json(try await call { () throws(StoreError) in try await store.outlets(briefing: id) })
        }
        api.get("speakers") { request, _ in
            let id = try Self.briefingFilter(request)
            return json(try await call { () throws(StoreError) in try await store.speakers(briefing: id) })
        }
        api.post("parse") { request, _ in try await self.parse(request) }
        api.get("openapi.json") { _, _ in try Self.openAPI() }
    }

    // MARK: Reading

    func list(_ request: Request) async throws -> Response {
        let q = QueryString(request)
        let (from, to) = try Self.days(q)
        let layout = q.nonEmpty("layout")
        if let layout, !Layout.names.contains(layout) {
            throw Problem.badRequest("layout is one of \(Layout.names.joined(separator: ", "))")
        }
        let filter = ListFilter(
            from: from, to: to, layout: layout,
            speaker: q.nonEmpty("speaker"), twins: try Self.flag(q["twins"], "twins") ? .only : .included,
            limit: try Self.limit(q["limit"], default: 100, max: 1000))
        return json(try await call { () throws(StoreError) in try await store.list(filter) })
    }

    /// The stored briefing for the `:id` in the path, or a 404.
    func stored(_ context: BasicRequestContext) async throws -> StoredBriefing {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw Problem.badRequest("a briefing id is a positive number")
        }
        guard let stored = try await call({ () throws(StoreError) in try await store.briefing(.id(id)) }) else {
            throw Problem.notFound("no briefing #\(id)")
        }
        return stored
    }

    func briefing(_ context: BasicRequestContext) async throws -> Briefing { try await stored(context).briefing }

    /// presser.briefing/1 with the briefing's `id`.
    func document(_ context: BasicRequestContext) async throws -> Response {
        let stored = try await stored(context)
        return json(StoredDocument(id: stored.summary.id, briefing: stored.briefing))
    }

    func findings(_ context: BasicRequestContext) async throws -> Response {
        let stored = try await stored(context)
        let corpus = try await call { () throws(StoreError) in
            try await store.corpusFindings(briefing: stored.summary.id)
        }
        return json(FindingsDocument(findings: stored.briefing.findings, corpusFindings: corpus))
    }

    /// The other language versions of a briefing that the store holds.
    func versions(_ context: BasicRequestContext) async throws -> Response {
        let stored = try await stored(context)
        return json(try await call { () throws(StoreError) in try await store.languageVersions(of: stored.summary.id) })
    }

    /// presser.alignment/1 for two stored briefings.
    func alignment(_ context: BasicRequestContext) async throws -> Response {
        let stored = try await stored(context)
        guard let text = context.parameters.get("other"), let other = Int64(text), other > 0 else {
            throw Problem.badRequest("a briefing id is a positive number")
        }
        guard
            let aligned = try await call({ () throws(StoreError) in
                try await store.alignment(stored.summary.id, other)
            })
        else {
            throw Problem.notFound("no briefing #\(other)")
        }
        return json(aligned.alignment)
    }

    func search(_ request: Request) async throws -> Response {
        let q = QueryString(request)
        guard let text = q["q"], text.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw Problem.badRequest("give the words to search for as ?q=")
        }
        var kind: Turn.Kind?
        if let k = q["kind"] {
            guard let parsed = Turn.Kind(rawValue: k) else {
                throw Problem.badRequest("kind is one of \(Turn.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = parsed
        }
        let (from, to) = try Self.days(q)
        let query = SearchQuery(
            text, speaker: q.nonEmpty("speaker"), outlet: q.nonEmpty("outlet"), kind: kind, from: from, to: to,
            limit: try Self.limit(q["limit"], default: 20, max: 200))
        return json(try await call { () throws(StoreError) in try await store.search(query) })
    }

    func timeline(_ request: Request) async throws -> Response {
        let q = QueryString(request)
        guard let subject = q.nonEmpty("subject") else {
            throw Problem.badRequest("give the subject as ?subject=")
        }
        let unit = q.nonEmpty("unit")
        return json(try await call { () throws(StoreError) in try await store.timeline(subject: subject, unit: unit) })
    }

    // MARK: Writing

    /// Parses the request body as a transcript: presser.briefing/1 out, nothing stored.
    func parse(_ request: Request) async throws -> Response {
        json(try await analyse(request))
    }

    /// Parses and stores; needs the token when the server is not on loopback.
    func storeBriefing(_ request: Request) async throws -> Response {
        try authorise(request)
        let briefing = try await analyse(request)
        let name = request.uri.queryParameters["name"].map(String.init) ?? "upload-\(briefing.source.sha256.prefix(12))"
        let outcome = try await call { () throws(StoreError) in try await store.store(briefing, path: "upload:" + name)
        }
        switch outcome {
        case .stored(let id, let version):
            return json(StoreReply(id: id, version: version, stored: true), status: .created)
        case .unchanged(let id):
            return json(StoreReply(id: id, version: nil, stored: false))
        }
    }

    func authorise(_ request: Request) throws {
        try Self.authorise(token: Self.bearer(request), configuration)
    }

    /// The token of an `Authorization: Bearer …` header.
    static func bearer(_ request: Request) -> String? {
        request.headers[.authorization].flatMap {
            $0.hasPrefix("Bearer ") ? String($0.dropFirst("Bearer ".count)) : nil
        }
    }

    /// Writes are open on loopback with no token set; otherwise they need the token.
    static func authorise(token given: String?, _ configuration: ServerConfiguration) throws {
        guard let token = configuration.token else {
            if configuration.isLoopback { return }
            throw Problem(
                .unauthorized, "this server is not on loopback: writes need a token (--token), and none is set")
        }
        guard given == token else {
            throw Problem(.unauthorized, "writes need the token: the header Authorization: Bearer <token>")
        }
    }

    private func analyse(_ request: Request) async throws -> Briefing {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: configuration.bodyLimit)
        } catch {
            throw Problem(.contentTooLarge, "the body is over the limit of \(configuration.bodyLimit) bytes")
        }
        let name = request.uri.queryParameters["name"].map(String.init) ?? "upload.txt"
        return try Self.analyse(Array(buffer: body), name: name)
    }

    /// Parse, claims, checks on uploaded bytes; bad bytes are a 400, text with no transcript a 422.
    static func analyse(_ bytes: [UInt8], name: String) throws -> Briefing {
        do throws(PresserError) {
            return try Pipeline.run([TranscriptFile(name: name, bytes: bytes)]).briefing
        } catch {
            // Bytes that are not text are a malformed body; text with no transcript in it is not.
            if case .noTranscript = error { throw Problem(.unprocessableContent, error.description) }
            throw Problem(.badRequest, error.description)
        }
    }

    // MARK: Helpers

    /// `?briefing=ID`, when given.
    private static func briefingFilter(_ request: Request) throws -> Int64? {
        guard let text = QueryString(request).nonEmpty("briefing") else { return nil }
        guard let id = Int64(text), id > 0 else { throw Problem.badRequest("briefing is a positive number") }
        return id
    }

    /// `?from=` and `?to=` as the days compared; a `from` after the `to` is a bad request (no day
    /// is in between), as on the command line.
    private static func days(_ q: QueryString) throws -> (from: String?, to: String?) {
        let from = try day(q, "from", side: .from)
        let to = try day(q, "to", side: .to)
        if let from, let to, from > to { throw Problem.badRequest("from is after to: no day is in between") }
        return (from, to)
    }

    /// `?from=` or `?to=` as the day compared (a month or a year covers all of it), when given.
    private static func day(_ q: QueryString, _ name: String, side: DateBound.Side) throws -> String? {
        guard let text = q.nonEmpty(name) else { return nil }
        guard let bound = DateBound(text, side: side) else {
            throw Problem.badRequest(DateBound.problem(text, name: name))
        }
        return bound.day
    }

    private static func limit(_ value: String?, default fallback: Int, max: Int) throws -> Int {
        guard let value else { return fallback }
        guard let n = Int(value), n >= 1, n <= max else {
            throw Problem.badRequest("limit is a number from 1 to \(max)")
        }
        return n
    }

    /// A yes-or-no parameter: `true` or `false` (absent: false).
    private static func flag(_ value: String?, _ name: String) throws -> Bool {
        switch value {
        case nil, "false": return false
        case "true": return true
        default: throw Problem.badRequest("\(name) is true or false")
        }
    }

    static func openAPI() throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Templates"),
            let data = try? Data(contentsOf: url)
        else { throw Problem(.internalServerError, "the OpenAPI document is missing from this build") }
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

struct StoredDocument: Encodable {
    var id: Int64
    var briefing: Briefing

    func encode(to encoder: any Encoder) throws {
        try briefing.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: .id)
    }

    private enum Key: String, CodingKey { case id }
}

struct FindingsDocument: Encodable {
    var findings: [Finding]
    var corpusFindings: [CorpusFinding]
}

struct StoreReply: Encodable {
    var id: Int64
    var version: Int?
    var stored: Bool
}

/// A JSON response: keys sorted, slashes as they are.
func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("null".utf8)
    return Response(
        status: status, headers: [.contentType: "application/json; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
}

/// A store call from a route: a store error becomes a 503 problem saying what failed.
func call<T>(_ body: () async throws(StoreError) -> T) async throws -> T {
    do throws(StoreError) {
        return try await body()
    } catch {
        throw Problem(.serviceUnavailable, "the store failed: \(error.description)")
    }
}
