/// Small constructors for JSON Schema (draft 2020-12) documents as `JSONValue`s.
enum JSONSchemaBuilder {
    static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// An object with these properties (in order); unknown keys are refused unless `open`.
    static func object(_ properties: [(String, JSONValue)], required: [String] = [], description: String? = nil,
                       open: Bool = false, patternProperties: [(String, JSONValue)] = []) -> JSONValue {
        var m: [(String, JSONValue)] = [("type", .string("object"))]
        if let description { m.append(("description", .string(description))) }
        m.append(("properties", .object(properties)))
        if !required.isEmpty { m.append(("required", .array(required.map { .string($0) }))) }
        if !patternProperties.isEmpty { m.append(("patternProperties", .object(patternProperties))) }
        if !open { m.append(("additionalProperties", .bool(false))) }
        return .object(m)
    }

    /// An object whose keys are ids and whose values all follow `value`.
    static func map(_ value: JSONValue, description: String? = nil) -> JSONValue {
        var m: [(String, JSONValue)] = [("type", .string("object"))]
        if let description { m.append(("description", .string(description))) }
        m.append(("additionalProperties", value))
        return .object(m)
    }

    static func array(_ items: JSONValue, minItems: Int? = nil, maxItems: Int? = nil, description: String? = nil) -> JSONValue {
        var m: [(String, JSONValue)] = [("type", .string("array"))]
        if let description { m.append(("description", .string(description))) }
        m.append(("items", items))
        if let minItems { m.append(("minItems", .integer(Int64(minItems)))) }
        if let maxItems { m.append(("maxItems", .integer(Int64(maxItems)))) }
        return .object(m)
    }

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(name)"))]) }

    static func string(_ description: String? = nil, pattern: String? = nil) -> JSONValue {
        var m: [(String, JSONValue)] = [("type", .string("string"))]
        if let description { m.append(("description", .string(description))) }
        if let pattern { m.append(("pattern", .string(pattern))) }
        return .object(m)
    }

    static func choice(_ values: [String], description: String? = nil) -> JSONValue {
        var m: [(String, JSONValue)] = [("enum", .array(values.map { .string($0) }))]
        if let description { m.append(("description", .string(description))) }
        return .object(m)
    }

    static func number(_ description: String? = nil, minimum: Double? = nil, maximum: Double? = nil, integer: Bool = false) -> JSONValue {
        var m: [(String, JSONValue)] = [("type", .string(integer ? "integer" : "number"))]
        if let description { m.append(("description", .string(description))) }
        if let minimum { m.append(("minimum", .number(minimum))) }
        if let maximum { m.append(("maximum", .number(maximum))) }
        return .object(m)
    }

    static func boolean(_ description: String? = nil) -> JSONValue {
        var m: [(String, JSONValue)] = [("type", .string("boolean"))]
        if let description { m.append(("description", .string(description))) }
        return .object(m)
    }

    /// A number, or a string with a unit matching `suffixes` (regular-expression alternatives).
    static func quantity(_ description: String, suffixes: String) -> JSONValue {
        let number = #"[+-]?[0-9][0-9_]*(\.[0-9]+)?([eE][+-]?[0-9]+)?"#
        return .object([("description", .string(description)),
                        ("oneOf", .array([.object([("type", .string("number"))]),
                                          string(pattern: #"^\s*"# + number + #"\s*("# + suffixes + #")?\s*$"#)]))])
    }

    static func oneOf(_ options: [JSONValue], description: String? = nil) -> JSONValue {
        var m: [(String, JSONValue)] = []
        if let description { m.append(("description", .string(description))) }
        m.append(("oneOf", .array(options)))
        return .object(m)
    }

    static func anyOf(_ options: [JSONValue], description: String? = nil) -> JSONValue {
        var m: [(String, JSONValue)] = []
        if let description { m.append(("description", .string(description))) }
        m.append(("anyOf", .array(options)))
        return .object(m)
    }

    /// A schema document with its definitions.
    static func document(id: String, title: String, root: JSONValue, defs: [(String, JSONValue)]) -> JSONValue {
        guard case .object(let members) = root else { return root }
        var m: [(String, JSONValue)] = [("$schema", .string(draft)), ("$id", .string(id)), ("title", .string(title))]
        m += members
        if !defs.isEmpty { m.append(("$defs", .object(defs))) }
        return .object(m)
    }
}
