import Foundation
import PresserCore
import PresserEval
import Testing

/// The hand-written document writer gives JSONEncoder's bytes: on every corpus transcript, and on
/// a briefing with every optional field set and every character a JSON string escapes.
@Suite struct BriefingJSONTests {
    static func encoderBytes(_ briefing: Briefing) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(briefing))
    }

    /// Rows for PostgreSQL's `json_populate_recordset`: every value back as it was given (NUL left
    /// out, which no database text holds), and nil for a number JSON cannot write.
    @Test func rowsAreObjectsKeyedByColumn() throws {
        let text = "«quoted» \"\\ tab\t line\n bell\u{7} nul\u{0} end 中国"
        let rows: [[BriefingJSON.RowValue]] = [
            [.int(1), .double(0.25), .text(text), .null],
            [.int(-9_223_372_036_854_775_807), .double(-1.5e-7), .text(""), .double(2e21)],
        ]
        let written = try #require(BriefingJSON.encode(rows: rows, columns: ["id", "value", "text", "upper"]))
        let read = try #require(try JSONSerialization.jsonObject(with: Data(written)) as? [[String: Any]])
        #expect(read.count == 2)
        #expect(read[0]["id"] as? Int == 1 && read[0]["value"] as? Double == 0.25)
        #expect(read[0]["text"] as? String == text.replacingOccurrences(of: "\u{0}", with: ""))
        #expect(read[0]["upper"] is NSNull)
        #expect(read[1]["id"] as? Int64 == -9_223_372_036_854_775_807 && read[1]["value"] as? Double == -1.5e-7)
        #expect(read[1]["text"] as? String == "" && read[1]["upper"] as? Double == 2e21)
        #expect(BriefingJSON.encode(rows: [], columns: ["id"]) == Array("[]".utf8))
        for number in [Double.infinity, -.infinity, .nan] {
            #expect(BriefingJSON.encode(rows: [[.int(1), .double(number)]], columns: ["id", "value"]) == nil)
        }
    }

    @Test func theSameBytesAsJSONEncoderOnEveryCorpusTranscript() throws {
        let files = try Fixtures.allTranscripts()
        #expect(files.count > 80)
        for file in files {
            let briefing = try MutationHarness.analyse(Array(try Data(contentsOf: file)), name: file.lastPathComponent)
            let written = BriefingJSON.encode(briefing)
            let expected = try Self.encoderBytes(briefing)
            #expect(written == expected, "\(file.lastPathComponent)")
            #expect(try JSONDecoder().decode(Briefing.self, from: Data(written)) == briefing)
            // Each finding's details alone, as the store keeps them.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for finding in briefing.findings {
                #expect(BriefingJSON.encode(finding.details) == Array(try encoder.encode(finding.details)))
            }
        }
    }

    @Test func everyOptionalFieldAndEscape() throws {
        var b = try Fixtures.analyse("scio-2019-12-09.txt")
        b.location = "Room 1/2 \u{2028} \u{7f}"
        b.startTime = "10:00"
        b.title = nil
        b.turns[0].page = 12
        b.turns[1].page = 0
        var text = "quote \" backslash \\ slash / é 中 😀"
        for byte in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        b.turns[2].text = text
        b.turns[3].line = -7
        b.turns[4].line = 12_345_678_901_234
        let claim = try #require(b.claims.first)
        var changed = claim
        changed.change = Claim.Change(direction: .down, basis: nil)
        changed.period = Claim.Period(text: "in 2018", from: "2018-01-01", to: nil)
        changed.upper = 1e21
        changed.value = -0.0
        var other = claim
        other.change = Claim.Change(direction: .up, basis: .yearOnYear)
        other.period = nil
        other.value = 2.5e-7
        other.upper = 3
        b.claims += [changed, other]
        b.findings.append(
            Finding(
                kind: .growthMismatch, severity: .error, message: "m", claims: [0, 1], turns: [],
                details: ["impliedLow": .number(0.1), "B": .text("x"), "a10": .number(100), "a9": .number(-1.5)]))
        b.exchanges[0].answer = nil
        #expect(BriefingJSON.encode(b) == (try Self.encoderBytes(b)))
        #expect(String(decoding: BriefingJSON.encode(b), as: UTF8.self).contains(#"\u0000\u0001"#))
    }
}
