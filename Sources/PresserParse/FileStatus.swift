#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat` says of a path: whether it is there, a folder, and how many bytes it holds.
/// Foundation's `attributesOfItem` answers that and more, among it the names of the file's owner
/// and group, which it looks up in /etc/passwd and /etc/group at every call (both files opened
/// and read); ingest asked three times a briefing, 600 opens of each for 200 files.
public struct FileStatus: Sendable, Equatable {
    public var size: Int
    public var isDirectory: Bool

    /// The status of `path`, a symbolic link followed (`stat`) or, with `followingLinks` false,
    /// the link's own (`lstat`: a link is then no folder). Nil when the path names nothing that can
    /// be reached.
    public init?(_ path: String, followingLinks: Bool = true) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        size = Int(info.st_size)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
    }
}
