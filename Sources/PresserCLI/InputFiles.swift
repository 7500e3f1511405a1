import Foundation
import PresserCore
import PresserParse

/// Prints to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Reports a Presser error the way the CLI does everywhere: one line, the sysexits code.
func fail(_ error: PresserError) -> ExitCodeError {
    printError("presser: \(error.description)")
    return ExitCodeError(code: error.exitCode)
}

struct ExitCodeError: Error {
    var code: Int32
}
