import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Headless Chromium, where Debian puts it.
enum Browser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The briefing page in a real browser: `presser serve` over a store holding the reference
/// briefing, headless Chromium's rendered DOM, and screenshots at 1280 px and at a phone's width
/// (kept in .build/test-artifacts/). `.ci/run` installs Chromium from Debian's packages.
@Suite(
    .enabled(
        if: Browser.path != nil, "no chromium found: the browser tests need Debian's chromium (.ci/run installs it)"),
    .serialized)
struct BrowserTests {
    private let temp = TemporaryDirectory()

    /// A port nothing listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs `body` with `presser serve` up on a fresh store holding the given transcripts.
    func withServer(_ files: [String], _ body: (String) throws -> Void) throws {
        let database = temp.url.appendingPathComponent("web.sqlite").path
        let ingest = try Presser.run(["ingest", "--quiet", "--database", database] + files)
        try #require(ingest.status == 0, "\(ingest)")
        let port = try Self.freePort()
        let server = try Presser.serve(database, port: port)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)"
        // Up when the home page answers.
        var up = false
        for _ in 0..<100 where !up {
            if let url = URL(string: base + "/"), (try? Data(contentsOf: url)) != nil {
                up = true
            } else {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        try #require(up, "presser serve did not answer on \(base)")
        try body(base)
    }

    /// Chromium, headless, with the arguments; its standard output.
    func chromium(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Browser.path))
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"] + arguments
        let output = temp.url.appendingPathComponent("chromium-\(UUID()).out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test func theBriefingPageRendersWhatAReaderNeeds() throws {
        try withServer(["Tests/Fixtures/corpus/scio-2019-12-09.txt"]) { base in
            let dom = try chromium(["--dump-dom", base + "/briefings/1"])
            #expect(Self.count("class=\"question-card\"", in: dom) == 11, "\(dom.prefix(500))")
            #expect(Self.count("class=\"badge no-outlet\"", in: dom) == 4)
            #expect(dom.contains("Shohrat Zakir → Xu Hairong"))
            #expect(Self.count("<mark class=\"claim\"", in: dom) == 99)
            #expect(dom.contains("class=\"findings\"") && dom.contains("growthMismatch"))
            #expect(dom.contains("<svg") && dom.contains("Questions per outlet"))
            let artifacts = Corpus.packageRoot.appendingPathComponent(".build/test-artifacts")
            try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
            for (name, size) in [("briefing-1280.png", "1280,2400"), ("briefing-phone.png", "390,2400")] {
                let file = artifacts.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: file)
                _ = try chromium(["--window-size=\(size)", "--screenshot=\(file.path)", base + "/briefings/1"])
                let bytes = (try? Data(contentsOf: file)) ?? Data()
                #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "no screenshot at \(file.path)")
                print("screenshot: \(file.path)")
            }
        }
    }

    @Test func hostileTranscriptTextStaysText() throws {
        let hostile = temp.url.appendingPathComponent("hostile.txt")
        try """
        MS. PSAKI: Good afternoon. <script>document.title = 'pwned'</script> We have 3 updates.

        Q: What about <img src=x onerror="document.title='pwned'"> and " onmouseover="document.title='pwned'" today?

        MS. PSAKI: No comment on 45 percent.
        """.write(to: hostile, atomically: true, encoding: .utf8)
        try withServer([hostile.path]) { base in
            let dom = try chromium(["--dump-dom", base + "/briefings/1"])
            #expect(!dom.contains("pwned · Presser") && !dom.contains("<title>pwned"), "a script ran")
            #expect(Self.count("<script", in: dom) == 0)
            #expect(Self.count("<img", in: dom) == 0)
            #expect(dom.contains("&lt;script&gt;document.title"))
        }
    }
}
