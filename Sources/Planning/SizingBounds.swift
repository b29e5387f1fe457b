import Foundation
import InfraModel
import Queueing
import Scenario

/// Closed-form brackets for the sizing search: a lower bound that every feasible configuration
/// must reach (stability and utilisation targets, from offered load), and a generous starting
/// point that queueing theory expects to meet latency targets (Erlang C with little waiting).
enum SizingBounds {
    /// Sizing variables for every resource of `scenario` that can grow, in a year whose model is `model`,
    /// never below `floor`.
    /// - Parameter floor: capacity already bought (plan), per resource in its capacity unit; nil when sizing
    ///   from nothing (`capsim size`).
    static func variables(_ scenario: Scenario, model: ModelConfiguration,
                          floor: [ResourceID: Double]?) throws -> [SizingVariable] {
        let load = LoadAnalysis(try CompiledModel(model))
        return scenario.resources.compactMap { spec in
            guard let step = spec.step, step > 0, let offered = load.offeredLoad(spec.id)?.mean else { return nil }
            let limit = utilizationLimit(scenario, spec.id)
            switch spec.id.kind {
            case .pool:
                var lower = offered > 0 ? whole(offered.rounded(.down)) + 1 : 1
                var reason = PurchaseReason.Cause.stability(offered: offered)
                if let limit {
                    let need = whole((offered / limit - 1e-9).rounded(.up))
                    if need >= lower { lower = need; reason = .utilizationLimit(limit: limit, offered: offered) }
                }
                lower = max(lower, 1) + spec.reserve
                var why = PurchaseReason(reason, kind: .pool, reserve: spec.reserve)
                if let f = floor?[spec.id], whole(f) > lower { lower = whole(f); why = PurchaseReason(.installed, kind: .pool) }
                // Never more channels than a simulation may hold (RunLimits), whatever max_servers says.
                let concurrency = scenario.pool(spec.id.id)?.configuration.concurrency ?? 1
                let bound = min(whole(spec.maximum), max(1, RunLimits.standard.maxChannelsPerPool / max(concurrency, 1)))
                return SizingVariable(resource: spec.id, lower: lower, bound: bound, base: 0, step: step,
                                      redundancy: spec.reserve, lowerReason: why)
            case .link, .limiter:
                let base = floor?[spec.id] ?? 0
                let effective = limit ?? 1
                var steps = whole(((offered / effective - base) / step).rounded(.down)) + 1
                if offered / effective <= base { steps = 0 }
                steps = max(steps, floor == nil ? 1 : 0)
                let bound = whole(((spec.maximum - base) / step).rounded(.down))
                let cause: PurchaseReason.Cause = effective < 1 ? .utilizationLimit(limit: effective, offered: offered)
                                                                : .stability(offered: offered)
                return SizingVariable(resource: spec.id, lower: steps, bound: max(bound, steps), base: base, step: step,
                                      redundancy: 0, lowerReason: PurchaseReason(cause, kind: spec.id.kind))
            case .storage:
                return nil   // no offered load; see `storage(_:year:floor:)`
            }
        }
    }

    /// A starting configuration expected to meet latency targets: each pool with enough servers
    /// that Erlang C gives at most 5% waiting at the busiest rate, each link at most 50% busy at peak, each limiter
    /// with twice the busiest token demand.
    static func generous(_ vars: [SizingVariable], scenario: Scenario, model: ModelConfiguration) throws -> SizingValues {
        let load = LoadAnalysis(try CompiledModel(model))
        return vars.map { v in
            switch v.resource.kind {
            case .pool:
                guard let i = model.pools.firstIndex(where: { $0.id == v.resource.id }) else { return v.lower }
                let cfg = model.pools[i]
                let availability = cfg.availability
                let channels = (Double(cfg.servers) * Double(cfg.concurrency)) * availability
                let peak = load.pools[i].peakUtilization.isFinite ? load.pools[i].peakUtilization * channels : 0
                var c = max(whole(peak.rounded(.down)) + 1, 1)
                while c < 1_000_000, let pw = try? ErlangC.probabilityOfWait(servers: c, offeredLoad: peak), pw > 0.05 { c += max(1, c / 50) }
                let servers = whole((Double(c) / (Double(cfg.concurrency) * availability)).rounded(.up)) + v.redundancy
                return min(max(servers, v.lower), v.bound)
            case .link, .limiter:
                let demand = load.offeredLoad(v.resource)?.peak ?? 0
                let steps = whole(((2 * demand - v.base) / v.step).rounded(.up))
                return min(max(steps, v.lower), v.bound)
            case .storage:
                return v.lower
            }
        }
    }

    /// `x` as a whole number for the search, kept within ±2^52 so that absurd loads (a service time of 10^300 s)
    /// give an infeasible search instead of an overflow; NaN counts as the largest.
    static func whole(_ x: Double) -> Int {
        let limit = 4_503_599_627_370_496.0  // 2^52
        guard !x.isNaN else { return Int(limit) }
        return Int(min(max(x, -limit), limit))
    }

    /// The tightest `max_utilization` target on `resource`, if any.
    static func utilizationLimit(_ s: Scenario, _ resource: ResourceID) -> Double? {
        s.targets.filter { $0.subject == .resource(resource) && $0.metric == .maxUtilization }.map(\.limit).min()
    }
}
