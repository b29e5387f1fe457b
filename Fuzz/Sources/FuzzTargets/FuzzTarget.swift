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
    /// The `--set PATH=VALUE` parser and its application to a scenario: one override per line.
    case set

    /// The target of this process (set once at start, before fuzzing).
    nonisolated(unsafe) public static var selected = FuzzTarget.scenario

    /// Feeds `data` to the reader.
    public func run(_ data: Data) {
        switch self {
        case .scenario: ScenarioReaderTarget.run(data)
        case .set: OverrideTarget.run(data)
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

/// `--set` overrides (one `PATH=VALUE` per line) applied to a small valid scenario, as `capsim run --set` does:
/// every override is either applied, or refused as an unknown path (exit 64) or an invalid value (exit 65, located).
enum OverrideTarget {
    static let scenario = """
    name: fuzz-set
    simulation: {duration: 10m, warmup: 1m, replications: 2}
    horizon: {base_year: 2025, to: 2026}
    agencies: [{id: a, name: Agency}]
    sites: [{id: s1, agency: a}, {id: s2, agency: a}]
    pools:
      - {id: web, site: s1, servers: 2, unit: {name: server, cost: 100}, queue: {capacity: 10}, patience: 5s}
    links:
      - {id: l1, from: s1, to: s2, bandwidth: 100Mbps, latency: 5ms, unit: {step: 10Mbps, cost_per_year: 7}}
    workloads:
      - id: w
        arrivals: {rate: 1/s, growth: 10%, profile: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]}
        route:
          - {pool: web, service: {dist: lognormal, mean: 200ms, cv: 1}}
          - {link: l1}
    targets:
      - {workload: w, p95: 2s}

    """
    nonisolated(unsafe) static let source = try! ScenarioSource.parse(yaml: scenario, path: "fuzz-set.yaml",
                                                                       baseDirectory: ScenarioReaderTarget.baseDirectory)

    static func run(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8), data.count <= 4096 else { return }
        var overrides: [ScenarioOverride] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(16) {
            do {
                overrides.append(try ScenarioOverride(argument: String(line)))
            } catch {
                return  // a malformed argument is a usage error (exit 64), typed
            }
        }
        do {
            let s = try source.scenario(overrides: overrides)
            try ScenarioCheck.limits(s)
            _ = try ScenarioCheck.warnings(s)
        } catch let error as ScenarioError {
            if case .invalid(let diagnostics) = error {
                precondition(!diagnostics.isEmpty, "an override was refused without any diagnostic")
                for d in diagnostics { precondition(d.line >= 1 && d.column >= 1, "diagnostic without a location: \(d)") }
            }
        } catch {
            preconditionFailure("an override that was read failed later with \(error)")
        }
    }
}
