import SimKernel

/// Decides service-level targets from results.
///
/// Every limit is an upper bound ("at most"), so a target is met only when the upper end of the
/// estimate's 95% confidence interval is within the limit: a result that merely looks good on
/// average but could plausibly exceed the limit counts as not met.
public enum TargetEvaluator {
    public static func evaluate(_ targets: [Target], on results: RunResults) -> [TargetResult] {
        targets.compactMap { t in
            guard let (value, halfWidth) = measure(t, in: results) else { return nil }
            let bound = value + halfWidth
            return TargetResult(target: t, value: value, bound: bound, met: bound <= t.limit)
        }
    }

    /// The estimate of latency metric `m`. When requests came (`demand`) but none finished, every latency is
    /// unbounded: infinite, so the target is not met (an empty histogram would read 0 s).
    static func latency(_ l: LatencyEstimate, _ m: Target.Metric, demand: Bool = false) -> (Double, Double)? {
        if demand, l.count == 0, [.mean, .p50, .p95, .p99].contains(m) { return (.infinity, 0) }
        switch m {
        case .mean: return (l.mean.mean, l.mean.ci95)
        case .p50: return (l.p50, l.p50CI95)
        case .p95: return (l.p95, l.p95CI95)
        case .p99: return (l.p99, l.p99CI95)
        default: return nil
        }
    }

    static func measure(_ t: Target, in r: RunResults) -> (Double, Double)? {
        switch t.subject {
        case .workload(let id):
            guard let w = r.workloads.first(where: { $0.id == id }) else { return nil }
            if t.metric == .maxLost { return (w.lostFraction.mean, w.lostFraction.ci95) }
            return latency(w.response, t.metric, demand: w.arrived > 0)
        case .resource(let resource):
            return measure(t.metric, of: resource, in: r)
        }
    }

    static func measure(_ metric: Target.Metric, of resource: ResourceID, in r: RunResults) -> (Double, Double)? {
        switch resource.kind {
        case .pool:
            guard let p = r.pools.first(where: { $0.id == resource.id }) else { return nil }
            switch metric {
            case .maxUtilization: return (p.utilization.mean, p.utilization.ci95)
            case .maxLost:
                let lost = Estimate(mean: p.blockedFraction.mean + p.abandonedFraction.mean,
                                    ci95: p.blockedFraction.ci95 + p.abandonedFraction.ci95)
                return (lost.mean, lost.ci95)
            default: return latency(p.response, metric, demand: p.arrivalRate.mean > 0)
            }
        case .link:
            guard let l = r.links.first(where: { $0.id == resource.id }) else { return nil }
            let busier = l.forward.utilization.upper >= l.reverse.utilization.upper ? l.forward : l.reverse
            switch metric {
            case .maxUtilization: return (busier.utilization.mean, busier.utilization.ci95)
            case .maxLost: return (0, 0)
            default:
                let a = latency(l.forward.delay, metric), b = latency(l.reverse.delay, metric)
                guard let x = a, let y = b else { return a ?? b }
                return x.0 + x.1 >= y.0 + y.1 ? x : y
            }
        case .limiter:
            guard let l = r.limiters.first(where: { $0.id == resource.id }) else { return nil }
            switch metric {
            case .maxUtilization: return (l.utilization.mean, l.utilization.ci95)
            case .maxLost:
                return (l.rejectedFraction.mean + l.abandonedFraction.mean, l.rejectedFraction.ci95 + l.abandonedFraction.ci95)
            default: return latency(l.wait, metric)
            }
        case .storage: return nil   // no simulated target applies to storage
        }
    }
}
