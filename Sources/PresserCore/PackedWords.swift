/// A set of short words looked up by their UTF-8 bytes, without making a `String` or hashing one
/// (a `PackedTable` without values). Built for the lookups made on every word of a text ("is it a
/// stop word?", "is it a number word?"), where hashing a `String` per word was a tenth of the
/// analysis. Bytes are compared exactly (no Unicode equivalence).
public struct PackedWords: Sendable {
    @usableFromInline let table: PackedTable<Bool>

    public init(_ words: some Sequence<String>) {
        table = PackedTable(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }

    /// With `foldingCase`, ASCII capitals in `word` are read as lower case.
    @inlinable public func contains(_ word: UnsafeBufferPointer<UInt8>, foldingCase: Bool = false) -> Bool {
        table.value(of: word, foldingCase: foldingCase) != nil
    }

    public func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }

    /// `word` by its UTF-8 bytes.
    @inlinable public func contains(_ word: String) -> Bool { table[word] != nil }

    /// The word packed in `key`.
    @inlinable public func contains(_ key: PackedKey) -> Bool { table[key: key] != nil }
}
