import Foundation
import PresserClaims
import PresserCore
import PresserEval
import Testing

/// Every figure of the reference briefing, as labelled in Tests/Fixtures/claims-gold, is found
/// in the parsed briefing with the right value, kind, unit, qualifier and period.
@Suite struct ReferenceClaimsTests {
    @Test func everyFigureOfTheReferenceBriefing() throws {
        let briefing = try Fixtures.parse("scio-2019-12-09.txt")
        let claims = ClaimExtractor.claims(in: briefing)
        let url = Fixtures.root.appendingPathComponent("claims-gold/scio-2019-12-09.claims.json")
        let gold = try JSONDecoder().decode(ClaimGoldFile.self, from: Data(contentsOf: url))
        var used = Set<Int>()
        var checked = 0
        for sentence in gold.sentences {
            for g in sentence.claims {
                let match = claims.indices.first { k in
                    !used.contains(k) && claims[k].sentence == sentence.text && claims[k].kind.rawValue == g.kind
                        && ClaimScore.sameValue(claims[k].value, g.value)
                }
                guard let k = match else {
                    Issue.record("missing “\(g.text)” = \(g.value) \(g.kind) in “\(sentence.text)”")
                    continue
                }
                used.insert(k)
                checked += 1
                let c = claims[k]
                #expect(c.unit == g.unit, "“\(g.text)”: unit \(c.unit ?? "nil"), gold \(g.unit ?? "nil")")
                #expect(c.qualifier.rawValue == g.qualifier, "“\(g.text)”: qualifier \(c.qualifier)")
                #expect(c.upper == g.upper, "“\(g.text)”: upper \(String(describing: c.upper))")
                #expect(
                    c.period?.from == g.period?.from && c.period?.to == g.period?.to,
                    "“\(g.text)”: period \(String(describing: c.period)), gold \(String(describing: g.period))")
            }
        }
        #expect(checked == 99)
        // And nothing more: every figure found is one of the labelled ones.
        #expect(
            claims.count == used.count, "extra: \(claims.indices.filter { !used.contains($0) }.map { claims[$0].text })"
        )
    }
}
