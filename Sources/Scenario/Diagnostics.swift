/// A position in a scenario file.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file path as given to the loader.
    public var file: String
    /// Line, from 1.
    public var line: Int
    /// Column, from 1 (counted in Unicode scalars).
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `PATH:LINE:COLUMN`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in a scenario file, with its location.
public struct Diagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    /// Line, from 1.
    public var line: Int
    /// Column, from 1.
    public var column: Int
    /// What is wrong and what was expected.
    public var message: String
    /// Set when the problem is a key that is not allowed there: the key, and the closest allowed key if any.
    public var unknownKey: UnknownKey?
    /// Set when the problem is with a value an override put there.
    public var override: ScenarioOverride?

    /// A key that is not allowed where it is written.
    public struct UnknownKey: Sendable, Equatable, Hashable {
        public var key: String
        public var suggestion: String?
    }

    public init(file: String, line: Int, column: Int, message: String, unknownKey: UnknownKey? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.unknownKey = unknownKey
    }

    public init(at location: SourceLocation, message: String) {
        self.init(file: location.file, line: location.line, column: location.column, message: message)
    }

    /// Where the problem is.
    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// `PATH:LINE:COLUMN: error: MESSAGE`.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Why a scenario could not be loaded.
public enum ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The file is missing or cannot be read (the CLI exits with 66).
    case fileUnreadable(path: String, reason: String)
    /// The file was read but is not a valid scenario: every problem found, sorted by line and column
    /// (the CLI exits with 65).
    case invalid([Diagnostic])
    /// A `--set` path names nothing the scenario has or may have (the CLI exits with 64).
    case unknownPath(UnknownScenarioPath)

    /// The located problems (empty for `fileUnreadable`).
    public var diagnostics: [Diagnostic] {
        if case .invalid(let list) = self { return list }
        return []
    }

    /// One line per problem, each `PATH:LINE:COLUMN: error: MESSAGE`; for an unreadable file `PATH: error: ...`.
    public var description: String {
        switch self {
        case .fileUnreadable(let path, let reason):
            return "\(path): error: cannot read scenario file: \(reason)"
        case .invalid(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .unknownPath(let e):
            return "capsim: error: \(e)"
        }
    }
}
