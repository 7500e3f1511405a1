import Foundation
import Hummingbird

/// What the analyse form sends: the transcript (pasted, or a file), its name, and a token for
/// storing. Read from `application/x-www-form-urlencoded` or `multipart/form-data` (no script
/// needed for either).
struct FormBody: Sendable {
    var text: [UInt8]
    var name: String
    var token: String?

    private struct Fields: Decodable {
        var text: String?
        var name: String?
        var token: String?
    }

    static func read(_ request: Request, limit: Int) async throws -> FormBody {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw Problem(.contentTooLarge, "the transcript is over the limit of \(limit) bytes")
        }
        let bytes = Array(buffer: buffer)
        let type = request.headers[.contentType] ?? ""
        if type.hasPrefix("multipart/form-data"), let boundary = boundary(type) {
            return try multipart(bytes, boundary: boundary)
        }
        guard
            let fields = try? URLEncodedFormDecoder().decode(Fields.self, from: String(decoding: bytes, as: UTF8.self))
        else { throw Problem.badRequest("the form could not be read") }
        guard let text = fields.text, !text.isEmpty else {
            throw Problem.badRequest("paste a transcript, or choose a file")
        }
        return FormBody(text: Array(text.utf8), name: fields.name ?? "pasted.txt", token: fields.token)
    }

    private static func boundary(_ contentType: String) -> String? {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        let value = contentType[range.upperBound...].split(separator: ";").first.map(String.init) ?? ""
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The parts of a multipart body: a file part (its bytes and file name) wins over a text part.
    private static func multipart(_ bytes: [UInt8], boundary: String) throws -> FormBody {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [(headers: String, body: ArraySlice<UInt8>)] = []
        var starts: [Int] = []
        var i = 0
        while i + delimiter.count <= bytes.count {
            if bytes[i] == delimiter[0], Array(bytes[i..<i + delimiter.count]) == delimiter {
                starts.append(i)
                i += delimiter.count
            } else {
                i += 1
            }
        }
        for (a, b) in zip(starts, starts.dropFirst()) {
            let part = bytes[(a + delimiter.count)..<b]
            guard let split = find([13, 10, 13, 10], in: part) else { continue }
            let headers = String(decoding: part[part.startIndex..<split], as: UTF8.self)
            var body = part[(split + 4)...]
            if body.suffix(2).elementsEqual([13, 10]) { body = body.dropLast(2) }
            parts.append((headers, body))
        }
        func field(_ name: String) -> (headers: String, body: ArraySlice<UInt8>)? {
            parts.first { $0.headers.contains("name=\"\(name)\"") }
        }
        let token = field("token").map { String(decoding: $0.body, as: UTF8.self) }.flatMap { $0.isEmpty ? nil : $0 }
        if let file = field("file"), !file.body.isEmpty {
            let name = file.headers.range(of: "filename=\"").map { r in
                String(file.headers[r.upperBound...].prefix { $0 != "\"" })
            }
            return FormBody(
                text: Array(file.body), name: name.flatMap { $0.isEmpty ? nil : $0 } ?? "upload.txt", token: token)
        }
        if let text = field("text"), !text.body.isEmpty {
            return FormBody(text: Array(text.body), name: "pasted.txt", token: token)
        }
        throw Problem.badRequest("paste a transcript, or choose a file")
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
