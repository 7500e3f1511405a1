import ArgumentParser
import PresserStore

extension Presser {
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database, or bring it up to date (every store command does this too).",
            discussion: "Migrations are named and only ever appended; a database made by a newer Presser is refused."
        )

        @OptionGroup var store: DatabaseOption

        func run() async throws {
            let location = store.location
            let briefings = try await storeCall { () throws(StoreError) in try await location.openWithoutMigrating() }
            let applied = try await closing(briefings) { briefings in
                try await storeCall { () throws(StoreError) in try await briefings.migrate() }
            }
            print(
                applied.isEmpty ? "\(location): up to date" : "\(location): applied \(applied.joined(separator: ", "))")
        }
    }
}
