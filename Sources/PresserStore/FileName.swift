/// A file name's stem and extension as Foundation's `URL` reads them (`pathExtension` and
/// `deletingPathExtension().lastPathComponent`), worked out on the string. A folder listing asked
/// `URL` for both for every file it met, and a `URL` made from a relative name asks the kernel
/// for the working folder: listing the 10,000 synthetic transcripts took 0.24 s of CPU before the
/// first could be read.
struct FileName {
    /// The last path component without its extension.
    let stem: Substring
    /// The extension, without its dot; empty when the name has none.
    let pathExtension: Substring

    /// `path` as a folder listing gives it: components parted by "/", none of them "." or "..",
    /// no "/" at the end.
    init(_ path: String) {
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
        // A dot parts the extension off when something other than dots comes before it and
        // something after it: ".txt", "..txt" and "notes." have none.
        guard let dot = name.lastIndex(of: "."), name[..<dot].contains(where: { $0 != "." }),
            name.index(after: dot) < name.endIndex
        else {
            stem = name
            pathExtension = ""
            return
        }
        stem = name[..<dot]
        let after = name[name.index(after: dot)...]
        // URL gives no extension with a space in it, but drops it from the stem all the same.
        pathExtension = after.contains(" ") ? "" : after
    }
}
