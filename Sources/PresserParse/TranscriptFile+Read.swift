import Foundation
import PresserCore

extension TranscriptFile {
    /// Reads a transcript from a path, or from standard input for `-`, refusing folders, missing
    /// files and anything over the size limit before reading it.
    public static func read(_ path: String) throws(PresserError) -> TranscriptFile {
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
        guard let status = FileStatus(path) else { throw .unreadable(file: path, reason: "no such file") }
        if status.isDirectory { throw .unreadable(file: path, reason: "is a directory") }
        if status.size > InputDecoder.maximumBytes {
            throw .tooLarge(file: path, bytes: status.size, limit: InputDecoder.maximumBytes)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "permission denied or read error")
        }
        return TranscriptFile(name: path, bytes: [UInt8](data))
    }
}
