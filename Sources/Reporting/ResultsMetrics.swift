/// The statistics of a results document (`capsim run --json`), flattened to one row per metric: every
/// `{"mean", "ci95"}` object becomes `PATH.mean`, and latency percentiles `PATH.p50`/`p95`/`p99` with their
/// `p50_ci95`-style half-widths.
public struct ResultsMetrics: Sendable {
    public struct Metric: Sendable, Equatable {
        /// Where it is, e.g. `pools.eauth.utilization.mean`.
        public var path: String
        /// The estimate, in the metric's unit (seconds, fractions, per second, bit/s).
        public var value: Double
        /// Half-width of its 95% confidence interval, same unit.
        public var halfWidth: Double
    }

    /// Metrics in document order (pools, links, workloads, limiters, then keys sorted within each).
    public var metrics: [Metric]
    /// Target verdicts, keyed `SUBJECT.METRIC`.
    public var targets: [(key: String, met: Bool)]

    /// The sections of a results document that hold statistics.
    static let sections = ["pools", "links", "workloads", "limiters"]

    public init(_ doc: JSONValue) {
        var out: [Metric] = []
        func walk(_ value: JSONValue, _ path: String) {
            guard let members = value.members else { return }
            if let mean = value["mean"]?.double, let ci = value["ci95"]?.double {
                out.append(Metric(path: path + ".mean", value: mean, halfWidth: ci))
                for p in ["p50", "p95", "p99"] {
                    if let v = value[p]?.double { out.append(Metric(path: path + "." + p, value: v, halfWidth: value[p + "_ci95"]?.double ?? 0)) }
                }
                return
            }
            for (key, child) in members.sorted(by: { $0.0 < $1.0 }) { walk(child, path.isEmpty ? key : path + "." + key) }
        }
        for section in Self.sections {
            if let s = doc[section] { walk(s, section) }
        }
        metrics = out
        targets = (doc["targets"]?.items ?? []).compactMap { t in
            guard let s = t["subject"]?.string, let m = t["metric"]?.string, let met = t["met"]?.bool else { return nil }
            return ("\(s).\(m)", met)
        }
    }

    /// True when `doc` looks like a results document (it has the statistics sections and is not a plan or a study).
    public static func isResultsDocument(_ doc: JSONValue) -> Bool {
        doc["pools"]?.members != nil && doc["workloads"]?.members != nil && doc["agencies"] == nil && doc["runs"] == nil
    }

    /// Latencies, losses, queues, utilisation and retries are worse when higher; throughput, availability,
    /// completions, successes and goodput when lower.
    public static func higherIsWorse(_ path: String) -> Bool {
        let lowerIsWorse = [".throughput", ".availability", ".completed", ".succeeded", ".goodput", ".passed"]
        return !lowerIsWorse.contains { path.contains($0) }
    }
}
