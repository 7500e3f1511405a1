import ArgumentParser
import PresserStore

/// `--database PATH|postgres://…`, shared by every command that reads or writes the store.
struct DatabaseOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The store: an SQLite file or a postgres://user@host/db URL (default: $PRESSER_DATABASE, else "
                + "~/.local/share/presser/presser.sqlite).", valueName: "path|url"))
    var database: String?

    var location: StoreLocation { StoreLocation.resolve(option: database) }

    /// Opens the store, runs `body` with it and closes it, whether `body` returns or throws.
    func withStore<T>(_ body: (any BriefingStore) async throws -> T) async throws -> T {
        try await closing(try await open(), body)
    }

    /// Opens the store (migrating it when needed), or exits with the store's error and exit code.
    func open() async throws -> any BriefingStore {
        do throws(StoreError) {
            return try await location.open()
        } catch {
            printError("presser: \(error.description)")
            throw ExitCode(error.exitCode)
        }
    }
}

/// Runs a store call; a store error is printed as one line and ends the command with its exit code.
func storeCall<T>(_ body: () async throws(StoreError) -> T) async throws -> T {
    do throws(StoreError) {
        return try await body()
    } catch {
        printError("presser: \(error.description)")
        throw ExitCode(error.exitCode)
    }
}

/// Runs `body` with an opened store, then closes the store whether `body` returned or threw (a
/// store error, a briefing not found…): nothing is left open for the next opener to recover.
func closing<T>(_ store: any BriefingStore, _ body: (any BriefingStore) async throws -> T) async throws -> T {
    let result: T
    do {
        result = try await body(store)
    } catch {
        await store.close()
        throw error
    }
    await store.close()
    return result
}
