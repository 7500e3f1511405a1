/// Labels that name a role in the room rather than a person.
enum LabelRoles {
    /// Reporters left anonymous by the publisher.
    private static let questioners: Set<String> = [
        "Q", "QUESTION", "REPORTER", "AUDIENCE", "AUDIENCE MEMBER", "PREGUNTA", "INTERLOCUTOR",
        "INTERLOCUTORA", "PERIODISTA", "PARTICIPANTE", "QUESTIONER", "JOURNALIST", "FOLLOW-UP", "FOLLOW UP", "问", "追问",
        "记者",
    ]
    /// The one who answers, where the publisher prints no name ("A:", "答："): the host.
    private static let answerers: Set<String> = ["A", "ANSWER", "答", "RESPUESTA"]
    /// Voices the publisher could not or did not attribute.
    private static let voices: Set<String> = [
        "VOZ MUJER", "VOZ HOMBRE", "VOZ DE MUJER", "VOZ DE HOMBRE", "VOCES A CORO", "VOZ", "VOICE", "VOICES",
        "UNIDENTIFIED", "UNIDENTIFIED SPEAKER", "CROSSTALK", "MULTIPLE SPEAKERS", "AUDIO", "VIDEO", "VOZ EN OFF",
        "NARRADOR", "NARRADORA", "NARRATOR",
    ]
    private static let moderators: Set<String> = [
        "MODERATOR", "MODERADOR", "MODERADORA", "OPERATOR", "OPERADOR", "OPERADORA", "HOST",
    ]

    /// Those who render someone else's words.
    private static let interpreters: Set<String> = [
        "INTERPRETER", "THE INTERPRETER", "TRANSLATOR", "THE TRANSLATOR", "INTÉRPRETE", "TRADUCTOR", "TRADUCTORA",
        "翻译",
    ]

    static func key(_ label: String) -> String {
        label.uppercased().trimmingSpaces.trimmingCharactersDot
    }

    /// An anonymous reporter: "Q", "PREGUNTA", "Speaker 9" (rev.com's unnamed voices).
    static func isQuestioner(_ label: String) -> Bool {
        let k = key(label)
        if questioners.contains(k) { return true }
        if k.hasPrefix("SPEAKER "), k.dropFirst(8).allSatisfy(\.isNumber) { return true }
        return false
    }

    /// rev.com's numbered voices: "Speaker 9".
    static func isNumbered(_ label: String) -> Bool {
        let k = key(label)
        return k.hasPrefix("SPEAKER ") && k.dropFirst(8).allSatisfy(\.isNumber) && k.count > 8
    }

    static func isAnswerer(_ label: String) -> Bool { answerers.contains(key(label)) }

    /// The outlet in a Chinese reporter's label: "法新社记者" → "法新社", "《北京青年报》记者" →
    /// "北京青年报"; nil for any other label.
    static func chineseOutlet(_ label: String) -> String? {
        guard label.hasSuffix("记者"), label != "记者" else { return nil }
        var outlet = label.dropLast(2)
        if outlet.hasPrefix("《"), let close = outlet.firstIndex(of: "》"), outlet.index(after: close) == outlet.endIndex
        {
            outlet = outlet.dropFirst().dropLast()
        }
        return outlet.isEmpty ? nil : String(outlet)
    }

    static func isVoice(_ label: String) -> Bool { voices.contains(key(label)) }

    static func isModerator(_ label: String) -> Bool { moderators.contains(key(label)) }

    static func isInterpreter(_ label: String) -> Bool { interpreters.contains(key(label)) }

    /// A follow-up by the reporter who asked last: "追问", "FOLLOW-UP".
    static func isFollowUp(_ label: String) -> Bool { ["追问", "FOLLOW-UP", "FOLLOW UP"].contains(key(label)) }

    /// Labels that never identify one person, so repeating them never continues a turn.
    /// A numbered voice ("Speaker 4") is one person, so it is not among them.
    static func isAnonymous(_ label: String) -> Bool {
        (isQuestioner(label) && !key(label).hasPrefix("SPEAKER ")) || isVoice(label)
    }
}
