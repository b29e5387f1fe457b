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
        var members = header(r, year: year) + PlanDocument.window(window) + [("overrides", self.overrides(overrides)),
            ("pools", pools(r)),
            ("links", links(r)),
            ("limiters", limiters(r)),
            ("workloads", workloads(r)),
            ("targets", targets(r.targets)),
            ("warnings", .array(r.warnings.map { .string($0) })),
        ]
        if let s = r.series { members.append(("series", series(s))) }
        return .object(members)
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
                            ("response", latency(w.response)), ("lost_fraction", stat(w.lostFraction)),
                            ("requests", .number(w.requests.rounded())), ("attempts", stat(w.attempts)),
                            ("amplification", stat(w.amplification)), ("succeeded", stat(w.succeeded)),
                            ("failed", stat(w.failed)), ("orphaned", stat(w.orphaned)), ("goodput", stat(w.goodput))]))
        })
    }

    public static func limiter(_ l: LimiterResults) -> [(String, JSONValue)] {
        [("rate_per_s", .number(l.rate)), ("burst", .number(l.burst)), ("passed", stat(l.passed)),
         ("utilization", stat(l.utilization)), ("rejected_fraction", stat(l.rejectedFraction)),
         ("abandoned_fraction", stat(l.abandonedFraction)), ("queue_length", stat(l.queueLength)),
         ("wait", latency(l.wait)), ("arrival_rate", stat(l.arrivalRate))]
    }

    static func limiters(_ r: RunResults) -> JSONValue {
        .object(r.limiters.map { ($0.id, .object(limiter($0))) })
    }

    static func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }

    /// `series`: per interval of measured time, means over replications; `recovery_time` per event for workloads
    /// with a client.
    static func series(_ s: RunSeries) -> JSONValue {
        let events: JSONValue = .array(s.events.map { e in
            var members: [(String, JSONValue)] = [("name", .string(e.name)), ("at", .number(e.at)), ("for", .number(e.duration))]
            switch e.change {
            case .rateFactor(let w, let f): members += [("workload", .string(w)), ("rate_factor", .number(f))]
            case .serversDown(let p, let n): members += [("pool", .string(p)), ("servers_down", .integer(Int64(n)))]
            }
            return .object(members)
        })
        return .object([
            ("interval", .number(s.interval)),
            ("starts", numbers(s.starts)),
            ("lengths", numbers(s.lengths)),
            ("events", events),
            ("pools", .object(s.pools.map { p in
                (p.id, .object([("utilization", numbers(p.utilization)), ("queue_length", numbers(p.queueLength)),
                                ("throughput", numbers(p.throughput))]))
            })),
            ("workloads", .object(s.workloads.map { w in
                var members: [(String, JSONValue)] = [("requests", numbers(w.requests)), ("attempts", numbers(w.attempts)),
                                                      ("goodput", numbers(w.goodput)), ("lost", numbers(w.lost))]
                if let recovery = w.recovery {
                    members.append(("recovery_time", .array(recovery.map { r in
                        .object([("event", .string(r.event)), ("end", .number(r.end)),
                                 ("seconds", r.seconds.map(stat) ?? .null),
                                 ("recovered", .integer(Int64(r.recovered))), ("replications", .integer(Int64(r.replications)))])
                    })))
                }
                return (w.id, .object(members))
            })),
            ("limiters", .object(s.limiters.map { l in
                (l.id, .object([("passed", numbers(l.passed)), ("rejected", numbers(l.rejected))]))
            })),
        ])
    }

    public static func targets(_ t: [TargetResult]) -> JSONValue {
        .array(t.map { t in
            .object([("subject", .string(t.target.subject.label)), ("metric", .string(t.target.metric.rawValue)),
                     ("limit", .number(t.target.limit)), ("value", .number(t.value)),
                     ("bound", .number(t.bound)), ("met", .bool(t.met))])
        })
    }
}
