import Foundation
import Hummingbird
import HummingbirdTesting
import PresserCore
import PresserServer
import PresserStore
import Testing

@testable import PresserServer

/// Every route through HummingbirdTesting, on a throw-away SQLite store holding the reference
/// briefing and an FOMC press conference.
@Suite struct ServerTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/corpus")

    /// Runs `body` against the app over a fresh store with the two briefings (ids 1 and 2).
    func withApp(
        _ configuration: ServerConfiguration = ServerConfiguration(), extra: [String] = [],
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presser-server-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await StoreLocation.sqlite(path: folder.appendingPathComponent("p.sqlite").path).open()
        let files = ["scio-2019-12-09.txt", "fomc-2020-09-16.txt"].map { Self.corpus.appendingPathComponent($0).path }
        _ = await Ingest.run((files + extra).map { [$0] }, into: store, workers: 1)
        let router = try await buildRouter(store: store, configuration: configuration)
        let app = Application(router: router)
        try await app.test(.router, body)
        await store.close()
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
    }

    @Test func briefingsListAndDocument() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/briefings", method: .get) { response in
                #expect(response.status == .ok)
                let list = try #require(try Self.json(response) as? [[String: Any]])
                #expect(list.count == 2)
                #expect(list.allSatisfy { $0["id"] is Int })
            }
            // A year or a month covers all of it.
            for (range, dates) in [
                ("to=2019", ["2019-12-09"]), ("from=2020&to=2020-09", ["2020-09-16"]), ("from=2020-10", []),
            ] {
                try await client.execute(uri: "/api/v1/briefings?\(range)", method: .get) { response in
                    #expect(response.status == .ok, "\(range)")
                    let list = try #require(try Self.json(response) as? [[String: Any]])
                    #expect(list.compactMap { $0["date"] as? String } == dates, "\(range)")
                }
            }
            try await client.execute(uri: "/api/v1/briefings/1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let doc = try #require(try Self.json(response) as? [String: Any])
                #expect(doc["schema"] as? String == "presser.briefing/1")
                #expect(doc["id"] as? Int == 1)
                #expect((doc["exchanges"] as? [Any])?.count == 11)
            }
            for (part, count) in [("turns", 33), ("exchanges", 11), ("claims", 99)] {
                try await client.execute(uri: "/api/v1/briefings/1/\(part)", method: .get) { response in
                    let items = try Self.json(response) as? [Any]
                    #expect(items?.count == count, "\(part)")
                }
            }
            try await client.execute(uri: "/api/v1/briefings/1/findings", method: .get) { response in
                let doc = try #require(try Self.json(response) as? [String: Any])
                #expect((doc["findings"] as? [Any])?.isEmpty == false)
                #expect(doc["corpusFindings"] is [Any])
            }
        }
    }

    /// The English and Chinese versions of one press conference: linked from each briefing page,
    /// side by side on a page of their own, and in the API.
    @Test func languageVersionsSideBySide() async throws {
        let zh = Self.corpus.deletingLastPathComponent().appendingPathComponent("corpus-zh")
        let extra = ["mfa-2020-03-12-en.txt", "mfa-2020-03-12-zh.txt"].map { zh.appendingPathComponent($0).path }
        try await withApp(extra: extra) { client in
            try await client.execute(uri: "/briefings/3", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("<a class=\"side-by-side\" href=\"/briefings/3/versions/4\">side by side</a>"))
            }
            try await client.execute(uri: "/briefings/3/versions/4", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(Self.count("<tr class=\"pair", in: html) == 8)
                #expect(Self.count("<tr class=\"figure-pair same\"", in: html) == 13)
                #expect(html.contains("<mark>62,793</mark>") && html.contains("<mark>62793例</mark>"))
            }
            try await client.execute(uri: "/api/v1/briefings/4/versions", method: .get) { response in
                let list = try #require(try Self.json(response) as? [[String: Any]])
                #expect(list.map { $0["id"] as? Int } == [3])
            }
            try await client.execute(uri: "/api/v1/briefings/3/versions/4", method: .get) { response in
                let doc = try #require(try Self.json(response) as? [String: Any])
                #expect(doc["format"] as? String == "presser.alignment/1")
                #expect((doc["figures"] as? [Any])?.count == 13)
            }
            try await client.execute(uri: "/api/v1/briefings/1/versions", method: .get) { response in
                let versions = try Self.json(response) as? [Any]
                #expect(versions?.isEmpty == true)
            }
            try await client.execute(uri: "/api/v1/briefings/3/versions/99", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/briefings/3/versions/x", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    /// A conference stored from its page and its text: the API lists the second as the first's
    /// twin, and counts its questions once across the corpus.
    @Test func twinsAreListedAndCountedOnce() async throws {
        let pair = ["whitehouse-obama-2013-11-05.html", "whitehouse-obama-2013-11-05.txt"]
        try await withApp(extra: pair.map { Self.corpus.appendingPathComponent($0).path }) { client in
            try await client.execute(uri: "/api/v1/briefings?twins=true", method: .get) { response in
                let list = try #require(try Self.json(response) as? [[String: Any]])
                #expect(list.map { $0["id"] as? Int } == [4] && list.first?["twinOf"] as? Int == 3, "\(list)")
            }
            func questions(_ uri: String) async throws -> Int {
                try await client.execute(uri: uri, method: .get) { response in
                    let rows = try #require(try Self.json(response) as? [[String: Any]])
                    return rows.reduce(0) { $0 + ($1["questions"] as? Int ?? 0) }
                }
            }
            // Its page says so, and so does the list on the home page.
            try await client.execute(uri: "/briefings/4", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("The same transcript as <a href=\"/briefings/3\">#3</a>"), "\(html.prefix(800))")
            }
            try await client.execute(uri: "/briefings/3", method: .get) { response in
                #expect(!Self.text(response).contains("class=\"twin\""))
            }
            try await client.execute(uri: "/", method: .get) { response in
                let html = Self.text(response)
                #expect(html.components(separatedBy: "class=\"badge twin\">same as #3<").count == 2, "\(html)")
            }
            var separately = 0
            for id in 1...3 { separately += try await questions("/api/v1/outlets?briefing=\(id)") }
            #expect(try await questions("/api/v1/outlets?briefing=4") > 50)
            #expect(try await questions("/api/v1/outlets") == separately)
        }
    }

    /// A briefing whose transcript gives no title (the Federal Reserve's) is named by its file,
    /// on the home page (it showed the whole stored path) and on its own page (it said "Untitled
    /// briefing").
    @Test func untitledBriefingsAreNamedByTheirFile() async throws {
        try await withApp { client in
            try await client.execute(uri: "/", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("<a href=\"/briefings/2\">fomc-2020-09-16.txt</a>"), "\(html)")
                #expect(!html.contains("Fixtures/corpus/fomc"), "\(html)")
            }
            try await client.execute(uri: "/briefings/2", method: .get) { response in
                #expect(Self.text(response).contains("<h1>fomc-2020-09-16.txt</h1>"))
            }
        }
    }

    @Test func badRequestsAreProblems() async throws {
        try await withApp { client in
            for (uri, status) in [
                ("/api/v1/briefings/999", HTTPResponse.Status.notFound), ("/api/v1/briefings/abc", .badRequest),
                ("/api/v1/briefings/999/claims", .notFound), ("/api/v1/search", .badRequest),
                ("/api/v1/search?q=x&limit=0", .badRequest), ("/api/v1/search?q=x&kind=speech", .badRequest),
                ("/api/v1/timeline", .badRequest), ("/api/v1/nothing-here", .notFound),
                ("/api/v1/briefings?from=2019-13", .badRequest), ("/api/v1/briefings?twins=yes", .badRequest),
                ("/api/v1/search?q=x&to=yesterday", .badRequest),
                // Filters that can match nothing: a from after the to, a layout no transcript has.
                ("/api/v1/briefings?from=2021&to=2019-12", .badRequest),
                ("/api/v1/search?q=x&from=2020-02&to=2020-01-31", .badRequest),
                ("/api/v1/briefings?layout=inline", .badRequest),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                    let problem = try #require(try Self.json(response) as? [String: Any], "\(uri)")
                    #expect(problem["status"] as? Int == Int(status.code))
                    #expect((problem["detail"] as? String)?.isEmpty == false)
                }
            }
            // The same filters, in order and named right, find the reference.
            try await client.execute(
                uri: "/api/v1/briefings?layout=roster-labels&from=2019-12&to=2019-12-09", method: .get
            ) { response in
                #expect(response.status == .ok)
                let list = try #require(try Self.json(response) as? [[String: Any]])
                #expect(list.map { $0["date"] as? String } == ["2019-12-09"])
            }
            try await client.execute(uri: "/briefings/999", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(Self.text(response).contains("there is no briefing #999"))
                #expect(!Self.text(response).contains("Error("))
            }
        }
    }

    @Test func parseTakesARawTranscriptAndStoresNothing() async throws {
        try await withApp { client in
            let bytes = try Data(contentsOf: Self.corpus.appendingPathComponent("scio-2019-12-09.txt"))
            try await client.execute(
                uri: "/api/v1/parse?name=scio-2019-12-09.txt", method: .post, body: ByteBuffer(bytes: bytes)
            ) { response in
                #expect(response.status == .ok)
                let doc = try #require(try Self.json(response) as? [String: Any])
                #expect((doc["turns"] as? [Any])?.count == 33)
                #expect(doc["id"] == nil)
            }
            try await client.execute(
                uri: "/api/v1/parse", method: .post, body: ByteBuffer(bytes: [0, 1, 2, 0, 255, 0])
            ) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/parse", method: .post, body: ByteBuffer(string: "hello")) {
                response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/v1/briefings", method: .get) { response in
                let list = try Self.json(response) as? [Any]
                #expect(list?.count == 2)
            }
        }
    }

    @Test func oversizeBodiesAre413() async throws {
        try await withApp(ServerConfiguration(bodyLimit: 1000)) { client in
            try await client.execute(
                uri: "/api/v1/parse", method: .post,
                body: ByteBuffer(string: String(repeating: "Q: why?\n", count: 500))
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(Self.text(response).contains("over the limit of 1000 bytes"))
            }
        }
    }

    @Test func writesNeedATokenAwayFromLoopback() async throws {
        let body = try Data(contentsOf: Self.corpus.appendingPathComponent("whitehouse-2021-02-19.txt"))
        try await withApp(ServerConfiguration(host: "0.0.0.0", token: "s3cret")) { client in
            try await client.execute(uri: "/api/v1/briefings", method: .post, body: ByteBuffer(bytes: body)) {
                response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/v1/briefings", method: .post, headers: [.authorization: "Bearer wrong"],
                body: ByteBuffer(bytes: body)
            ) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/v1/briefings?name=wh.txt", method: .post, headers: [.authorization: "Bearer s3cret"],
                body: ByteBuffer(bytes: body)
            ) { response in
                #expect(response.status == .created)
                let reply = try #require(try Self.json(response) as? [String: Any])
                #expect(reply["id"] as? Int == 3 && reply["stored"] as? Bool == true)
            }
        }
        try await withApp(ServerConfiguration(host: "0.0.0.0")) { client in
            try await client.execute(uri: "/api/v1/briefings", method: .post, body: ByteBuffer(bytes: body)) {
                response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func searchAndTimeline() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/search?q=violent%20terrorist&kind=answer", method: .get) {
                response in
                let hits = try #require(try Self.json(response) as? [[String: Any]])
                #expect(hits.contains { $0["turn"] as? Int == 25 && $0["speaker"] as? String == "Shohrat Zakir" })
            }
            for (range, found) in [("to=2019", true), ("from=2019-12-10", false)] {
                try await client.execute(uri: "/api/v1/search?q=violent%20terrorist&\(range)", method: .get) {
                    response in
                    let hits = try #require(try Self.json(response) as? [[String: Any]])
                    #expect(hits.isEmpty != found, "\(range)")
                }
            }
            try await client.execute(uri: "/api/v1/outlets?briefing=1", method: .get) { response in
                let outlets = try #require(try Self.json(response) as? [[String: Any]])
                let unattributed = try #require(outlets.first { $0["outlet"] is NSNull || $0["outlet"] == nil })
                #expect(unattributed["questions"] as? Int == 4 && unattributed["direct"] as? Int == 3)
            }
            try await client.execute(uri: "/api/v1/speakers?briefing=1", method: .get) { response in
                let speakers = try #require(try Self.json(response) as? [[String: Any]])
                #expect(
                    speakers.first?["name"] as? String == "Shohrat Zakir" && speakers.first?["answered"] as? Int == 5)
            }
            try await client.execute(uri: "/api/v1/speakers?briefing=x", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/timeline?subject=poverty%20incidence", method: .get) { response in
                let points = try #require(try Self.json(response) as? [[String: Any]])
                #expect(points.contains { $0["value"] as? Double == 22.48 })
            }
            try await client.execute(uri: "/search?q=violent+terrorist", method: .get) { response in
                #expect(Self.text(response).contains("<mark>violent</mark>"))
            }
        }
    }

    @Test func briefingPageShowsCardsBadgesHandOffClaimsAndFindings() async throws {
        try await withApp { client in
            try await client.execute(uri: "/briefings/1", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(html.components(separatedBy: "class=\"question-card\"").count - 1 == 11)
                #expect(html.components(separatedBy: "class=\"badge no-outlet\"").count - 1 == 4)
                #expect(html.contains("Shohrat Zakir → Xu Hairong"))
                #expect(html.contains("class=\"answer-label premiseRejected\""))
                // How far the labels can be trusted, said beside them.
                #expect(html.contains("How each was answered is Presser's reading"))
                #expect(html.components(separatedBy: "<mark class=\"claim\"").count - 1 == 99)
                #expect(html.contains("id=\"claim-0\" title=\"400,000,000,000 CNY · approximately"))
                #expect(html.contains("class=\"finding info\""))
                #expect(html.contains("<svg") && html.contains("Words spoken per participant"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(!html.contains("<script"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(Self.text(response).contains("<strong>2</strong> briefings"))
            }
            try await client.execute(uri: "/static/presser.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test func transcriptTextIsEscapedEverywhere() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presser-xss-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = folder.appendingPathComponent("hostile.txt")
        try """
        MS. PSAKI: Good afternoon. <script>alert('turn')</script> We have 3 updates " onmouseover="alert(1)" today.

        Q: What about <img src=x onerror=alert(2)> and 45 percent?

        MS. PSAKI: No comment on "</mark><script>alert(3)</script>".
        """.write(to: hostile, atomically: true, encoding: .utf8)
        try await withApp(extra: [hostile.path]) { client in
            try await client.execute(uri: "/briefings/3", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(!html.contains("<script>alert"))
                #expect(!html.contains("<img src=x"))
                #expect(!html.contains("\" onmouseover=\"alert"))
                #expect(html.contains("&lt;script&gt;alert"))
            }
        }
    }

    @Test func everyRouteIsInTheOpenAPIDocument() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                let doc = try #require(try Self.json(response) as? [String: Any])
                #expect(doc["openapi"] as? String == "3.1.0")
                let paths = try #require(doc["paths"] as? [String: [String: Any]])
                for route in API.routes {
                    let parts = route.split(separator: " ")
                    let method = String(parts[0]).lowercased()
                    #expect(paths[String(parts[1])]?[method] != nil, "\(route) is not in openapi.json")
                }
                let documented = paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } }
                #expect(Set(documented) == Set(API.routes))
            }
        }
    }

    @Test func timelinePageDrawsTheLineWithLinkedPoints() async throws {
        try await withApp { client in
            try await client.execute(uri: "/timeline?subject=poverty+incidence", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("Timeline: poverty incidence"))
                #expect(Self.count("<circle", in: html) == 4)
                #expect(html.contains("href=\"/briefings/1#claim-"))
                #expect(html.contains("22.48"))
            }
            try await client.execute(uri: "/timeline", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!Self.text(response).contains("<svg"))
            }
        }
    }

    @Test func analysePreviewsAndStoresOnRequest() async throws {
        let transcript = try String(
            contentsOf: Self.corpus.appendingPathComponent("whitehouse-2021-02-19.txt"), encoding: .utf8)
        try await withApp { client in
            try await client.execute(uri: "/analyse", method: .get) { response in
                #expect(Self.text(response).contains("enctype=\"multipart/form-data\""))
            }
            // A file, as a browser uploads it.
            let boundary = "----presser-test"
            let multipart =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wh.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n\(transcript)\r\n--\(boundary)--\r\n"
            try await client.execute(
                uri: "/analyse", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: multipart)
            ) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(html.contains("Store this briefing"))
                #expect(Self.count("class=\"question-card\"", in: html) > 10)
            }
            try await client.execute(uri: "/api/v1/briefings", method: .get) { response in
                let list = try Self.json(response) as? [Any]
                #expect(list?.count == 2, "a preview stores nothing")
            }
            // The preview's button: the text again, urlencoded.
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let form = "name=wh.txt&text=" + (transcript.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
            try await client.execute(
                uri: "/analyse/store", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/briefings/3")
            }
            try await client.execute(
                uri: "/analyse", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "text=")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Self.text(response).contains("paste a transcript"))
            }
        }
        try await withApp(ServerConfiguration(host: "0.0.0.0", token: "t")) { client in
            try await client.execute(
                uri: "/analyse/store", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "text=MS.%20PSAKI%3A%20Hello%20there%2C%20everyone.")
            ) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func searchPageHasFacetsAndPages() async throws {
        try await withApp { client in
            try await client.execute(uri: "/search?q=the", method: .get) { response in
                let html = Self.text(response)
                #expect(
                    html.contains("<h3>Speaker</h3>") && html.contains("<h3>Kind</h3>")
                        && html.contains("<h3>Year</h3>"))
                #expect(html.contains("href=\"/search?q=the&amp;kind=answer\""))
                #expect(html.contains("next →"))
                #expect(Self.count("class=\"hit\"", in: html) == 20)
            }
            try await client.execute(uri: "/search?q=the&kind=answer&page=2", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("kind: answer ✕"))
                #expect(html.contains("← previous"))
                #expect(!html.contains("<h3>Kind</h3>"))
            }
        }
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}
