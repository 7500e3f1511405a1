import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// An error as the API reports it: an RFC 9457 problem document (`application/problem+json`) with
/// the status, a title and what was wrong; the HTML pages show the same in a friendly page.
public struct Problem: Error, Sendable, Equatable, Encodable {
    public var status: Int
    public var title: String
    public var detail: String

    public init(_ status: HTTPResponse.Status, _ detail: String) {
        self.status = status.code
        self.title = status.reasonPhrase
        self.detail = detail
    }

    var httpStatus: HTTPResponse.Status { HTTPResponse.Status(code: status) }

    static func notFound(_ what: String) -> Problem { Problem(.notFound, what) }
    static func badRequest(_ what: String) -> Problem { Problem(.badRequest, what) }

    /// The problem as JSON.
    func jsonResponse() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return Response(
            status: httpStatus, headers: [.contentType: "application/problem+json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Every error thrown by a route becomes a problem: ours as they are, Hummingbird's with their
/// status, anything else a 500 that says nothing of the inside. API paths get JSON, pages get HTML.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let problem: Problem
            if let p = error as? Problem {
                problem = p
            } else if let http = error as? any HTTPResponseError {
                let detail = http.status == .notFound ? "no such page: \(request.uri.path)" : http.status.reasonPhrase
                problem = Problem(http.status, detail)
            } else {
                context.logger.error("\(request.method) \(request.uri.path): \(error)")
                problem = Problem(.internalServerError, "something went wrong on the server; it has been logged")
            }
            if request.uri.path.hasPrefix("/api/") { return problem.jsonResponse() }
            return pages.problem(problem)
        }
    }
}

/// Standard headers on every response: a strict Content-Security-Policy (no inline script; the
/// pages need none), no sniffing, no framing, no referrer leaks.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        for (name, value) in [("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer")] {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }
}
