import PresserCore

/// The content words of a briefing, each numbered in the order first said: a word's id is its
/// index in `words`. Words are looked up by their UTF-8 bytes: up to 16 bytes by their `PackedKey`
/// in an open-addressed table that grows, longer ones in a dictionary. Numbering the
/// stems as they are scanned, rather than making a `String` of each and hashing it into a
/// dictionary, took reading the words of every sentence from 9% of the analysis to 6%.
struct Vocabulary {
    private(set) var words: [String] = []
    /// Two integers per slot, the word's `PackedKey` (no word has a zero byte, so packing is one
    /// to one for words of up to 16 bytes).
    private var slots: [UInt64]
    /// Per slot, the word's id plus one; zero for an empty slot.
    private var ids: [Int32]
    private var mask: Int
    private var long: [String: Int] = [:]

    init() {
        let size = 1024
        slots = [UInt64](repeating: 0, count: 2 * size)
        ids = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    subscript(id: Int) -> String { words[id] }

    var count: Int { words.count }

    /// The id of `word`, a new one if it was not seen before; `key` is its `PackedKey` (nil when
    /// it is longer than 16 bytes).
    mutating func id(of word: UnsafeBufferPointer<UInt8>, key: PackedKey?) -> Int {
        guard let key else {
            let text = String(decoding: word, as: UTF8.self)
            if let id = long[text] { return id }
            long[text] = words.count
            words.append(text)
            return words.count - 1
        }
        let (slot, found) = place(of: key)
        if let found { return found }
        let id = words.count
        words.append(String(decoding: word, as: UTF8.self))
        slots[2 * slot] = key.lo
        slots[2 * slot + 1] = key.hi
        ids[slot] = Int32(id + 1)
        if 2 * words.count > ids.count { grow() }
        return id
    }

    /// The id of `word`, a new one if it was not seen before.
    mutating func id(of word: String) -> Int {
        var word = word
        return word.withUTF8 { id(of: $0, key: PackedKey($0)) }
    }

    /// The id of `word`, if it was seen.
    func find(_ word: String) -> Int? {
        var word = word
        return word.withUTF8 { bytes in
            guard let key = PackedKey(bytes) else { return long[String(decoding: bytes, as: UTF8.self)] }
            return place(of: key).id
        }
    }

    /// The slot holding `key` and its word's id, or the empty slot where it would go.
    private func place(of key: PackedKey) -> (slot: Int, id: Int?) {
        var slot = key.hash & mask
        while ids[slot] != 0 {
            if slots[2 * slot] == key.lo && slots[2 * slot + 1] == key.hi { return (slot, Int(ids[slot]) - 1) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// Twice the slots, every word placed again.
    private mutating func grow() {
        let old = (slots: slots, ids: ids)
        let size = 2 * ids.count
        slots = [UInt64](repeating: 0, count: 2 * size)
        ids = [Int32](repeating: 0, count: size)
        mask = size - 1
        for s in old.ids.indices where old.ids[s] != 0 {
            let (lo, hi) = (old.slots[2 * s], old.slots[2 * s + 1])
            var slot = PackedKey.hash(lo, hi) & mask
            while ids[slot] != 0 { slot = (slot + 1) & mask }
            slots[2 * slot] = lo
            slots[2 * slot + 1] = hi
            ids[slot] = old.ids[s]
        }
    }
}
