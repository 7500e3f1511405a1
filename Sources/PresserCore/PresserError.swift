/// Everything that can go wrong when Presser reads a transcript, each case saying what and where.
public enum PresserError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file holds no text at all.
    case empty(file: String)
    /// The bytes are not text (NUL bytes or control characters).
    case binary(file: String, offset: Int)
    /// The bytes are neither UTF-8, UTF-16 with a byte-order mark, nor Windows-1252.
    case invalidEncoding(file: String, offset: Int)
    /// The file is larger than the limit.
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// Text was read, but no transcript could be found in it.
    case noTranscript(file: String, reason: String)
    /// The user asked for something that cannot be done.
    case usage(String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read the file: \(reason)"
        case .empty(let file): "\(file): the file is empty"
        case .binary(let file, let offset):
            "\(file): binary data at byte \(offset), not a text transcript"
        case .invalidEncoding(let file, let offset):
            "\(file): invalid text encoding at byte \(offset) (not UTF-8, UTF-16 or Windows-1252)"
        case .tooLarge(let file, let bytes, let limit):
            "\(file): \(bytes) bytes is over the limit of \(limit) bytes for one transcript"
        case .noTranscript(let file, let reason): "\(file): no transcript found: \(reason)"
        case .usage(let message): message
        }
    }

    /// The exit code a command-line tool should end with (sysexits.h): 64 usage, 65 bad data,
    /// 66 cannot open input.
    public var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .unreadable: 66
        case .empty, .binary, .invalidEncoding, .tooLarge, .noTranscript: 65
        }
    }
}
