import Crypto
import PresserCore

/// One file to parse: its name (as given on the command line, or "-") and its bytes.
public struct TranscriptFile: Sendable {
    public var name: String
    public var bytes: [UInt8]
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// A parsed briefing and what the reader should be told about the input.
public struct ParseResult: Sendable {
    public var briefing: Briefing
    /// Notes for standard error ("file.txt: not UTF-8; read as Windows-1252").
    public var warnings: [String]
}

/// The entry point: raw transcript bytes in, `Briefing` out.
public enum TranscriptParser {
    /// SHA-256 of the files' bytes, in order, as lower-case hex: the `source.sha256` a parse gives.
    public static func sha256(of files: [TranscriptFile]) -> String {
        var hasher = SHA256()
        for file in files { hasher.update(data: file.bytes) }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Parses one briefing from one file, or from several pages joined in order.
    public static func parse(_ files: [TranscriptFile]) throws(PresserError) -> ParseResult {
        guard let firstFile = files.first else { throw .usage("no input file given") }
        var warnings: [String] = []
        var lines: [SourceLine] = []
        var frontMatter: FrontMatter?
        for (page, file) in files.enumerated() {
            let decoded = try InputDecoder.decode(file.bytes, file: file.name)
            if let warning = decoded.warning { warnings.append("\(file.name): \(warning)") }
            var text = decoded.text
            if let unwrapped = BytesLiteral.unwrapped(text) {
                // Line numbers then count the literal's escaped line breaks as lines.
                text = unwrapped.text
                warnings.append(
                    "\(file.name): read \(unwrapped.literals == 1 ? "a line" : "\(unwrapped.literals) lines") saved "
                        + "as a Python bytes literal (b'…'), escapes decoded")
            }
            let pageLines: [SourceLine]
            if HTMLText.looksLikeHTML(text) || file.name.lowercased().hasSuffix(".html")
                || file.name.lowercased().hasSuffix(".htm")
            {
                pageLines = HTMLText.lines(from: text).map {
                    SourceLine(text: TextNormalizer.clean($0.text[...]), number: $0.number, page: page)
                }
            } else {
                let raw = TextNormalizer.lines(text, cleaning: false)
                var skip = 0
                if let fm = FrontMatter.read(raw) {
                    if page == 0 { frontMatter = fm }
                    skip = fm.lineCount
                }
                pageLines = raw.dropFirst(skip).map {
                    SourceLine(text: TextNormalizer.clean($0.text[...]), number: $0.number, page: page)
                }
            }
            lines += pageLines
        }
        let source = Briefing.Source(files: files.map(\.name), sha256: sha256(of: files))
        let briefing = try parse(
            lines: lines, frontMatter: frontMatter, source: source, fileName: firstFile.name, paged: files.count > 1)
        return ParseResult(briefing: briefing, warnings: warnings)
    }

    /// Parses text that is already decoded (used by tests and the web app).
    public static func parse(text: String, file: String = "-") throws(PresserError) -> Briefing {
        try parse([TranscriptFile(name: file, bytes: Array(text.utf8))]).briefing
    }

    static func parse(
        lines rawLines: [SourceLine], frontMatter: FrontMatter?, source: Briefing.Source, fileName: String,
        paged: Bool = false
    ) throws(PresserError) -> Briefing {
        let lines = TextNormalizer.splitInlineTags(rawLines)
        let segmentation = TurnSegmenter.segment(lines)
        guard !segmentation.turns.isEmpty else {
            throw .noTranscript(file: fileName, reason: "no speaker labels and no passage of prose")
        }
        let baseName = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let meta = Metadata.read(header: segmentation.header, frontMatter: frontMatter, fileName: baseName)
        var roster = Roster.read(segmentation.header)
        let host = roster.isEmpty ? Roster.host(inTitle: meta.title) : nil
        if let host { roster = [host] }
        var builder = BriefingBuilder(
            segmentation: segmentation, roster: roster, hostFromTitle: host != nil, title: meta.title,
            lines: lines, paged: paged)
        builder.build()
        return Briefing(
            title: meta.title, date: meta.date, layout: Layout.detect(segmentation, hasRoster: !roster.isEmpty),
            language: Language.detect(builder.turns.prefix(20).map(\.text).joined(separator: " ")),
            location: meta.location, startTime: meta.startTime, source: source,
            participants: builder.participants, turns: builder.turns, exchanges: builder.exchanges)
    }
}
