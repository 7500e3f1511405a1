import ArgumentParser
import Foundation
import Hummingbird
import PresserServer
import PresserStore

extension Presser {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the web app and the JSON API over the corpus store.",
            discussion: """
                Pages: / (the corpus), /briefings/ID (a briefing, its figures and findings),
                /search?q=… . API: /api/v1 (the OpenAPI document is at /api/v1/openapi.json).

                On loopback (the default) anyone on this machine may store briefings through
                the API; on any other address writes need --token (or PRESSER_TOKEN), sent as
                "Authorization: Bearer TOKEN".

                Example:
                  presser ingest Tests/Fixtures/corpus && presser serve
                """
        )

        @OptionGroup var store: DatabaseOption
        @Option(help: "The address to listen on.") var host = "127.0.0.1"
        @Option(help: "The port to listen on.") var port = 8080
        @Option(help: "The token writes need (default: $PRESSER_TOKEN).") var token: String?

        func run() async throws {
            let briefings = try await store.open()
            let configuration = ServerConfiguration(
                host: host, port: port, token: token ?? ProcessInfo.processInfo.environment["PRESSER_TOKEN"])
            if !configuration.isLoopback && configuration.token == nil {
                printError("presser: warning: listening on \(host) without --token: the API refuses every write")
            }
            let app = try await buildApplication(store: briefings, configuration: configuration)
            print("Presser is serving \(store.location) at http://\(host):\(port)/")
            try await app.runService()
            await briefings.close()
        }
    }
}
