/// A line of text together with where it came from: the 1-based line of the original file, and,
/// when several files are joined as pages, the 0-based page.
struct SourceLine: Sendable, Equatable {
    var text: String
    var number: Int
    var page: Int = 0
}
