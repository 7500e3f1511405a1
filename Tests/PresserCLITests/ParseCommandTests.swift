import Foundation
import Testing

/// Runs the built `presser` binary, as a user would.
private struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    static let binary: URL = {
        // The test bundle sits in the same build folder as the executable.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("presser").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("presser")
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func presser(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite struct ParseCommandTests {
    @Test func referenceBriefingAsText() throws {
        let run = try Run.presser(["parse", "Tests/Fixtures/corpus/scio-2019-12-09.txt"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("SCIO briefing on Xinjiang's stability and development"))
        #expect(run.stdout.contains("2019-12-09"))
        #expect(run.stdout.contains("Macao Daily → Shohrat Zakir hands to Xu Hairong"))
        #expect(run.stdout.contains("4 of 11 questions"))
    }

    @Test func missingFileExits66WithOneLine() throws {
        let run = try Run.presser(["parse", "no/such/file.txt"])
        #expect(run.status == 66)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "presser: no/such/file.txt: cannot read the file: no such file\n")
    }

    @Test func emptyFileExits65() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("presser-empty-\(UUID()).txt")
        try Data().write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let run = try Run.presser(["parse", path.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("the file is empty"))
        #expect(run.stdout.isEmpty)
    }

    @Test func noArgumentsIsUsage64() throws {
        let run = try Run.presser(["parse"])
        #expect(run.status == 64)
    }
}
