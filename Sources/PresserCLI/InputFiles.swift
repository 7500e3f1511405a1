import Foundation
import PresserCore
import PresserParse

/// Reads command-line inputs: paths, or `-` for standard input.
enum InputFiles {
    static func read(_ path: String) throws(PresserError) -> TranscriptFile {
        if path == "-" {
            // Read in pieces and stop past the limit, rather than holding all of a huge stream.
            var bytes: [UInt8] = []
            while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
                bytes += chunk
                if bytes.count > InputDecoder.maximumBytes {
                    throw .tooLarge(file: "-", bytes: bytes.count, limit: InputDecoder.maximumBytes)
                }
            }
            return TranscriptFile(name: "-", bytes: bytes)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(file: path, reason: "is a directory") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            size > InputDecoder.maximumBytes
        {
            throw .tooLarge(file: path, bytes: size, limit: InputDecoder.maximumBytes)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "permission denied or read error")
        }
        return TranscriptFile(name: path, bytes: [UInt8](data))
    }
}

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
