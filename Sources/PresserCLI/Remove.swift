import ArgumentParser
import Foundation
import PresserStore

extension Presser {
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove briefings from the store.",
            discussion: """
                Give ids, as list prints them, or the paths files were stored from (a path
                names its latest version). Each is removed in a transaction of its own with
                everything stored of it: participants, turns, claims, findings, its entries in
                the search index, and the corpus findings of other briefings that name it. When
                the latest version of a path is removed, the newest version left becomes the
                latest; when a briefing others repeat (list --twins) is removed, they count
                again.

                To read stored files again with this version of Presser and keep their ids, use
                ingest --reanalyse instead.

                Examples:
                  presser remove 12 13
                  presser remove corpus/scio-2019-12-09.txt

                Exit codes: 0 all removed, 66 some not in the store (the others are removed),
                64 bad usage, 65/69/74 the database could not be used.
                """
        )

        @OptionGroup var store: DatabaseOption

        @Argument(help: ArgumentHelp("Briefing ids or the paths they were stored from.", valueName: "id|path"))
        var briefings: [String]

        func validate() throws {
            if briefings.isEmpty { throw ValidationError("Give at least one briefing id or path.") }
        }

        func run() async throws {
            let missing = try await store.withStore { opened in
                var missing = 0
                for argument in briefings {
                    let removed = try await storeCall { () throws(StoreError) -> BriefingSummary? in
                        switch BriefingReference(argument) {
                        case .id(let id): return try await opened.remove(id)
                        case .path(let path):
                            guard let id = try await opened.briefing(.path(path))?.summary.id else { return nil }
                            return try await opened.remove(id)
                        }
                    }
                    guard let removed else {
                        printError("presser: \(argument): no such briefing in \(store.location)")
                        missing += 1
                        continue
                    }
                    print("removed #\(removed.id) · \(removed.path) · version \(removed.version)")
                }
                return missing
            }
            if missing > 0 { throw ExitCode(66) }
        }
    }
}
