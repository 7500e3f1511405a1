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

        func validate() throws {
            // A larger number was taken modulo 65,536: --port 99999 listened on 34463.
            guard (1...65535).contains(port) else { throw ValidationError("--port is a number from 1 to 65535.") }
        }

        func run() async throws {
            let briefings = try await store.open()
            let configuration = ServerConfiguration(
                host: host, port: port, token: token ?? ProcessInfo.processInfo.environment["PRESSER_TOKEN"])
            if !configuration.isLoopback && configuration.token == nil {
                printError("presser: warning: listening on \(host) without --token: the API refuses every write")
            }
            let location = store.location
            let (host, port) = (host, port)
            // Said once the server listens, not before it tries (a port in use printed it, then failed).
            let app = try await buildApplication(store: briefings, configuration: configuration) {
                // Written at once, into a log file too (print's buffer waits for the process to end).
                FileHandle.standardOutput.write(
                    Data("Presser is serving \(location) at http://\(host):\(port)/\n".utf8))
            }
            do {
                try await app.runService()
            } catch {
                await briefings.close()
                printError("presser: cannot listen on \(host):\(port): \(Self.reason(error))")
                throw ExitCode(69)
            }
            await briefings.close()
        }

        /// The system's words for the error the server gave ("Address already in use"), read from the
        /// errno SwiftNIO puts in its description; else the description as it is.
        static func reason(_ error: any Error) -> String {
            let description = String(describing: error)
            guard let range = description.range(of: "(errno: "),
                let code = Int32(description[range.upperBound...].prefix { $0.isNumber })
            else { return description }
            let said = String(cString: strerror(code))
            return code == EADDRINUSE ? said + " (another server on that port? give another with --port)" : said
        }
    }
}
