import Foundation
import Yams

/// The keys of one YAML mapping, checked against the keys allowed there.
struct Fields {
    let node: Node
    let mark: Mark?
    /// How the mapping is named in messages, e.g. "pool 'auth'".
    let context: String
    private var values: [String: Node] = [:]
    private var keyMarks: [String: Mark] = [:]

    init(node: Node, mark: Mark?, context: String) {
        self.node = node
        self.mark = mark
        self.context = context
    }

    mutating func set(_ key: String, value: Node?, keyMark: Mark?) {
        if let value { values[key] = value }
        if let keyMark { keyMarks[key] = keyMark }
    }

    /// The value of `key`, or nil when the key is absent or null.
    subscript(key: String) -> Node? { values[key] }

    func has(_ key: String) -> Bool { values[key] != nil }

    func keyMark(_ key: String) -> Mark? { keyMarks[key] }
}

/// The kinds of quantity a distribution can describe.
enum QuantityKind {
    case duration, size

    var noun: String { self == .duration ? "duration" : "size" }
    var example: String { self == .duration ? "250ms" : "4KB" }

    func parse(_ text: String) throws(UnitError) -> Double {
        switch self {
        case .duration: return try Units.duration(text)
        case .size: return try Units.size(text)
        }
    }
}

/// Reads YAML nodes into values, collecting every problem as a located diagnostic.
final class NodeReader {
    let file: String
    /// Directory that relative paths in the file (empirical CSVs) are resolved against.
    let baseDirectory: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Samples of empirical CSV files already read, by resolved path (or why the file could not be read).
    var empiricalCache: [String: Result<[Double], UnitError>] = [:]

    init(file: String, baseDirectory: String) {
        self.file = file
        self.baseDirectory = baseDirectory
    }

    // MARK: Reporting

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func appendDiagnostic(_ d: Diagnostic) { diagnostics.append(d) }

    func report(_ mark: Mark?, _ message: String, unknownKey: Diagnostic.UnknownKey? = nil) {
        let l = location(mark)
        diagnostics.append(Diagnostic(file: l.file, line: l.line, column: l.column, message: message, unknownKey: unknownKey))
    }

    // MARK: Node inspection

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The `id` written in a mapping, if any (used to name list items in messages before they are checked).
    static func peekID(_ node: Node) -> String? {
        guard case .mapping(let m) = node, let value = m["id"], case .scalar(let s) = value,
              !isNull(value) else { return nil }
        return s.string
    }

    // MARK: Mappings

