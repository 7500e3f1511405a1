/// A line of text together with the 1-based line of the original file it came from.
struct SourceLine: Sendable, Equatable {
    var text: String
    var number: Int
}
