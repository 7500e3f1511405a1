import Foundation
import PresserCore

/// A ConvoKit corpus directory (utterances.jsonl, speakers.json, conversations.json, corpus.json,
/// index.json), as ConvoKit's own `Corpus.dump` writes one: `reply-to`, `vectors`, and an index of
/// the metadata's Python types.
///
/// One conversation per exchange (the question is the root; hand-offs and answers reply to it), and
/// every turn outside an exchange its own conversation; or, with `perBriefing`, one conversation per
/// briefing, each turn replying to the one before and answers to their question.
public enum ConvoKitExport {
    public static func write(_ briefings: [ExportedBriefing], to directory: URL, perBriefing: Bool = false) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var utterances: [[String: Any]] = []
        var speakers: [String: [String: Any]] = [:]
        var conversations: [String: [String: Any]] = [:]
        for e in briefings {
            let b = e.briefing
            func id(_ turn: Int) -> String { "\(e.slug)-t\(turn)" }
            var questionOf: [Int: Exchange] = [:]
            for x in b.exchanges {
                questionOf[x.question] = x
                for a in x.answers { questionOf[a] = x }
            }
            var claimsOf: [Int: [[String: Any]]] = [:]
            for c in b.claims {
                var claim: [String: Any] = [
                    "text": c.text, "value": c.value, "kind": c.kind.rawValue, "qualifier": c.qualifier.rawValue,
                ]
                claim["unit"] = c.unit ?? NSNull()
                claim["period"] = c.period?.text ?? NSNull()
                claimsOf[c.turn, default: []].append(claim)
            }
            for t in b.turns {
                let speaker = e.speakerID(t)
                if speakers[speaker] == nil {
                    let p = b.participant(t.speaker)
                    speakers[speaker] = [
                        "meta": [
                            "name": p?.name ?? (t.kind == .question ? "Reporter" : t.label ?? "Unknown"),
                            "kind": p?.kind.rawValue ?? (t.kind == .question ? "journalist" : "unknown"),
                            "roles": p?.roles ?? [], "outlet": p?.outlet ?? t.outlet ?? NSNull(),
                        ] as [String: Any],
                        "vectors": [Any](),
                    ]
                }
                let exchange = questionOf[t.index]
                let root: Int
                let replyTo: Int?
                if perBriefing {
                    root = b.turns.first?.index ?? 0
                    replyTo =
                        exchange.flatMap { $0.question == t.index ? nil : $0.question }
                        ?? (t.index > root ? t.index - 1 : nil)
                } else if let exchange {
                    root = exchange.question
                    replyTo = exchange.question == t.index ? nil : exchange.question
                } else {
                    root = t.index
                    replyTo = nil
                }
                utterances.append([
                    "id": id(t.index), "conversation_id": id(root), "text": t.text, "speaker": speaker,
                    "reply-to": replyTo.map(id) ?? NSNull(), "timestamp": NSNull(), "vectors": [Any](),
                    "meta": [
                        "kind": t.kind.rawValue, "outlet": exchange?.outlet ?? t.outlet ?? NSNull(),
                        "askedBy": exchange?.askedBy ?? NSNull(), "briefing": e.key, "briefingDate": b.date ?? NSNull(),
                        "briefingTitle": b.title ?? NSNull(), "turn": t.index, "line": t.line,
                        "claims": claimsOf[t.index] ?? [],
                    ] as [String: Any],
                ])
                if conversations[id(root)] == nil {
                    var meta: [String: Any] = [
                        "briefing": e.key, "briefingDate": b.date ?? NSNull(), "briefingTitle": b.title ?? NSNull(),
                    ]
                    if !perBriefing, let exchange {
                        meta["outlet"] = exchange.outlet ?? NSNull()
                        meta["askedBy"] = exchange.askedBy ?? NSNull()
                        meta["delegatedBy"] = exchange.delegatedBy ?? NSNull()
                        meta["answeredBy"] = exchange.answeredBy
                    }
                    conversations[id(root)] = ["meta": meta, "vectors": [Any]()]
                }
            }
        }
        let corpus: [String: Any] = [
            "name": "Presser export", "briefings": briefings.count, "schema": Briefing.schemaName,
            "conversations": perBriefing ? "briefing" : "exchange",
        ]
        var lines = Data()
        for u in utterances {
            lines += try JSONSerialization.data(withJSONObject: u, options: [.sortedKeys, .withoutEscapingSlashes])
            lines += Data("\n".utf8)
        }
        try lines.write(to: directory.appendingPathComponent("utterances.jsonl"))
        try json(speakers).write(to: directory.appendingPathComponent("speakers.json"))
        try json(conversations).write(to: directory.appendingPathComponent("conversations.json"))
        try json(corpus).write(to: directory.appendingPathComponent("corpus.json"))
        let index: [String: Any] = [
            "utterances-index": types(utterances.compactMap { $0["meta"] as? [String: Any] }),
            "speakers-index": types(speakers.values.compactMap { $0["meta"] as? [String: Any] }),
            "conversations-index": types(conversations.values.compactMap { $0["meta"] as? [String: Any] }),
            "overall-index": types([corpus]), "version": 1, "vectors": [Any](),
        ]
        try json(index).write(to: directory.appendingPathComponent("index.json"))
    }

    private static func json(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// For each metadata key, the Python types of its values, as ConvoKit's index names them.
    private static func types(_ metas: [[String: Any]]) -> [String: [String]] {
        var out: [String: Set<String>] = [:]
        for meta in metas {
            for (key, value) in meta {
                out[key, default: []].insert(pythonType(value))
            }
        }
        return out.mapValues { types in
            let known = types.subtracting(["<class 'NoneType'>"])
            return (known.isEmpty ? types : known).sorted()
        }
    }

    private static func pythonType(_ value: Any) -> String {
        switch value {
        case is NSNull: "<class 'NoneType'>"
        case is String: "<class 'str'>"
        case is Bool: "<class 'bool'>"
        case is Int: "<class 'int'>"
        case is Double: "<class 'float'>"
        case is [Any]: "<class 'list'>"
        case is [String: Any]: "<class 'dict'>"
        default: "<class 'str'>"
        }
    }
}
