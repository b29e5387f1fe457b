import InfraModel
import Scenario

/// What `capsim plan` does: size every year of the horizon without ever removing what was bought,
/// and turn the yearly additions into procurement items per agency with costs.
public enum PlanStudy {
    public static func run(_ scenario: Scenario, _ overrides: RunStudy.Overrides = RunStudy.Overrides(), jobs: Int,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ProcurementPlan {
        var installed: [String: Double] = [:]
        for p in scenario.pools { installed[p.id] = Double(p.configuration.servers) }
        for l in scenario.links { installed[l.id] = l.configuration.bandwidth }
        let years = Array(scenario.horizon.years)
        var items: [ProcurementItem] = []
        var capacity: [YearCapacity] = []
        for (k, year) in years.enumerated() {
            var o = overrides
            o.year = year
            var search = try SizingSearch(scenario: scenario, year: year, overrides: o, floor: installed, jobs: jobs)
            let outcome = try search.run()
            let before = try offeredUtilization(scenario, year: year, overrides: o, installed: installed)
            var after = installed
            for (v, x) in zip(outcome.variables, outcome.values) {
                switch v.kind {
                case .pool(let p): after[scenario.pools[p].id] = max(Double(x), installed[scenario.pools[p].id] ?? 0)
                case .link(let l): if x > 0 { after[scenario.links[l].id] = v.bandwidth(x) }
                }
            }
            let afterUtilization = try offeredUtilization(scenario, year: year, overrides: o, installed: after)
            for (i, v) in outcome.variables.enumerated() {
                let value = outcome.values[i]
                switch v.kind {
                case .pool(let p):
                    let spec = scenario.pools[p]
                    let old = Int(installed[spec.id] ?? 0)
                    guard value > old else { continue }
                    let unit = spec.unit
                    items.append(ProcurementItem(
                        year: year, kind: .servers, resource: spec.id, site: spec.site, toSite: nil, agency: spec.agency,
                        quantity: value - old, unitCost: unit?.cost ?? 0, cost: Double(value - old) * (unit?.cost ?? 0),
                        opexPerYear: Double(value - old) * (unit?.opexPerYear ?? 0), bandwidthBps: nil,
                        capacityBefore: Double(old), capacityAfter: Double(value),
                        utilizationBefore: before[v.label] ?? 0, utilizationAfter: afterUtilization[v.label] ?? 0,
                        reason: reason(outcome, i)))
                    installed[spec.id] = Double(value)
                case .link(let l):
                    let spec = scenario.links[l]
                    guard value > 0, let unit = spec.unit else { continue }
                    let old = installed[spec.id] ?? 0
                    let cost = Double(value) * unit.costPerYear
                    items.append(ProcurementItem(
                        year: year, kind: .bandwidth, resource: spec.id, site: spec.configuration.from, toSite: spec.configuration.to,
                        agency: spec.owner, quantity: value, unitCost: unit.costPerYear, cost: cost, opexPerYear: cost,
                        bandwidthBps: Double(value) * unit.stepBps, capacityBefore: old, capacityAfter: v.bandwidth(value),
                        utilizationBefore: before[v.label] ?? 0,
                        utilizationAfter: afterUtilization[v.label] ?? 0,
                        reason: reason(outcome, i)))
                    installed[spec.id] = v.bandwidth(value)
                }
            }
            let load = LoadAnalysis(try CompiledModel(search.configuration(outcome.values)))
            capacity.append(YearCapacity(
                year: year,
                servers: scenario.pools.map { ($0.id, Int(installed[$0.id] ?? 0)) },
                bandwidth: scenario.links.map { ($0.id, installed[$0.id] ?? 0) },
                demand: scenario.pools.indices.map { p in
                    let cfg = outcome.results.pools[p]
                    return (scenario.pools[p].id, load.pools[p].meanUtilization * Double(cfg.servers))
                },
                results: outcome.results, feasible: outcome.feasible,
                simulations: outcome.simulations, replications: outcome.replications))
            progress?(k + 1, years.count)
        }
        let last = years.last ?? scenario.horizon.baseYear
        let agencies = scenario.agencies.compactMap { a -> AgencyPlan? in
            let mine = items.filter { $0.agency == a.id }
            guard !mine.isEmpty else { return nil }
            return AgencyPlan(id: a.id, name: a.name, totalCost: totalCost(mine, lastYear: last), items: mine)
        }
        let c = RunStudy.configuration(scenario, overrides)
        return ProcurementPlan(
            scenario: scenario.name, currency: scenario.currency, years: years,
            totalCost: agencies.reduce(0) { $0 + $1.totalCost }, agencies: agencies, capacity: capacity,
            seed: c.seed, replicationsPerRun: c.simulation.replications, duration: c.simulation.duration, warmup: c.simulation.warmup)
    }

    /// Items' cost plus each item's opex in every later year up to `lastYear`.
    public static func totalCost(_ items: [ProcurementItem], lastYear: Int) -> Double {
        items.reduce(0) { $0 + $1.cost + $1.opexPerYear * Double(max(0, lastYear - $1.year)) }
    }

    /// Offered utilisation (closed form: offered load / capacity) in `year` on the `installed` capacity.
    static func offeredUtilization(_ s: Scenario, year: Int, overrides: RunStudy.Overrides,
                                  installed: [String: Double]) throws -> [String: Double] {
        var c = RunStudy.configuration(s, overrides)
        for i in c.pools.indices { c.pools[i].servers = max(Int(installed[c.pools[i].id] ?? 0), 1) }
        for i in c.links.indices { c.links[i].bandwidth = max(installed[c.links[i].id] ?? 0, 1) }
        let load = LoadAnalysis(try CompiledModel(c))
        var out: [String: Double] = [:]
        for (i, p) in c.pools.enumerated() { out["pool:\(p.id)"] = load.pools[i].meanUtilization }
        for (i, l) in c.links.enumerated() {
            out["link:\(l.id)"] = max(load.directions[2 * i].meanUtilization, load.directions[2 * i + 1].meanUtilization)
        }
        return out
    }

    /// Why variable `i` has its value in `outcome`.
    static func reason(_ outcome: SizingOutcome, _ i: Int) -> String {
        if let missed = outcome.binding[i], let t = missed.first {
            let what = t.target.metric == .maxLost || t.target.metric == .maxUtilization ? "\(pct(t.value))" : "\(secs(t.value))"
            let limit = t.target.metric == .maxLost || t.target.metric == .maxUtilization ? pct(t.target.limit) : secs(t.target.limit)
            return "\(t.target.subject.label) \(t.target.metric.rawValue) would be \(what) (limit \(limit)) with one step less"
        }
        return outcome.variables[i].lowerReason
    }

    static func pct(_ x: Double) -> String { "\((x * 1000).rounded() / 10)%" }
    static func secs(_ x: Double) -> String { x < 1 ? "\(Int((x * 1000).rounded())) ms" : "\((x * 100).rounded() / 100) s" }
}
