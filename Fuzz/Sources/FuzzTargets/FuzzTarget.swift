import Foundation
import Planning
import Scenario

/// The readers that the fuzzer exercises. Each takes arbitrary bytes and must either accept them or reject them
/// with a typed, located error: never crash, hang, leak or exhaust memory.
///
/// To fuzz another reader, add a case, its function in `run`, and seed inputs in `Fuzz/Corpus/<name>/`; then
/// `scripts/fuzz.sh SECONDS <name>` fuzzes it.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The scenario reader: bytes → UTF-8 check → YAML limits → YAML → validated `Scenario`.
    case scenario

    /// The target of this process (set once at start, before fuzzing).
    nonisolated(unsafe) public static var selected = FuzzTarget.scenario

    /// Feeds `data` to the reader.
    public func run(_ data: Data) {
        switch self {
        case .scenario: ScenarioReaderTarget.run(data)
        }
    }
}

/// The scenario reader as `capsim validate` uses it, on bytes instead of a file: read, check the limits, then the
/// closed-form warnings.
enum ScenarioReaderTarget {
    /// Relative `empirical` files resolve in a folder that does not exist, so no input reads real files.
    static let baseDirectory = "/nonexistent-capsim-fuzz"

    static func run(_ data: Data) {
        do {
            let scenario = try ScenarioLoader.parse(data: data, path: "fuzz.yaml", baseDirectory: baseDirectory)
            _ = scenario.resources
            try ScenarioCheck.limits(scenario)
            _ = try ScenarioCheck.warnings(scenario)
        } catch let error as ScenarioError {
            // Every rejection is located in the file.
            if case .invalid(let diagnostics) = error {
                precondition(!diagnostics.isEmpty, "a scenario was rejected without any diagnostic")
                for d in diagnostics { precondition(d.line >= 1 && d.column >= 1, "diagnostic without a location: \(d)") }
            }
        } catch {
            // The limits and warnings compile the model: a scenario that was read must compile.
            preconditionFailure("a scenario that was read failed later with \(error)")
        }
    }
}
