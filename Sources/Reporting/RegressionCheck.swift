import Foundation
import InfraModel
import Scenario

/// Compares a fresh results document with a baseline results document, metric by metric.
///
/// Rule: every statistic of the document is a mean with a 95% half-width (latency percentiles
/// carry `p95_ci95`-style half-widths). A metric regresses when it moved in the worse direction
/// by more than sqrt(h_old² + h_new²) plus 1e-9 × |old| — the 95% interval of the difference of
/// two independent estimates. Targets regress when met before and not met now. Moves in the better
/// direction are listed as improvements and do not fail the check.
public enum RegressionCheck {
    public struct Change: Sendable, Equatable {
        public var metric: String
        public var old: Double
        public var new: Double
        public var tolerance: Double
        public var regressed: Bool
    }

    public struct Outcome: Sendable {
        public var changes: [Change]
        public var metricsCompared: Int
        public var regressions: [Change] { changes.filter(\.regressed) }
        public var passed: Bool { regressions.isEmpty }
    }

    /// A flattened statistic: path → (value, half-width).
    typealias Metrics = [(String, Double, Double)]

    /// Compares `current` with `baseline` (both results documents).
    public static func compare(baseline: JSONValue, current: JSONValue) -> Outcome {
        let old = ResultsMetrics(baseline), new = ResultsMetrics(current)
        let now = Dictionary(new.metrics.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [Change] = []
        for m in old.metrics {
            guard let n = now[m.path] else {
                changes.append(Change(metric: m.path, old: m.value, new: .nan, tolerance: 0, regressed: true))
                continue
            }
            let tolerance = (m.halfWidth * m.halfWidth + n.halfWidth * n.halfWidth).squareRoot() + 1e-9 * abs(m.value)
            let delta = n.value - m.value
            guard abs(delta) > tolerance else { continue }
            let worse = ResultsMetrics.higherIsWorse(m.path) ? delta > 0 : delta < 0
            changes.append(Change(metric: m.path, old: m.value, new: n.value, tolerance: tolerance, regressed: worse))
        }
        // Targets: met before, not met now.
        let newTargets = Dictionary(new.targets.map { ($0.key, $0.met) }, uniquingKeysWith: { a, _ in a })
        for (key, wasMet) in old.targets {
            if wasMet, let isMet = newTargets[key], !isMet {
                changes.append(Change(metric: "targets.\(key).met", old: 1, new: 0, tolerance: 0, regressed: true))
            }
        }
        return Outcome(changes: changes, metricsCompared: old.metrics.count + old.targets.count)
    }

    /// The check's outcome as a table (metric, old, new, allowed).
    public static func table(_ o: Outcome) -> String {
        var t = TextTable(title: "Metrics that moved beyond their confidence intervals", header: ["metric", "old", "new", "allowed ±", "verdict"], rightAligned: [1, 2, 3])
        for c in o.changes {
            t.add([c.metric, num(c.old), num(c.new), num(c.tolerance), c.regressed ? "REGRESSION" : "improved"])
        }
        var out = o.changes.isEmpty ? "" : t.rendered() + "\n"
        out += o.passed ? "check passed: \(o.metricsCompared) metrics compared, no regression\n"
                        : "check FAILED: \(o.regressions.count) of \(o.metricsCompared) metrics regressed\n"
        return out
    }

    static func num(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "missing" }

    /// The outcome as JSON.
    public static func json(_ o: Outcome) -> JSONValue {
        .object([("passed", .bool(o.passed)), ("metrics_compared", .integer(Int64(o.metricsCompared))),
                 ("changes", .array(o.changes.map { c in
                     .object([("metric", .string(c.metric)), ("old", .number(c.old)), ("new", .number(c.new)),
                              ("tolerance", .number(c.tolerance)), ("regressed", .bool(c.regressed))])
                 }))])
    }
}

/// A results document read back from disk, to compare a rerun with.
public struct BaselineDocument: Sendable {
    public var seed: UInt64
    public var replications: Int
    /// Measured seconds per replication.
    public var duration: Double
    public var year: Int?
    /// The `--set` overrides the baseline was run with (`"overrides"`), in the order applied.
    public var overrides: [ScenarioOverride]
    /// The document.
    public var json: JSONValue

    public enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalid(path: String, reason: String)
        public var description: String {
            switch self {
            case .unreadable(let p, let r): return "\(p): error: cannot read baseline: \(r)"
            case .invalid(let p, let r): return "\(p):1:1: error: not a capsim results document: \(r)"
            }
        }
    }

    /// Reads a results document written by `capsim run --json`.
    /// - Throws: `Failure.unreadable` (missing file), `Failure.invalid` (not JSON, or a plan, size or explore
    ///   document, or a results document without any statistic: a check against it could not fail).
    public static func load(path: String) throws -> BaselineDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.unreadable(path: path, reason: "no such file or not readable")
        }
        let doc: JSONValue
        do {
            doc = try JSONValue.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw Failure.invalid(path: path, reason: "it is not JSON (\(error))")
        }
        if doc["agencies"] != nil {
            throw Failure.invalid(path: path, reason: "this is a plan document; a baseline is written with capsim run --json")
        }
        guard ResultsMetrics.isResultsDocument(doc), !ResultsMetrics(doc).metrics.isEmpty else {
            throw Failure.invalid(path: path, reason: "expected pools and workloads with statistics (write it with capsim run --json)")
        }
        guard let seed = doc["seed"], case .integer(let s) = seed, let reps = doc["replications"]?.double,
              let duration = doc["duration"]?.double else {
            throw Failure.invalid(path: path, reason: "expected the keys seed, replications and duration (write it with capsim run --json)")
        }
        var overrides: [ScenarioOverride] = []
        for (key, value) in doc["overrides"]?.members ?? [] {
            guard let text = value.string, let p = try? ScenarioPath(parsing: key) else {
                throw Failure.invalid(path: path, reason: "overrides must map scenario paths to values, found '\(key)'")
            }
            overrides.append(ScenarioOverride(path: p, value: text))
        }
        return BaselineDocument(seed: UInt64(bitPattern: s), replications: Int(reps), duration: duration,
                                year: doc["year"]?.double.map { Int($0) }, overrides: overrides, json: doc)
    }
}