    /// Checks that `node` is a mapping whose keys are all in `allowed` and that every key in `required` has a
    /// value. Reports unknown keys (with a suggestion) and missing keys; returns nil if `node` is not a mapping.
    ///
    /// Keys starting with `extensionPrefix` (when given) are accepted and ignored: a place for YAML anchors.
    func fields(_ node: Node, context: String, allowed: [String], required: [String] = [],
                extensionPrefix: String? = nil) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report(node.mark, "\(context) must be a mapping with keys \(allowed.joined(separator: ", ")), found \(Self.describe(node))")
            return nil
        }
        var result = Fields(node: node, mark: mapping.mark, context: context)
        var present = Set<String>()
        for (keyNode, value) in Self.mergedPairs(mapping) {
            guard case .scalar(let keyScalar) = keyNode else {
                report(keyNode.mark, "keys in \(context) must be plain names, found \(Self.describe(keyNode))")
                continue
            }
            let key = keyScalar.string
            if let extensionPrefix, key.hasPrefix(extensionPrefix) { continue }
            guard allowed.contains(key) else {
                var message = "unknown key '\(key)' in \(context); expected one of: \(allowed.joined(separator: ", "))"
                if let extensionPrefix { message += " (or a key starting with '\(extensionPrefix)')" }
                let suggestion = Self.suggestion(for: key, among: allowed)
                if let suggestion { message += "; did you mean '\(suggestion)'?" }
                report(keyNode.mark, message, unknownKey: Diagnostic.UnknownKey(key: key, suggestion: suggestion))
                continue
            }
            present.insert(key)
            result.set(key, value: Self.isNull(value) ? nil : value, keyMark: keyNode.mark)
        }
        for key in required where !result.has(key) {
            if present.contains(key) {
                report(result.keyMark(key), "missing value for required key '\(key)' in \(context)")
            } else {
                report(mapping.mark, "missing required key '\(key)' in \(context)")
            }
        }
        return result
    }

    /// The pairs of a mapping with YAML merge keys (`<<: *anchor`, `<<: [*a, *b]`) expanded; keys written in the
    /// mapping itself win over merged ones, and earlier merged mappings over later ones.
    static func mergedPairs(_ mapping: Node.Mapping) -> [(Node, Node)] {
        var own: [(Node, Node)] = []
        var merged: [(Node, Node)] = []
        for (key, value) in mapping {
            if case .scalar(let k) = key, k.string == "<<", k.style == .plain || k.style == .any {
                let sources: [Node]
                if case .sequence(let seq) = value { sources = Array(seq) } else { sources = [value] }
                for source in sources {
                    if case .mapping(let m) = source {
                        merged.append(contentsOf: mergedPairs(m))
                    } else {
                        own.append((key, value))  // reported as an unknown key
                    }
                }
            } else {
                own.append((key, value))
            }
        }
        var seen = Set(own.compactMap { $0.0.scalar?.string })
        for pair in merged {
            guard let name = pair.0.scalar?.string, !seen.contains(name) else { continue }
            seen.insert(name)
            own.append(pair)
        }
        return own
    }

    /// The closest allowed key within a small edit distance, if any.
    static func suggestion(for key: String, among allowed: [String]) -> String? {
        let limit = max(1, min(3, (key.count + 1) / 3))
        var best: (String, Int)?
        for candidate in allowed {
            let d = EditDistance.between(key.lowercased(), candidate.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    // MARK: Scalars

    /// The text of a scalar value, or nil (reported) if the value is not a scalar.
    func scalar(_ node: Node, _ what: String, expected: String) -> String? {
        guard case .scalar(let s) = node else {
            report(node.mark, "\(what) must be \(expected), found \(Self.describe(node))")
            return nil
        }
        return s.string
    }

    func text(_ f: Fields, _ key: String) -> String? {
        guard let node = f[key] else { return nil }
        return scalar(node, "'\(key)' in \(f.context)", expected: "a text value")
    }

    /// A quantity read by `parse` (one of the `Units` parsers); unit errors are reported at the value.
    func quantity(_ f: Fields, _ key: String, expected: String,
                  _ parse: (String) throws(UnitError) -> Double) -> Double? {
        guard let node = f[key] else { return nil }
        return quantity(node, "'\(key)' in \(f.context)", expected: expected, parse)
    }

    func quantity(_ node: Node, _ what: String, expected: String,
                  _ parse: (String) throws(UnitError) -> Double) -> Double? {
        guard let text = scalar(node, what, expected: expected) else { return nil }
        do {
            return try parse(text)
        } catch {
            report(node.mark, error.message)
            return nil
        }
    }

    /// A whole number, at least `minimum` when given.
    func integer(_ f: Fields, _ key: String, minimum: Int? = nil) -> Int? {
        guard let node = f[key] else { return nil }
        return integer(node, "'\(key)' in \(f.context)", minimum: minimum)
    }

    func integer(_ node: Node, _ what: String, minimum: Int? = nil) -> Int? {
        let expected = minimum.map { "a whole number >= \($0)" } ?? "a whole number"
        guard let text = scalar(node, what, expected: expected) else { return nil }
        guard let value = try? Units.integer(text) else {
            report(node.mark, "\(what) must be \(expected), found '\(text)'")
            return nil
        }
        if let minimum, value < minimum {
            report(node.mark, "\(what) must be \(expected), found \(value)")
            return nil
        }
        return value
    }

    /// A plain number (no unit).
    func number(_ node: Node, _ what: String, expected: String = "a number") -> Double? {
        guard let text = scalar(node, what, expected: expected) else { return nil }
        guard let value = Units.plainNumber(Units.trimmed(text)) else {
            report(node.mark, "\(what) must be \(expected), found '\(text)'")
            return nil
        }
        return value
    }

    /// One of a fixed set of words.
    func choice(_ f: Fields, _ key: String, _ options: [String]) -> String? {
        guard let node = f[key] else { return nil }
        let what = "'\(key)' in \(f.context)"
        let expected = "one of: \(options.joined(separator: ", "))"
        guard let text = scalar(node, what, expected: expected) else { return nil }
        guard options.contains(text) else {
            report(node.mark, "unknown \(key) '\(text)' in \(f.context); expected \(expected)")
            return nil
        }
        return text
    }

    /// The items of a list value (an absent key is an empty list).
    func list(_ f: Fields, _ key: String) -> [Node] {
        guard let node = f[key] else { return [] }
        return list(node, "'\(key)' in \(f.context)")
    }

    func list(_ node: Node, _ what: String) -> [Node] {
        guard case .sequence(let sequence) = node else {
            report(node.mark, "\(what) must be a list, found \(Self.describe(node))")
            return []
        }
        return Array(sequence)
    }
}
