import Foundation
import PresserCheck
import PresserClaims
import PresserCore
import PresserParse
import Testing

/// The JSON of every corpus file conforms to schema/presser.briefing-1.schema.json.
@Suite struct SchemaTests {
    static let schemaURL = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema/presser.briefing-1.schema.json")

    /// The briefing with its claims and findings, as `presser parse --format json` writes it.
    static func json(_ briefing: Briefing) throws -> Any {
        var briefing = briefing
        briefing.claims = ClaimExtractor.claims(in: briefing)
        briefing = Checker.check(briefing)
        return try JSONSerialization.jsonObject(with: JSONEncoder().encode(briefing))
    }

    @Test(arguments: Fixtures.corpusFiles)
    func corpusOutputConforms(_ name: String) throws {
        let validator = try JSONSchemaValidator(schemaAt: Self.schemaURL)
        let errors = validator.errors(in: try Self.json(Fixtures.parse(name)))
        #expect(errors.isEmpty, "\(name):\n\(errors.prefix(20).joined(separator: "\n"))")
    }

    @Test func pagedOutputConformsWithPages() throws {
        let bytes = try Fixtures.bytes("scio-2019-12-09.txt")
        let half = bytes.count / 2
        let split = bytes[half...].firstIndex(of: 0x0A).map { $0 + 1 } ?? half
        let result = try TranscriptParser.parse([
            TranscriptFile(name: "a.txt", bytes: Array(bytes[..<split])),
            TranscriptFile(name: "b.txt", bytes: Array(bytes[split...])),
        ])
        #expect(result.briefing.turns.contains { $0.page == 1 })
        let validator = try JSONSchemaValidator(schemaAt: Self.schemaURL)
        #expect(validator.errors(in: try Self.json(result.briefing)).isEmpty)
    }

    /// The validator is not a rubber stamp: each kind of mistake is caught.
    @Test func validatorCatchesWrongDocuments() throws {
        let validator = try JSONSchemaValidator(schemaAt: Self.schemaURL)
        let good = try #require(try Self.json(Fixtures.parse("scio-2019-12-09.txt")) as? [String: Any])
        #expect(validator.errors(in: good).isEmpty)

        var badKind = good
        var turns = try #require(good["turns"] as? [[String: Any]])
        turns[0]["kind"] = "speech"
        badKind["turns"] = turns
        #expect(validator.errors(in: badKind).contains { $0.hasPrefix("/turns/0/kind:") })

        var missing = good
        missing.removeValue(forKey: "exchanges")
        #expect(validator.errors(in: missing).contains { $0.contains("missing required key \"exchanges\"") })

        var wrongType = good
        wrongType["title"] = 42
        #expect(validator.errors(in: wrongType).contains { $0.hasPrefix("/title:") })

        var badDate = good
        badDate["date"] = "9 December 2019"
        #expect(validator.errors(in: badDate).contains { $0.hasPrefix("/date:") })

        var badClaim = good
        var claims = try #require(good["claims"] as? [[String: Any]])
        try #require(!claims.isEmpty)
        claims[0]["qualifier"] = "roughly"
        badClaim["claims"] = claims
        #expect(validator.errors(in: badClaim).contains { $0.hasPrefix("/claims/0/qualifier:") })

        var badFinding = good
        var findings = try #require(good["findings"] as? [[String: Any]])
        try #require(!findings.isEmpty)
        findings[0]["severity"] = "fatal"
        findings[0].removeValue(forKey: "details")
        badFinding["findings"] = findings
        let findingErrors = validator.errors(in: badFinding)
        #expect(findingErrors.contains { $0.hasPrefix("/findings/0/severity:") })
        #expect(findingErrors.contains { $0.contains("missing required key \"details\"") })

        var badLine = good
        turns = try #require(good["turns"] as? [[String: Any]])
        turns[1]["line"] = 0
        badLine["turns"] = turns
        #expect(validator.errors(in: badLine).contains { $0.hasPrefix("/turns/1/line:") })
    }
}
