import Foundation
import InfraModel
import Scenario

/// The infeasibility screen of the sizing search: before growing step by step, one simulation with ample capacity
/// on every resource tells whether the unmet targets can be met at all.
///
/// Ample capacity: each pool with 20 × the channels its busiest hour keeps busy (at least a + 10√a + 10 channels for a
/// busy channels, so that even a pure-loss pool with a tiny load loses next to nothing), plus its n+k reserve; each
/// link at its bound (a link's transmission time falls with its bandwidth, and a simulation costs the same at any
/// bandwidth). Both stop at their bound (`max_servers`, `max_bandwidth`, and the simulation's channel limits of
/// `RunLimits`). A target still missed with ample capacity cannot be met within the bounds: the year is infeasible at
/// once, and the diagnosis says whether a bound stopped a resource short of ample or no capacity at all helps. A
/// resource counts as stopped by its bound only when the bound leaves it busier than 25% at the busiest hour (fewer
/// than 4a, or a + 5√a + 5, channels for a busy ones): beyond that, more capacity no longer changes latencies or
/// losses noticeably, and the target is unreachable.
extension SizingSearch {
    /// Ample capacity relative to the busiest offered load.
    static let ampleFactor = 20.0
    /// Capacity relative to the busiest offered load below which a bound counts as what stops a target.
    static let sufficientFactor = 4.0

    /// What the screen found: the ample values, their probe, and, when some target is still missed, why.
    struct Screen {
        var values: SizingValues
        var probe: Probe
        var diagnosis: [Infeasibility]
    }

    /// Ample values (never below `start`) and, per resource that stopped at its bound short of ample, that bound.
    func ample(from start: SizingValues) throws -> (values: SizingValues, limited: [ResourceID: Infeasibility.Limited]) {
        let load = LoadAnalysis(try CompiledModel(model))
        let factor = Self.ampleFactor
        let simulatedPools = simulated.filter { variables[$0].resource.kind == .pool }.count
        let channelShare = RunLimits.standard.maxChannels / max(simulatedPools, 1)
        var values = start
        var limited: [ResourceID: Infeasibility.Limited] = [:]
        for i in simulated {
            let v = variables[i]
            let peak = load.offeredLoad(v.resource)?.peak ?? 0
            switch v.resource.kind {
            case .pool:
                let concurrency = Double(max(model.pools.first { $0.id == v.resource.id }?.concurrency ?? 1, 1))
                let busy = peak.isFinite ? peak * concurrency : Double(RunLimits.standard.maxChannels)
                let channels = max(factor * busy, busy + 10 * busy.squareRoot() + 10)
                let wanted = SizingBounds.whole((channels / concurrency).rounded(.up)) + v.redundancy
                let cap = min(v.bound, max(1, channelShare / Int(concurrency)))
                values[i] = max(start[i], min(wanted, cap))
                let sufficient = max(Self.sufficientFactor * busy, busy + 5 * busy.squareRoot() + 5) / concurrency
                if wanted > cap, Double(cap - v.redundancy) < sufficient {
                    limited[v.resource] = Infeasibility.Limited(resource: v.resource, bound: v.capacity(cap),
                                                                wanted: Double(wanted))
                }
            case .link, .limiter:
                values[i] = max(start[i], v.bound)
                let wanted = peak.isFinite ? factor * peak : .infinity
                if Self.sufficientFactor * peak > v.capacity(v.bound) || !peak.isFinite {
                    limited[v.resource] = Infeasibility.Limited(resource: v.resource, bound: v.capacity(v.bound), wanted: wanted)
                }
            case .storage:
                break
            }
        }
        // Resources that cannot grow (a link without `unit`) are ample only if their capacity covers 20 × the load.
        let sized = Set(variables.map(\.resource))
        for r in model.resources where !sized.contains(r) {
            guard let capacity = model.capacity(of: r), let peak = load.offeredLoad(r)?.peak else { continue }
            if Self.sufficientFactor * peak > capacity {
                limited[r] = Infeasibility.Limited(resource: r, bound: capacity, wanted: factor * peak, fixed: true)
            }
        }
        return (values, limited)
    }

    /// Simulates ample capacity; the diagnosis is empty when every target is met there.
    mutating func screen(from start: SizingValues) throws -> Screen {
        let (values, limited) = try ample(from: start)
        let probe = try self.probe(values)
        var diagnosis: [Infeasibility] = []
        // Closed form first: a resource whose lower bound already exceeds its bound.
        var overBound = Set<ResourceID>()
        for v in variables where !v.closedForm && v.lower > v.bound && v.lowerReason.cause != .installed {
            overBound.insert(v.resource)
            diagnosis.append(Infeasibility(.needExceedsBound(resource: v.resource, needed: v.capacity(v.lower),
                                                             bound: v.capacity(v.bound), why: v.lowerReason)))
        }
        for t in probe.results.targets where !t.met {
            if t.target.metric == .maxUtilization, let r = t.target.subject.resource, overBound.contains(r) { continue }
            let involved = involvedResources(t.target)
            let stopped = involved.compactMap { limited[$0] }
            diagnosis.append(Infeasibility(stopped.isEmpty ? .unreachable(t) : .boundReached(t, limited: stopped)))
        }
        return Screen(values: values, probe: probe, diagnosis: diagnosis)
    }

    /// Every resource a target involves, sized or not: the resource itself, or every resource on a workload's route.
    func involvedResources(_ t: Target) -> [ResourceID] {
        switch t.subject {
        case .resource(let r): return [r]
        case .workload(let id): return scenario.workload(id)?.configuration.resourcesOnRoute ?? []
        }
    }
}
