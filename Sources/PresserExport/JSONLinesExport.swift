import Foundation

/// One briefing per line, each a presser.briefing/1 document (keys sorted), with its `key`.
public enum JSONLinesExport {
    public static func write(_ briefings: [ExportedBriefing], to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for b in briefings {
            out += try encoder.encode(b.briefing)
            out += Data("\n".utf8)
        }
        try out.write(to: url)
    }
}
