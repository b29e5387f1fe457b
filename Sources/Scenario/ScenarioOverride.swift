import Yams

/// One what-if change to a scenario, `PATH=VALUE` (`--set pools.eauth.servers=9`): the value is read with the same
/// units and checks as if it were written in the file at that place.
public struct ScenarioOverride: Sendable, Equatable, Hashable {
    /// Where the value goes.
    public var path: ScenarioPath
    /// The value as written (a scalar such as `15%`, or a YAML flow mapping or list such as `{dist: exponential,
    /// mean: 2s}`).
    public var value: String

    public init(path: ScenarioPath, value: String) {
        self.path = path
        self.value = value
    }

    /// Reads `PATH=VALUE` (split at the first `=`).
    public init(argument: String) throws(ScenarioPathError) {
        guard let eq = argument.firstIndex(of: "=") else {
            throw ScenarioPathError(text: argument, problem: "expected PATH=VALUE, e.g. pools.eauth.servers=9")
        }
        let path = try ScenarioPath(parsing: String(argument[..<eq]))
        if path.hasWildcard {
            throw ScenarioPathError(text: path.description, problem: "--set names one value; '*' is for uncertainty inputs")
        }
        self.init(path: path, value: String(argument[argument.index(after: eq)...]))
    }

    /// `PATH=VALUE`, as given on the command line.
    public var argument: String { "\(path)=\(value)" }

    /// The value as a YAML node: flow mappings (`{...}`) and lists (`[...]`) are read as YAML, anything else is
    /// one plain scalar, exactly as written.
    func valueNode() throws(ScenarioPathError) -> Node {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            do {
                if let node = try Yams.compose(yaml: trimmed) { return node }
            } catch {
                throw ScenarioPathError(text: argument, problem: "the value is not a valid YAML mapping or list: \(error)")
            }
        }
        return Node(value, .implicit, .plain)
    }
}

/// Why an override cannot be applied: the path names nothing the scenario has or may have.
public struct UnknownScenarioPath: Error, Sendable, Equatable, CustomStringConvertible {
    /// The override as given, `PATH=VALUE`.
    public var argument: String
    /// What is wrong.
    public var problem: String
    /// The closest valid path, when one is near.
    public var suggestion: String?

    public var description: String {
        var text = "--set \(argument): unknown path: \(problem)"
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        return text
    }
}
