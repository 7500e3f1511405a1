import Foundation
import PresserCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        guard let bytes = contents(of: path, size: status.size) else {
            throw .unreadable(file: path, reason: "permission denied or read error")
        }
        return TranscriptFile(name: path, bytes: bytes)
    }

    /// The file's bytes, read with `open` and `read` into an array of the size `stat` gave (grown
    /// should the file have grown since); nil when it cannot be opened or read. Foundation's
    /// `contents(atPath:)` and a copy of its `Data` into an array took 100 µs for a 139 KB
    /// transcript, this 9 µs.
    private static func contents(of path: String, size: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // One byte of room past the size, so that a read that fills it shows the file grew.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 1 << 16)) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                readBytes(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}

/// The system's `read` (the name is taken by `TranscriptFile.read` inside the extension).
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
    #else
        Darwin.read(descriptor, buffer, count)
    #endif
}
