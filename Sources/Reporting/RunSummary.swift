import InfraModel
import Planning

/// The human summary of a run: tables of pools, links, workloads and targets.
public enum RunSummary {
    /// - Parameter window: the simulated window, stated under the title when given.
    public static func text(_ r: RunResults, year: Int, window: SimulationWindow? = nil) -> String {
        typealias F = NumberFormat
        var out = "capsim run: \(r.scenario), year \(year), \(r.replications) replications × \(F.duration(r.duration)) measured"
        out += r.warmup > 0 ? " after \(F.duration(r.warmup)) warm-up" : ""
        out += ", seed \(r.seed); ± = 95% confidence half-width\n"
        if let window { out += "window: \(ReportLanguage.en.window(window))\n" }
        out += "\n"
        if !r.pools.isEmpty {
            var t = TextTable(title: "Pools", header: ["pool", "servers", "utilisation", "throughput", "wait mean", "response mean", "p95", "p99", "blocked", "abandoned", "availability"],
                              rightAligned: Set(1...10))
            for p in r.pools {
                t.add([p.id, "\(p.servers)" + (p.concurrency > 1 ? "×\(p.concurrency)" : ""),
                       F.estimate(p.utilization.mean, p.utilization.ci95, F.percent),
                       F.rate(p.throughput.mean),
                       F.duration(p.wait.mean.mean), F.estimate(p.response.mean.mean, p.response.mean.ci95, F.duration),
                       F.duration(p.response.p95), F.duration(p.response.p99),
                       F.percent(p.blockedFraction.mean), F.percent(p.abandonedFraction.mean), F.percent(p.availability.mean)])
            }
            out += t.rendered() + "\n"
        }
        if !r.links.isEmpty {
            var t = TextTable(title: "Links", header: ["link", "direction", "bandwidth", "utilisation", "throughput", "delay mean", "p95"], rightAligned: Set(2...6))
            for l in r.links {
                for (name, d) in [("forward", l.forward), ("reverse", l.reverse)] {
                    t.add([l.id, name, F.bandwidth(l.bandwidth), F.estimate(d.utilization.mean, d.utilization.ci95, F.percent),
                           F.bandwidth(d.throughputBps.mean), F.duration(d.delay.mean.mean), F.duration(d.delay.p95)])
                }
            }
            out += t.rendered() + "\n"
        }
        if !r.limiters.isEmpty {
            var t = TextTable(title: "Limiters (token buckets)", header: ["limiter", "rate", "burst", "demand", "passed", "utilisation", "rejected", "abandoned", "wait mean", "wait p95"],
                              rightAligned: Set(1...9))
            for l in r.limiters {
                t.add([l.id, F.rate(l.rate), F.significant(l.burst), F.rate(l.arrivalRate.mean), F.rate(l.passed.mean),
                       F.estimate(l.utilization.mean, l.utilization.ci95, F.percent),
                       F.estimate(l.rejectedFraction.mean, l.rejectedFraction.ci95, F.percent), F.percent(l.abandonedFraction.mean),
                       F.duration(l.wait.mean.mean), F.duration(l.wait.p95)])
            }
            out += t.rendered() + "\n"
        }
        var w = TextTable(title: "Workloads (end to end)", header: ["workload", "arrived", "completed", "response mean", "p50", "p95", "p99", "lost"], rightAligned: Set(1...7))
        for x in r.workloads {
            w.add([x.id, NumberFormat.grouped(Int64(x.arrived.rounded())), NumberFormat.grouped(Int64(x.completed.rounded())),
                   F.estimate(x.response.mean.mean, x.response.mean.ci95, F.duration),
                   F.duration(x.response.p50), F.duration(x.response.p95), F.duration(x.response.p99),
                   F.estimate(x.lostFraction.mean, x.lostFraction.ci95, F.percent)])
        }
        out += w.rendered()
        let clients = r.workloads.filter(\.hasClient)
        if !clients.isEmpty {
            var t = TextTable(title: "Clients (timeouts and retries; response = first send to success)",
                              header: ["workload", "requests", "attempts", "amplification", "succeeded", "failed", "orphaned", "goodput"],
                              rightAligned: Set(1...7))
            for x in clients {
                t.add([x.id, NumberFormat.grouped(Int64(x.requests.rounded())), NumberFormat.grouped(Int64(x.attempts.mean.rounded())),
                       F.estimate(x.amplification.mean, x.amplification.ci95, F.significant),
                       NumberFormat.grouped(Int64(x.succeeded.mean.rounded())), NumberFormat.grouped(Int64(x.failed.mean.rounded())),
                       NumberFormat.grouped(Int64(x.orphaned.mean.rounded())), F.estimate(x.goodput.mean, x.goodput.ci95, F.rate)])
            }
            out += "\n" + t.rendered()
        }
        if let series = r.series {
            out += "\nSeries: \(series.starts.count) intervals of \(F.duration(series.interval)) (in the JSON results under \"series\")\n"
            for w in series.workloads {
                for rec in w.recovery ?? [] {
                    let text = rec.seconds.map { "recovered \(F.estimate($0.mean, $0.ci95, F.duration)) after it ended" }
                        ?? "did not recover within the run in \(rec.replications - rec.recovered) of \(rec.replications) replications"
                    out += "  \(w.id) after \(rec.event) (ends at \(F.duration(rec.end))): \(text)\n"
                }
            }
        }
        if !r.targets.isEmpty {
            out += "\n" + targetTable(r.targets).rendered()
            let unmet = r.targets.filter { !$0.met }.count
            out += unmet == 0 ? "All \(r.targets.count) targets met (95% bound within the limit).\n"
                              : "\(unmet) of \(r.targets.count) targets NOT met.\n"
            if unmet > 0 { out += unmetExplanation(r) }
        }
        for warning in r.warnings { out += "warning: \(warning)\n" }
        return out
    }

    /// Why `run` may miss a target that `size` and `plan` then meet without buying anything: which unmet targets are
    /// unclear (estimate within the limit, 95% bound above it), and how the commands differ.
    static func unmetExplanation(_ r: RunResults) -> String {
        var out = ""
        let unclear = r.targets.filter { !$0.met && $0.value <= $0.target.limit }
        for t in unclear {
            out += "note: \(t.target.subject.label) \(t.target.metric.rawValue): the estimate is within the limit but its 95% bound is not; "
                + "\(r.replications) replications cannot tell (try --replications \(r.replications * 4)).\n"
        }
        out += "note: run simulates the installed capacity, every server up, with the scenario's replications. size and plan "
            + "simulate n+k reserves out of service and re-simulate unclear estimates with up to 4 × the replications: "
            + "plan may buy nothing for a target that run reports as unclear, and buys what a clearly missed target needs.\n"
        return out
    }

    /// Targets as a table: subject, metric, limit, value, 95% bound, met.
    public static func targetTable(_ targets: [TargetResult]) -> TextTable {
        var t = TextTable(title: "Targets", header: ["subject", "metric", "limit", "value", "95% bound", "met"], rightAligned: [2, 3, 4])
        for x in targets {
            let isFraction = x.target.metric == .maxLost || x.target.metric == .maxUtilization
            func f(_ v: Double) -> String { isFraction ? NumberFormat.percent(v) : NumberFormat.duration(v) }
            t.add([x.target.subject.label, x.target.metric.rawValue, f(x.target.limit), f(x.value), f(x.bound), x.met ? "yes" : "NO"])
        }
        return t
    }
}
