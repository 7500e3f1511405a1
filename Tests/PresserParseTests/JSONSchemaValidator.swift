import Foundation

/// A validator for the part of JSON Schema (2020-12) that our schema files use: `type` (one or
/// several, "integer" included), `const`, `enum`, `properties`, `required`,
/// `additionalProperties: false`, `items`, `minimum`, `minLength`, `pattern`, and `$ref` to
/// `#/$defs/NAME`. Errors name the place in the document ("/turns/3/kind: …").
struct JSONSchemaValidator {
    let root: [String: Any]

    init(schemaAt url: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let root = object as? [String: Any] else { throw CocoaError(.fileReadCorruptFile) }
        self.root = root
    }

    func errors(in document: Any) -> [String] {
        var errors: [String] = []
        check(document, against: root, at: "", into: &errors)
        return errors
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, into errors: inout [String]) {
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else {
                errors.append("\(path): unresolved $ref \(ref)")
                return
            }
            check(value, against: target, at: path, into: &errors)
        }
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                errors.append("\(path): \(Self.describe(value)) is not of type \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let constant = schema["const"], !Self.equal(value, constant) {
            errors.append("\(path): \(Self.describe(value)) is not \(Self.describe(constant))")
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal(value, $0) }) {
            errors.append(
                "\(path): \(Self.describe(value)) is not one of \(options.map(Self.describe).joined(separator: ", "))")
        }
        if let string = value as? String {
            if let minLength = schema["minLength"] as? Int, string.count < minLength {
                errors.append("\(path): \(Self.describe(value)) is shorter than \(minLength)")
            }
            if let pattern = schema["pattern"] as? String,
                let regex = try? NSRegularExpression(pattern: pattern),
                regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) == nil
            {
                errors.append("\(path): \(Self.describe(value)) does not match \(pattern)")
            }
        }
        if let number = value as? NSNumber, !Self.isBool(value), let minimum = schema["minimum"] as? Double,
            number.doubleValue < minimum
        {
            errors.append("\(path): \(number) is less than \(minimum)")
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                errors.append("\(path): missing required key \"\(key)\"")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, child) in object {
                if let childSchema = properties[key] as? [String: Any] {
                    check(child, against: childSchema, at: "\(path)/\(key)", into: &errors)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    errors.append("\(path): unexpected key \"\(key)\"")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                check(item, against: items, at: "\(path)/\(index)", into: &errors)
            }
        }
    }

    private static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        // Booleans are NSNumbers of Objective-C type "c" (char) on every platform.
        return value is Bool && String(cString: number.objCType) == "c"
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBool(value)
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        case "number": return value is NSNumber && !isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        default: return false
        }
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let a as String, let b as String): return a == b
        case (let a as NSNumber, let b as NSNumber): return a == b
        case (is NSNull, is NSNull): return true
        default: return false
        }
    }

    private static func describe(_ value: Any) -> String {
        switch value {
        case let string as String: return "\"\(string)\""
        case is NSNull: return "null"
        case let array as [Any]: return "an array of \(array.count)"
        case is [String: Any]: return "an object"
        default: return "\(value)"
        }
    }
}
