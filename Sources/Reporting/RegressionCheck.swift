import Foundation
import InfraModel

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

    /// Compares `current` with `baseline` (both results documents as parsed JSON objects).
    public static func compare(baseline: [String: Any], current: [String: Any]) -> Outcome {
        let old = metrics(baseline), new = Dictionary(metrics(current).map { ($0.0, ($0.1, $0.2)) }, uniquingKeysWith: { a, _ in a })
        var changes: [Change] = []
        for (path, oldValue, oldHalf) in old {
            guard let (newValue, newHalf) = new[path] else {
                changes.append(Change(metric: path, old: oldValue, new: .nan, tolerance: 0, regressed: true))
                continue
            }
            let tolerance = (oldHalf * oldHalf + newHalf * newHalf).squareRoot() + 1e-9 * abs(oldValue)
            let delta = newValue - oldValue
            guard abs(delta) > tolerance else { continue }
            let worse = higherIsWorse(path) ? delta > 0 : delta < 0
            changes.append(Change(metric: path, old: oldValue, new: newValue, tolerance: tolerance, regressed: worse))
        }
        // Targets: met before, not met now.
        let oldTargets = targets(baseline), newTargets = targets(current)
        for (key, wasMet) in oldTargets {
            if wasMet, let isMet = newTargets[key], !isMet {
                changes.append(Change(metric: "targets.\(key).met", old: 1, new: 0, tolerance: 0, regressed: true))
            }
        }
        return Outcome(changes: changes, metricsCompared: old.count + oldTargets.count)
    }

    /// Latencies, losses, queues, utilisation, attempts, amplification, failed and orphaned requests are worse
    /// when higher; throughput, availability, successes, goodput and a limiter's passed requests when lower.
    static func higherIsWorse(_ path: String) -> Bool {
        let lowerIsWorse = [".throughput", ".availability", ".succeeded", ".goodput", ".passed"]
        return !(lowerIsWorse.contains { path.contains($0) } || path.hasSuffix(".completed"))
    }

    static func metrics(_ doc: [String: Any]) -> Metrics {
        var out: Metrics = []
        func walk(_ value: Any, _ path: String) {
            guard let obj = value as? [String: Any] else { return }
            if let mean = number(obj["mean"]), let ci = number(obj["ci95"]) {
                out.append((path + ".mean", mean, ci))
                for p in ["p50", "p95", "p99"] {
                    if let v = number(obj[p]) { out.append((path + "." + p, v, number(obj[p + "_ci95"]) ?? 0)) }
                }
                return
            }
            for key in obj.keys.sorted() { walk(obj[key]!, path.isEmpty ? key : path + "." + key) }
        }
        for section in ["pools", "links", "limiters", "workloads"] {
            if let s = doc[section] { walk(s, section) }
        }
        return out
    }

    static func targets(_ doc: [String: Any]) -> [String: Bool] {
        var out: [String: Bool] = [:]
        for case let t as [String: Any] in (doc["targets"] as? [Any]) ?? [] {
            guard let s = t["subject"] as? String, let m = t["metric"] as? String, let met = t["met"] as? Bool else { continue }
            out["\(s).\(m)"] = met
        }
        return out
    }

    static func number(_ x: Any?) -> Double? {
        if let n = x as? NSNumber, !(x is Bool) { return n.doubleValue }
        return x as? Double
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

/// A results document read back from disk.
public struct BaselineDocument: Sendable {
    public var seed: UInt64
    public var replications: Int
    /// Measured seconds per replication.
    public var duration: Double
    public var year: Int?
    /// The parsed JSON (a results document).
    nonisolated(unsafe) public var json: [String: Any]

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

    public static func load(path: String) throws -> BaselineDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.unreadable(path: path, reason: "no such file or not readable")
        }
        guard let obj = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Failure.invalid(path: path, reason: "it is not a JSON object")
        }
        guard let seed = obj["seed"] as? NSNumber, let reps = obj["replications"] as? NSNumber, let duration = obj["duration"] as? NSNumber else {
            throw Failure.invalid(path: path, reason: "expected the keys seed, replications and duration (write it with capsim run --json)")
        }
        return BaselineDocument(seed: seed.uint64Value, replications: reps.intValue, duration: duration.doubleValue,
                                year: (obj["year"] as? NSNumber)?.intValue, json: obj)
    }

    /// Parses a rendered results document.
    public static func parse(_ value: JSONValue) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(value.rendered().utf8))) as? [String: Any] ?? [:]
    }
}
