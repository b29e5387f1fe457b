import InfraModel
import Scenario

/// What `capsim plan` does: size every year of the horizon without ever removing what was bought,
/// and turn the yearly additions into procurement items per agency with costs.
public enum PlanStudy {
    /// - Parameters:
    ///   - cache: simulation results shared with other plans of a study.
    ///   - limits: checked before anything is simulated (`StudyGuard`).
    ///   - stopAtInfeasibleYear: plan no year after the first one that cannot meet its targets (a study that
    ///     discards infeasible futures): the plan's capacity then ends with that year.
    public static func run(_ scenario: Scenario, _ overrides: RunStudy.Overrides = RunStudy.Overrides(), jobs: Int,
                           cache: SimulationCache? = nil,
                           progress: (@Sendable (Int, Int) -> Void)? = nil, limits: RunLimits = .standard,
                           stopAtInfeasibleYear: Bool = false) throws -> ProcurementPlan {
        try StudyGuard.check(scenario, overrides, study: .plan, limits: limits)
        let resources = scenario.resources
        var installed = Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0.installed) })
        let years = Array(scenario.horizon.years)
        var items: [ProcurementItem] = []
        var capacity: [YearCapacity] = []
        for (k, year) in years.enumerated() {
            var o = overrides
            o.year = year
            var search = try SizingSearch(scenario: scenario, year: year, overrides: o, floor: installed, jobs: jobs, cache: cache)
            let outcome = try search.run()
            guard outcome.feasible else {
                // An infeasible year buys nothing: what it tried is kept apart, with the diagnosis.
                capacity.append(infeasibleYear(scenario, outcome, search: search, installed: installed))
                progress?(k + 1, years.count)
                if stopAtInfeasibleYear { break }
                continue
            }
            let before = try offeredUtilization(scenario, year: year, overrides: o, installed: installed)
                .merging(storageFill(scenario, year: year, installed: installed)) { $1 }
            var after = installed
            for (v, x) in zip(outcome.variables, outcome.values) where x > installedSteps(v, installed) {
                after[v.resource] = v.capacity(x)
            }
            let afterUtilization = try offeredUtilization(scenario, year: year, overrides: o, installed: after)
                .merging(storageFill(scenario, year: year, installed: after)) { $1 }
            // n+k pools: the same with the reserve out of service.
            var afterDown = after
            for v in outcome.variables where v.redundancy > 0 {
                afterDown[v.resource] = max((after[v.resource] ?? 0) - Double(v.redundancy) * v.step, 1)
            }
            let downUtilization = try offeredUtilization(scenario, year: year, overrides: o, installed: afterDown)
            for (i, v) in outcome.variables.enumerated() {
                let value = outcome.values[i]
                let old = installedSteps(v, installed)
                guard value > old, let spec = scenario.resource(v.resource) else { continue }
                let quantity = value - old
                let unitCost = spec.purchase?.cost ?? 0
                var why = reason(outcome, i)
                if v.redundancy > 0, v.resource.kind == .pool {
                    why.reserve = v.redundancy
                    why.reserveCase = PurchaseReason.ReserveCase(servers: Int(v.capacity(value)), down: v.redundancy,
                                                                 utilization: downUtilization[v.resource] ?? 0)
                }
                items.append(ProcurementItem(
                    year: year, kind: spec.purchase?.kind ?? .servers, resource: v.resource, site: spec.site,
                    toSite: spec.toSite, agency: spec.agency, quantity: quantity, addedCapacity: Double(quantity) * v.step,
                    unitCost: unitCost, cost: Double(quantity) * unitCost,
                    opexPerYear: Double(quantity) * (spec.purchase?.opexPerYear ?? 0),
                    capacityBefore: installed[v.resource] ?? 0, capacityAfter: v.capacity(value),
                    utilizationBefore: before[v.resource] ?? 0, utilizationAfter: afterUtilization[v.resource] ?? 0,
                    reason: why, unpriced: spec.purchase == nil))
                installed[v.resource] = v.capacity(value)
            }
            let load = LoadAnalysis(try CompiledModel(search.configuration(outcome.values)))
            var demand: [ResourceID: Double] = [:]
            for (p, pool) in scenario.pools.enumerated() {
                demand[.pool(pool.id)] = load.pools[p].meanUtilization * Double(outcome.results.pools[p].servers)
            }
            for storage in scenario.storage { demand[.storage(storage.id)] = scenario.storageNeed(storage, year: year) }
            capacity.append(YearCapacity(
                year: year, capacity: resources.map { ($0.id, installed[$0.id] ?? 0) }, demand: demand,
                results: outcome.results, configuration: search.configuration(outcome.values), feasible: outcome.feasible,
                simulations: outcome.simulations, replications: outcome.replications, shortfalls: outcome.shortfalls))
            progress?(k + 1, years.count)
        }
        let last = years.last ?? scenario.horizon.baseYear
        let energyLines = EnergyCost.lines(scenario, capacity: capacity)
        let energy = EnergyCost.byAgency(energyLines)
        let agencies = scenario.agencies.compactMap { a -> AgencyPlan? in
            let mine = items.filter { $0.agency == a.id }
            let power = energy[a.id] ?? [:]
            // An agency with nothing to buy still pays for the energy of its servers.
            guard !mine.isEmpty || EnergyCost.total(power) > 0 else { return nil }
            var plan = AgencyPlan(id: a.id, name: a.name, totalCost: totalCost(mine, lastYear: last) + EnergyCost.total(power),
                                  items: mine)
            plan.energy = power
            return plan
        }
        let c = RunStudy.configuration(scenario, overrides)
        var plan = ProcurementPlan(
            scenario: scenario.name, currency: scenario.currency, years: years,
            totalCost: agencies.reduce(0) { $0 + $1.totalCost }, agencies: agencies, capacity: capacity,
            seed: c.seed, replicationsPerRun: c.simulation.replications, duration: c.simulation.duration, warmup: c.simulation.warmup,
            overrides: scenario.overrides)
        plan.energy = energyLines
        plan.window = SimulationWindow(scenario, overrides)
        return plan
    }

    /// The record of a year that cannot meet its targets within the bounds: nothing bought, the capacity installed
    /// so far, and the configuration tried for the diagnosis with its results.
    static func infeasibleYear(_ scenario: Scenario, _ outcome: SizingOutcome, search: SizingSearch,
                               installed: [ResourceID: Double]) -> YearCapacity {
        var demand: [ResourceID: Double] = [:]
        if let load = try? LoadAnalysis(CompiledModel(search.configuration(outcome.values))) {
            for (p, pool) in scenario.pools.enumerated() where p < outcome.results.pools.count {
                demand[.pool(pool.id)] = load.pools[p].meanUtilization * Double(outcome.results.pools[p].servers)
            }
        }
        for storage in scenario.storage { demand[.storage(storage.id)] = scenario.storageNeed(storage, year: outcome.year) }
        var year = YearCapacity(
            year: outcome.year, capacity: scenario.resources.map { ($0.id, installed[$0.id] ?? 0) }, demand: demand,
            results: outcome.results, configuration: search.configuration(outcome.values), feasible: false, simulations: outcome.simulations, replications: outcome.replications,
            shortfalls: outcome.shortfalls)
        year.diagnosis = outcome.diagnosis
        year.tried = zip(outcome.variables, outcome.values).map { ($0.resource, $0.capacity($1)) }
        return year
    }

    /// The value of variable `v` that the capacity in `installed` amounts to (whole steps above its base).
    static func installedSteps(_ v: SizingVariable, _ installed: [ResourceID: Double]) -> Int {
        Int((((installed[v.resource] ?? 0) - v.base) / v.step).rounded())
    }

    /// Items' cost plus each item's opex in every later year up to `lastYear`.
    public static func totalCost(_ items: [ProcurementItem], lastYear: Int) -> Double {
        items.reduce(0) { $0 + $1.cost + $1.opexPerYear * Double(max(0, lastYear - $1.year)) }
    }

    /// Offered utilisation (closed form: offered load / capacity) of every resource in `year` on the `installed`
    /// capacity (links: the busier direction).
    static func offeredUtilization(_ s: Scenario, year: Int, overrides: RunStudy.Overrides,
                                   installed: [ResourceID: Double]) throws -> [ResourceID: Double] {
        var c = RunStudy.configuration(s, overrides)
        for r in c.resources {
            let value = installed[r] ?? 0
            c.setCapacity(r.kind == .pool ? Double(max(Int(value), 1)) : max(value, 1), of: r)
        }
        let load = LoadAnalysis(try CompiledModel(c))
        var out: [ResourceID: Double] = [:]
        for r in c.resources { out[r] = load.meanUtilization(r) }
        return out
    }

    /// Fill of every storage resource in `year` on the `installed` capacity: data × copies / capacity (the share
    /// of usable capacity that holds data; 1 − headroom or less once the need is met).
    static func storageFill(_ s: Scenario, year: Int, installed: [ResourceID: Double]) -> [ResourceID: Double] {
        var out: [ResourceID: Double] = [:]
        for storage in s.storage {
            let capacity = installed[.storage(storage.id)] ?? storage.installed
            let raw = s.storedData(storage, year: year) * storage.copies
            out[.storage(storage.id)] = capacity > 0 ? raw / capacity : (raw > 0 ? .infinity : 0)
        }
        return out
    }

    /// Why variable `i` has its value in `outcome`: the target one step less would miss, or the closed form.
    static func reason(_ outcome: SizingOutcome, _ i: Int) -> PurchaseReason {
        let v = outcome.variables[i]
        if let missed = outcome.binding[i], let t = missed.first {
            return PurchaseReason(.missedTarget(t), kind: v.resource.kind, reserve: v.redundancy)
        }
        return v.lowerReason
    }
}
