import Foundation
import Yams

/// A scenario file read and parsed into its YAML tree once, to be decoded into a `Scenario` as written or with
/// overrides (`--set`, the samples of an uncertainty study).
public struct ScenarioSource: @unchecked Sendable {
    // @unchecked: the YAML tree is a value that is only read after init (decoding copies it before editing).

    /// The file path as given (used in diagnostics).
    public let path: String
    /// The file's text.
    public let text: String
    /// Where relative paths inside the file (empirical CSVs) are resolved.
    public let baseDirectory: String
    let root: Node

    /// Reads and parses the file at `path`.
    /// - Throws: `ScenarioError.fileUnreadable` (missing, unreadable) or `.invalid` (not YAML, empty).
    public static func load(path: String) throws -> ScenarioSource {
        let text = try ScenarioText.read(path: path)
        var directory = (path as NSString).deletingLastPathComponent
        if directory.isEmpty { directory = FileManager.default.currentDirectoryPath }
        return try parse(yaml: text, path: path, baseDirectory: directory)
    }

    /// Parses scenario text; `path` names it in diagnostics.
    public static func parse(yaml: String, path: String, baseDirectory: String) throws -> ScenarioSource {
        let unsafe = DocumentGuard.check(yaml, path: path)
        if !unsafe.isEmpty { throw ScenarioError.invalid(unsafe) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ScenarioError.invalid([ScenarioLoader.syntaxDiagnostic(error, yaml: yaml, path: path)])
        }
        guard let root else {
            throw ScenarioError.invalid([Diagnostic(file: path, line: 1, column: 1,
                message: "the scenario file is empty; expected a mapping with at least name, simulation, agencies, sites and workloads")])
        }
        return ScenarioSource(path: path, text: yaml, baseDirectory: baseDirectory, root: root)
    }

    /// The scenario with `overrides` applied in order (a later one wins where two name the same value).
    ///
    /// - Parameter collectInputs: fill `Scenario.inputs` (the assumptions register of reports); studies that decode
    ///   many variants turn it off.
    /// - Throws: `ScenarioError.unknownPath` when an override names nothing the scenario may have (the CLI exits
    ///   64), `ScenarioError.invalid` with every problem found, sorted by line and column (problems with an
    ///   overridden value name the override).
    /// - Parameter origin: how a problem with an overridden value names the override (default: `value set by --set
    ///   PATH=VALUE`; a portfolio names the table row and column instead).
    public func scenario(overrides: [ScenarioOverride] = [], collectInputs: Bool = true,
                         origin: (ScenarioOverride) -> String = { "value set by --set \($0.argument)" }) throws -> Scenario {
        var tree = ScenarioTree(root: root)
        var placements: [(override: ScenarioOverride, placement: ScenarioTree.Placement)] = []
        for o in overrides {
            do {
                let value = try o.valueNode()
                for p in try tree.set(o.path, to: value, argument: o.argument) { placements.append((o, p)) }
            } catch let e as UnknownScenarioPath {
                throw ScenarioError.unknownPath(e)
            } catch let e as ScenarioPathError {
                throw ScenarioError.unknownPath(UnknownScenarioPath(argument: o.argument, problem: e.problem, suggestion: nil))
            }
        }
        let decoder = ScenarioDecoder(path: path, baseDirectory: baseDirectory)
        guard var scenario = decoder.decode(tree.root) else {
            var diagnostics = decoder.diagnostics
            if diagnostics.isEmpty {
                diagnostics = [Diagnostic(file: path, line: 1, column: 1, message: "the scenario could not be read")]
            }
            try Self.attribute(&diagnostics, to: placements, origin: origin)
            throw ScenarioError.invalid(ScenarioLoader.sorted(diagnostics))
        }
        scenario.locations = ValueLocations(root: tree.root, file: path)
        if collectInputs {
            scenario.inputs = InputRegister.collect(root: root, text: text)
            scenario.warnings = ScenarioLint.warnings(root: tree.root, scenario: scenario, file: path).map { w in
                guard let o = placements.last(where: { $0.placement.line == w.location.line && $0.placement.column == w.location.column })?.override
                else { return w }
                return ScenarioWarning(location: w.location, message: w.message + " (value set by --set \(o.argument))")
            }
        }
        scenario.overrides = overrides
        scenario.empiricalFiles = decoder.r.empiricalCache.keys.sorted()
        return scenario
    }

    /// Every value at `path` in the file (wildcards expanded) with its concrete path, as written.
    public func values(at path: ScenarioPath) -> [(path: ScenarioPath, text: String?)] {
        ScenarioTree(root: root).values(at: path).map { ($0.path, $0.node.scalar?.string) }
    }

    /// Names the override behind each problem with an overridden value; an unknown key that an override created
    /// is an unknown path.
    private static func attribute(_ diagnostics: inout [Diagnostic],
                                  to placements: [(override: ScenarioOverride, placement: ScenarioTree.Placement)],
                                  origin: (ScenarioOverride) -> String) throws {
        for i in diagnostics.indices {
            let d = diagnostics[i]
            guard let (o, _) = placements.last(where: { $0.placement.line == d.line && $0.placement.column == d.column })
            else { continue }
            if let unknown = d.unknownKey, let created = placements.first(where: {
                $0.placement.createdKey == unknown.key && $0.placement.line == d.line && $0.placement.column == d.column
            }) {
                var suggestion: String?
                if let better = unknown.suggestion, let at = created.placement.createdAt {
                    let rest = created.override.path.segments.dropFirst(at.segments.count)
                    suggestion = ScenarioTree.replacing(at, with: .name(better), rest)
                }
                throw ScenarioError.unknownPath(UnknownScenarioPath(
                    argument: created.override.argument, problem: "'\(unknown.key)' is not a key there", suggestion: suggestion))
            }
            diagnostics[i].message += " (\(origin(o)))"
            diagnostics[i].override = o
        }
    }
}
