/// The words that describe a figure (its subject, or the words around it), as the briefing's word
/// ids (`Figures.vocabulary`), each once, in order, with their weight together. Two descriptions
/// are weighed against each other by walking both lists: sets of strings, as they were, hashed every
/// word of both for each pair of figures weighed.
struct FigureWords: Sendable {
    let ids: [Int]
    /// The weight of all the words (`weights` by id, as given to `init`).
    let weight: Double

    /// Sorted and made distinct in place (`consuming`: the caller's array, not a copy of it).
    init(_ ids: consuming [Int], weights: [Double]) {
        ids.sort()
        var kept = 0
        for k in ids.indices where kept == 0 || ids[k] != ids[kept - 1] {
            ids[kept] = ids[k]
            kept += 1
        }
        ids.removeLast(ids.count - kept)
        self.ids = ids
        weight = self.ids.reduce(0) { $0 + weights[$1] }
    }

    var isEmpty: Bool { ids.isEmpty }

    /// The weight of the words in both.
    func shared(with other: FigureWords, weights: [Double]) -> Double {
        var sum = 0.0
        var i = 0
        var j = 0
        while i < ids.count, j < other.ids.count {
            if ids[i] < other.ids[j] {
                i += 1
            } else if ids[i] > other.ids[j] {
                j += 1
            } else {
                sum += weights[ids[i]]
                i += 1
                j += 1
            }
        }
        return sum
    }

    /// The weight both share, over the weight of the lighter: 1 when one holds the other.
    func overlap(with other: FigureWords, weights: [Double]) -> Double {
        let smaller = min(weight, other.weight)
        guard smaller > 0 else { return 0 }
        return shared(with: other, weights: weights) / smaller
    }

    /// The weight both share, over the weight of the two together.
    func jaccard(with other: FigureWords, weights: [Double]) -> Double {
        let both = shared(with: other, weights: weights)
        let union = weight + other.weight - both
        guard union > 0 else { return 0 }
        return both / union
    }
}
