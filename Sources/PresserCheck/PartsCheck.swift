import Foundation
import PresserCore

/// Parts against their total, in one sentence: "133,000 people with tuberculosis, of whom 56,900
/// have been cured"; "$120 billion, including $80 billion of Treasuries and $40 billion of MBS".
/// Parts that add up to more than the total are a warning, and so is "25 out of 17" or "50 of the
/// 19". Ratios between people and households in one sentence are shown, as info, when they are hard
/// to believe (under 1 or over 10 a household).
enum PartsCheck {
    static let markers = ["of whom", "of which", "including", "among them", "among whom", "out of which"]
    private static let markerPhrases = ByteSearch.Phrases(markers)

    static func findings(_ figures: Figures) -> [Finding] {
        var out: [Finding] = []
        for group in figures.bySentence where group.count >= 2 {
            let sentence = Array(group)
            if let f = partsFinding(sentence) { out.append(f) }
            out += shareFindings(sentence)
            if let f = householdFinding(sentence, figures) { out.append(f) }
        }
        return out
    }

    /// The first figure before a marker is the total; the comparable figures after it are parts.
    private static func partsFinding(_ sentence: [Figure]) -> Finding? {
        guard let first = sentence.first else { return nil }
        // Read on the sentence's bytes, ASCII letters of either case matching (lower-casing the
        // sentence first cost 1% of the analysis); the offset in scalars, each of which starts with
        // one byte that is not a continuation byte.
        var sentenceText = first.claim.sentence
        let found = sentenceText.withUTF8 { u -> Int? in
            guard let at = markerPhrases.firstOffsetIgnoringASCIICase(in: u) else { return nil }
            return u[..<at].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        guard let markerOffset = found else { return nil }
        let sentenceStart = first.sentenceStart
        let beforeMarker = sentence.filter { $0.claim.start - sentenceStart < markerOffset && $0.isLevel }
        guard let total = beforeMarker.last, total.claim.kind == .count || total.claim.kind == .currency else {
            return nil
        }
        let parts = sentence.filter {
            $0.claim.start - sentenceStart > markerOffset && $0.isLevel && $0.isComparable(with: total)
                && $0.claim.kind != .percent
        }
        guard !parts.isEmpty else { return nil }
        let sumLow = parts.reduce(0) { $0 + $1.range.low }
        guard sumLow > total.range.high else { return nil }
        let sum = parts.reduce(0) { $0 + $1.claim.value }
        let partList = parts.map { "“\($0.claim.text)”" }.joined(separator: " + ")
        return Finding(
            kind: .partsVsTotal, severity: .warning,
            message:
                "The parts \(partList) add up to \(Format.fixed(sum, 0)), more than the total "
                + "“\(total.claim.text)”\(parts.count == 1 ? "" : " they belong to").",
            claims: [total.index] + parts.map(\.index), turns: [total.claim.turn],
            details: [
                "total": .number(total.claim.value), "parts": .number(sum),
                "difference": Format.detail(sum - total.claim.value),
            ])
    }

    /// "4 exceptions out of a Committee of 17", "47 of the 61 instruments": a count out of a count.
    private static func shareFindings(_ sentence: [Figure]) -> [Finding] {
        var out: [Finding] = []
        for (part, total) in zip(sentence, sentence.dropFirst())
        where part.claim.kind == .count && total.claim.kind == .count && part.isLevel && total.isLevel {
            guard part.range.low > total.range.high, isOutOf(between: part, and: total) else { continue }
            out.append(
                Finding(
                    kind: .partsVsTotal, severity: .warning,
                    message: "“\(part.claim.text)” out of “\(total.claim.text)” is more than the whole.",
                    claims: [part.index, total.index], turns: [part.claim.turn],
                    details: [
                        "part": .number(part.claim.value), "total": .number(total.claim.value),
                        "difference": Format.detail(part.claim.value - total.claim.value),
                    ]))
        }
        return out
    }

    /// The words between two figures read "of", "of the", "out of", "exceptions out of a Committee
    /// of": after what the part counts, "of" or "out of", and at the end "of" or "of" and a
    /// determiner. "18 of those sites running across seven states" is not a share.
    private static func isOutOf(between part: Figure, and total: Figure) -> Bool {
        let from = part.claim.end - part.sentenceStart
        let to = total.claim.start - total.sentenceStart
        guard part.sentence == total.sentence, let (text, cut) = Figures.text(part.claim.sentence, scalars: from, to),
            !cut
        else { return false }
        let gap = text.lowercased()
        guard !gap.contains(where: { ";:()".contains($0) }) else { return false }
        let words = gap.split(whereSeparator: { !$0.isLetter })
        guard (1...6).contains(words.count) else { return false }
        let rest = words.first == "of" || words.first == "out" ? words[...] : words.dropFirst()
        guard rest.first == "of" || (rest.first == "out" && rest.dropFirst().first == "of") else { return false }
        let determiners: Set<Substring> = ["the", "a", "an", "our", "its", "their", "all"]
        guard let last = words.last else { return false }
        return last == "of" || (determiners.contains(last) && words.dropLast().last == "of")
    }

    private static let householdWords = Set(["households", "families", "homes"].map(Words.stem))
    private static let peopleWords = Set(
        ["people", "persons", "residents", "individuals", "population"].map(Words.stem))

    /// People per household, from "588,700 households involving 2.3147 million people".
    private static func householdFinding(_ sentence: [Figure], _ figures: Figures) -> Finding? {
        let households = sentence.first { f in
            f.claim.kind == .count && f.isLevel && figures.contains(anyOf: householdWords, in: f.subjectWords)
        }
        let people = sentence.first { f in
            f.claim.kind == .count && f.isLevel && figures.contains(anyOf: peopleWords, in: f.subjectWords)
        }
        guard let households, let people, households.claim.value > 0 else { return nil }
        let ratio = people.claim.value / households.claim.value
        guard ratio < 1 || ratio > 10 else { return nil }
        return Finding(
            kind: .partsVsTotal, severity: .info,
            message:
                "“\(people.claim.text)” in “\(households.claim.text)” is \(Format.fixed(ratio, 1)) people a "
                + "household, which is unusual.",
            claims: [households.index, people.index], turns: [people.claim.turn],
            details: ["ratio": Format.detail(ratio)])
    }
}
