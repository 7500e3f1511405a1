import Foundation
import Testing

@testable import PresserStore

/// `FileName`, which the folder listing reads names with, against Foundation's `URL`, which it
/// replaced: the same stem and extension for names as a listing gives them, odd ones included.
@Suite struct FileNameTests {
    @Test(arguments: [
        "a.txt", "dir/b.TXT", ".txt", "a.b.txt", "noext", "dir.txt/x", "README.md", "x/README", "a..txt", "a.",
        ".hidden.txt", "dir/.txt", "sp ace.md", "é.html", "..txt", "a/b/c.htm", "a.b c", "README.a b", "a.txt ",
        "README. md", "README.md.txt", "...", "a.b.", "x/y.README", "2019.txt/in.htm", "notes.MD",
    ])
    func stemAndExtensionAreURLs(_ name: String) {
        let url = URL(fileURLWithPath: name)
        let read = FileName(name)
        #expect(String(read.pathExtension) == url.pathExtension)
        #expect(String(read.stem) == url.deletingPathExtension().lastPathComponent)
    }

    @Test func folderNotesAreLeftOut() {
        #expect(Ingest.isFolderNote("README.md") && Ingest.isFolderNote("corpus/SOURCES.md"))
        #expect(Ingest.isFolderNote("sub/license.txt") && Ingest.isFolderNote("NOTES"))
        #expect(!Ingest.isFolderNote("readme-2019-12-09.txt") && !Ingest.isFolderNote("README.md.txt"))
    }
}
