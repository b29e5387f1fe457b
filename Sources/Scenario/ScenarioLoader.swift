import Foundation
import Yams

/// Reads and checks scenario files (contract §2 and §3).
public enum ScenarioLoader {
    /// Reads the scenario at `path`. Relative paths inside it (empirical CSVs) are resolved against the file's
    /// directory.
    ///
    /// - Throws: `ScenarioError.fileUnreadable` when the file is missing, a directory or unreadable,
    ///   `ScenarioError.unknownPath` when an override names nothing the scenario may have, or
    ///   `ScenarioError.invalid` with every problem found, sorted by line and column (also when the file is not
    ///   UTF-8 or exceeds `DocumentLimits.standard`).
    public static func load(path: String, overrides: [ScenarioOverride] = []) throws -> Scenario {
        try ScenarioSource.load(path: path).scenario(overrides: overrides)
    }

    /// Reads a scenario from the bytes of a file: checks that they are UTF-8 (the first bad byte is located), then
    /// parses them as `parse(yaml:path:baseDirectory:)` does.
    ///
    /// - Throws: `ScenarioError.invalid` with every problem found, sorted by line and column.
    public static func parse(data: Data, path: String, baseDirectory: String) throws -> Scenario {
        if let tooLarge = DocumentGuard.sizeProblem(bytes: data.count, path: path) {
            throw ScenarioError.invalid([tooLarge])
        }
        return try parse(yaml: ScenarioText.decode(data, path: path), path: path, baseDirectory: baseDirectory)
    }

    /// Parses scenario text. `path` names the file in diagnostics; `baseDirectory` is where relative paths inside
    /// it (empirical CSVs) are resolved (empty = the current directory).
    ///
    /// - Throws: `ScenarioError.invalid` with every problem found, sorted by line and column.
    public static func parse(yaml: String, path: String, baseDirectory: String,
                             overrides: [ScenarioOverride] = []) throws -> Scenario {
        try ScenarioSource.parse(yaml: yaml, path: path, baseDirectory: baseDirectory).scenario(overrides: overrides)
    }

    /// Diagnostics by line, then column, then as found; exact repeats removed.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }

    /// Where `key` is written again in the same block mapping as the occurrence at `first` (same column, a later
    /// line, before the mapping ends), if it can be found.
    static func repeatedKey(_ key: String, after first: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.components(separatedBy: "\n")
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let indent = first.column - 1
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let lead = scalars.prefix { $0 == " " || $0 == "-" }.count
            let blank = scalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            if blank || scalars.first == "#" { continue }
            if lead < indent { break }  // the mapping ended
            guard lead == indent else { continue }
            let rest = String(String.UnicodeScalarView(scalars[indent...]))
            if rest.hasPrefix(key + ":") || rest.hasPrefix(key + " :") {
                return (index + 1, first.column)
            }
        }
        return nil
    }

    /// A located diagnostic for a YAML syntax error.
    static func syntaxDiagnostic(_ error: Error, yaml: String, path: String) -> Diagnostic {
        func make(_ mark: Mark, _ message: String) -> Diagnostic {
            Diagnostic(file: path, line: max(1, mark.line), column: max(1, mark.column), message: message)
        }
        func during(_ context: YamlError.Context?) -> String {
            guard let context else { return "" }
            return " (\(context.text) that starts at \(context.mark.line):\(context.mark.column))"
        }
        guard let yamlError = error as? YamlError else {
            return Diagnostic(file: path, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return make(mark, "invalid YAML: \(problem)\(during(context))")
        case .reader(let problem, let offset, _, _):
            var line = 1, column = 1
            if let offset {
                for character in yaml.prefix(offset) {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return Diagnostic(file: path, line: line, column: column, message: "invalid YAML text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let first = context.mark
            if let key = duplicates.first, let again = repeatedKey(key, after: first, in: yaml) {
                return Diagnostic(file: path, line: again.line, column: again.column, message: "duplicate key \(keys) in a mapping (first at \(first.line):\(first.column)); expected each key at most once")
            }
            return make(first, "duplicate key \(keys) in a mapping; expected each key at most once")
        default:
            return Diagnostic(file: path, line: 1, column: 1, message: "invalid YAML: \(yamlError)")
        }
    }
}
