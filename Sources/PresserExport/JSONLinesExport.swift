import Foundation
import PresserCore

/// One briefing per line, each a presser.briefing/1 document (keys sorted), with its `key`.
public enum JSONLinesExport {
    public static func write(_ briefings: [ExportedBriefing], to url: URL) throws {
        var out: [UInt8] = []
        for b in briefings {
            out += BriefingJSON.encode(b.briefing)
            out.append(UInt8(ascii: "\n"))
        }
        try Data(out).write(to: url)
    }
}
