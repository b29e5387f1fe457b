import InfraModel
import Planning
import Scenario
import SimKernel

/// The results document of `capsim run --json` (contract §4): times in seconds, rates per second,
/// bandwidth in bit/s; each statistic is `{"mean", "ci95"}` and latencies add pooled p50/p95/p99.
public enum ResultsDocument {
    /// - Parameters:
    ///   - overrides: the `--set` overrides the scenario was run with, recorded as `"overrides"`.
    ///   - window: the simulated window, recorded as `"start"` and `"window_changed_by"` when given.
    public static func json(_ r: RunResults, year: Int, overrides: [ScenarioOverride] = [],
                            window: SimulationWindow? = nil) -> JSONValue {
        .object(header(r, year: year) + PlanDocument.window(window) + [("overrides", self.overrides(overrides)),
            ("pools", pools(r)),
            ("links", links(r)),
            ("workloads", workloads(r)),
            ("targets", targets(r.targets)),
            ("warnings", .array(r.warnings.map { .string($0) })),
        ])
    }

    /// The overrides as `{PATH: VALUE}` in the order given.
    public static func overrides(_ list: [ScenarioOverride]) -> JSONValue {
        .object(list.map { ($0.path.description, .string($0.value)) })
    }

    static func header(_ r: RunResults, year: Int) -> [(String, JSONValue)] {
        [("scenario", .string(r.scenario)), ("seed", .integer(Int64(bitPattern: r.seed))),
         ("replications", .integer(Int64(r.replications))), ("duration", .number(r.duration)),
         ("warmup", .number(r.warmup)), ("year", .integer(Int64(year))), ("events", .integer(Int64(r.events)))]
    }

    public static func stat(_ e: Estimate) -> JSONValue {
        .object([("mean", .number(e.mean)), ("ci95", .number(e.ci95))])
    }

    public static func latency(_ l: LatencyEstimate) -> JSONValue {
        .object([("mean", .number(l.mean.mean)), ("ci95", .number(l.mean.ci95)),
                 ("p50", .number(l.p50)), ("p95", .number(l.p95)), ("p99", .number(l.p99)),
                 ("p50_ci95", .number(l.p50CI95)), ("p95_ci95", .number(l.p95CI95)), ("p99_ci95", .number(l.p99CI95))])
    }

    public static func pool(_ p: PoolResults) -> [(String, JSONValue)] {
        [("servers", .integer(Int64(p.servers))),
         ("utilization", stat(p.utilization)), ("throughput", stat(p.throughput)),
         ("queue_length", stat(p.queueLength)), ("wait", latency(p.wait)), ("response", latency(p.response)),
         ("blocked_fraction", stat(p.blockedFraction)), ("abandoned_fraction", stat(p.abandonedFraction)),
         ("availability", stat(p.availability))]
    }

    static func pools(_ r: RunResults) -> JSONValue {
        .object(r.pools.map { ($0.id, .object(pool($0))) })
    }

    static func direction(_ d: DirectionResults) -> JSONValue {
        .object([("utilization", stat(d.utilization)), ("throughput_bps", stat(d.throughputBps)), ("delay", latency(d.delay))])
    }

    public static func link(_ l: LinkResults) -> [(String, JSONValue)] {
        [("bandwidth_bps", .number(l.bandwidth)), ("forward", direction(l.forward)), ("reverse", direction(l.reverse))]
    }

    static func links(_ r: RunResults) -> JSONValue {
        .object(r.links.map { ($0.id, .object(link($0))) })
    }

    static func workloads(_ r: RunResults) -> JSONValue {
        .object(r.workloads.map { w in
            (w.id, .object([("arrived", .number(w.arrived.rounded())), ("completed", .number(w.completed.rounded())),
                            ("response", latency(w.response)), ("lost_fraction", stat(w.lostFraction))]))
        })
    }

    public static func targets(_ t: [TargetResult]) -> JSONValue {
        .array(t.map { t in
            .object([("subject", .string(t.target.subject.label)), ("metric", .string(t.target.metric.rawValue)),
                     ("limit", .number(t.target.limit)), ("value", .number(t.value)),
                     ("bound", .number(t.bound)), ("met", .bool(t.met))])
        })
    }
}
