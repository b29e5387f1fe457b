import InfraModel
import Scenario

/// Finds the smallest configuration that meets every target in one year.
///
/// 1. Closed forms bracket each resource (`SizingBounds`): a necessary lower bound and a
///    generous start that should meet latency targets.
/// 2. In a plan (a search with a floor), every resource at its lower bound is tried first: when that meets every
///    target it is the answer, since no resource may go below its lower bound.
/// 3. The start is simulated. When a target is unmet, a screen simulates ample capacity (`screen(from:)`): a target
///    missed even there cannot be met within the bounds, and the year is infeasible at once, with a diagnosis.
///    Otherwise, while targets are unmet, the busiest resource implicated in each unmet target grows by half (up to
///    its bound; if growth gets stuck, the ample configuration, known to meet every target, is taken).
/// 4. Each resource in turn (most expensive first) is binary-searched between its lower bound and
///    its current value, keeping the others fixed: the result is a configuration in which no
///    single resource can be one step smaller without missing a target.
///
/// Every decision uses `TargetEvaluator` (the 95% bound must be within the limit). When an
/// estimate lies within the limit but its bound does not, the configuration is simulated again
/// with twice the replications, up to four times the scenario's count, before it is rejected.
/// All probes use the scenario seed (common random numbers), and outcomes are cached.
///
/// Closed-form variables (storage) are fixed at their lower bound: no simulated quantity depends on them, so they
/// neither grow, shrink, nor enter the cache key, and a scenario runs the same simulations with or without them.
public struct SizingSearch {
    public let scenario: Scenario
    public let year: Int
    let model: ModelConfiguration
    public let variables: [SizingVariable]
    /// Closed-form resources (storage) whose need exceeds their bound: the year is infeasible.
    public let shortfalls: [CapacityShortfall]
    /// Indices of the variables a simulation depends on (all but the closed-form ones): the probe cache key.
    let simulated: [Int]
    let jobs: Int
    let baseReplications: Int
    /// True when sizing above capacity already bought (a plan year), where the lower bounds are worth a first try.
    let hasFloor: Bool
    /// Results shared with other searches (a study's plans); nil = this search only.
    let shared: SimulationCache?
    var cache: [SizingValues: Probe] = [:]
    /// Simulations run (each with its own replication count).
    public private(set) var simulations = 0
    /// Replications of all the simulations (a doubled count includes the replications it reuses).
    public private(set) var replicationsRun = 0

    struct Probe {
        var met: Bool
        var results: RunResults
    }

    /// - Parameter floor: capacity already bought (plan), per resource in its capacity unit (servers, bit/s).
    public init(scenario: Scenario, year: Int, overrides: RunStudy.Overrides = RunStudy.Overrides(),
                floor: [ResourceID: Double]? = nil, jobs: Int, cache: SimulationCache? = nil) throws {
        self.scenario = scenario
        self.year = year
        var o = overrides
        o.year = year
        model = RunStudy.configuration(scenario, o)
        let storage = SizingBounds.storage(scenario, year: year, floor: floor)
        let all = try SizingBounds.variables(scenario, model: model, floor: floor) + storage.variables
        variables = all
        shortfalls = storage.shortfalls
        simulated = all.indices.filter { !all[$0].closedForm }
        self.jobs = jobs
        shared = cache
        baseReplications = model.simulation.replications
        hasFloor = floor != nil
    }

    /// The configuration for `values`.
    public func configuration(_ values: SizingValues) -> ModelConfiguration {
        var c = model
        for (v, x) in zip(variables, values) { v.apply(x, to: &c) }
        return c
    }

    /// The values a simulation depends on: closed-form variables are left out.
    func cacheKey(_ values: SizingValues) -> SizingValues { simulated.map { values[$0] } }

    mutating func probe(_ values: SizingValues) throws -> Probe {
        let key = cacheKey(values)
        if let p = cache[key] { return p }
        var replications = baseReplications
        var p: Probe
        let c = configuration(values)
        // Replications already simulated for this configuration: doubling the count runs only the new ones
        // (replication r always uses the streams of replication r, so the first ones are the same).
        var samples: [ReplicationResult] = []
        var compiled: CompiledModel?
        while true {
            let results: RunResults
            if let r = shared?.result(c, replications: replications) {
                results = r
            } else {
                let model = try compiled ?? CompiledModel(c)
                compiled = model
                samples += Simulator.replications(model, samples.count..<replications, jobs: jobs)
                results = Simulator.aggregate(model, samples)
                shared?.store(results, c, replications: replications)
            }
            simulations += 1
            replicationsRun += replications
            p = Probe(met: results.allTargetsMet, results: results)
            let ambiguous = results.targets.contains { !$0.met && $0.value <= $0.target.limit }
            if p.met || !ambiguous || replications >= 4 * baseReplications { break }
            replications *= 2
        }
        cache[key] = p
        return p
    }

    /// Resources implicated in a target: the resource itself, or every resource on a workload's route.
    func implicated(_ t: Target) -> [Int] {
        let involved: Set<ResourceID>
        switch t.subject {
        case .resource(let r): involved = [r]
        case .workload(let id): involved = Set(scenario.workload(id)?.configuration.resourcesOnRoute ?? [])
        }
        return simulated.filter { involved.contains(variables[$0].resource) }
    }

    /// Mean simulated utilisation of a variable's resource in `results` (links: the busier direction).
    func utilization(_ i: Int, _ r: RunResults) -> Double { r.utilization(of: variables[i].resource) ?? 0 }

    /// Runs the search.
    public mutating func run() throws -> SizingOutcome {
        var values = try SizingBounds.generous(variables, scenario: scenario, model: model)
        // Every resource at its lower bound (closed forms, and what is installed) cannot be beaten: when that meets
        // every target it is the answer, found with one simulation. In a plan this is last year's purchase carried
        // into a year whose load it still serves.
        let lowest = variables.map(\.lower)
        if hasFloor, lowest != values, shortfalls.isEmpty, variables.allSatisfy({ $0.lower <= $0.bound }) {
            let floorProbe = try self.probe(lowest)
            if floorProbe.met {
                return SizingOutcome(year: year, variables: variables, values: lowest, results: floorProbe.results,
                                     feasible: true, binding: [:], simulations: simulations, replications: replicationsRun)
            }
        }
        var probe = try self.probe(values)
        // Screen: can the unmet targets be met at all? If not even ample capacity meets them, stop at once.
        var ample: Screen?
        if !probe.met {
            let screen = try self.screen(from: values)
            if !screen.diagnosis.isEmpty {
                return SizingOutcome(year: year, variables: variables, values: screen.values, results: screen.probe.results,
                                     feasible: false, binding: [:], simulations: simulations, replications: replicationsRun,
                                     shortfalls: shortfalls,
                                     diagnosis: screen.diagnosis + shortfalls.map { Infeasibility(.storageShortfall($0)) })
            }
            ample = screen
        }
        // Grow until every target is met (the ample values are known to meet them if growth gets stuck).
        while !probe.met {
            var grew = false
            for t in probe.results.targets where !t.met {
                let candidates = implicated(t.target).filter { values[$0] < variables[$0].bound }
                guard let busiest = candidates.max(by: { utilization($0, probe.results) < utilization($1, probe.results) }) else { continue }
                let v = values[busiest]
                values[busiest] = min(variables[busiest].bound, max(v + 1, v + (v + 1) / 2))
                grew = true
            }
            if !grew {
                guard let ample else { break }
                values = ample.values
                probe = ample.probe
                break
            }
            probe = try self.probe(values)
        }
        // Shrink each resource to the smallest value that still meets every target.
        var binding: [Int: [TargetResult]] = [:]
        let order = simulated.sorted { unitCost($0) > unitCost($1) }
        for i in order {
            var lo = variables[i].lower, hi = values[i]   // hi is known to meet
            var failing: [TargetResult] = []
            while lo < hi {
                let mid = (lo + hi) / 2
                var trial = values
                trial[i] = mid
                let p = try self.probe(trial)
                if p.met { hi = mid } else { lo = mid + 1; failing = p.results.targets.filter { !$0.met } }
            }
            values[i] = hi
            if hi > variables[i].lower {
                if failing.isEmpty {
                    var trial = values
                    trial[i] = hi - 1
                    failing = try self.probe(trial).results.targets.filter { !$0.met }
                }
                binding[i] = failing
            }
        }
        let final = try self.probe(values)
        return SizingOutcome(year: year, variables: variables, values: values, results: final.results,
                             feasible: final.met && shortfalls.isEmpty, binding: binding, simulations: simulations,
                             replications: replicationsRun, shortfalls: shortfalls,
                             diagnosis: shortfalls.map { Infeasibility(.storageShortfall($0)) })
    }

    /// Price of one step of a variable's resource (0 when unpriced): the search shrinks dearer resources first.
    func unitCost(_ i: Int) -> Double { scenario.resource(variables[i].resource)?.purchase?.cost ?? 0 }
}

/// What the sizing search found for one year.
public struct SizingOutcome: Sendable {
    public var year: Int
    public var variables: [SizingVariable]
    /// Required value per variable (servers, or link steps over the variable's base).
    public var values: SizingValues
    /// Simulation results of the required configuration.
    public var results: RunResults
    /// False when no configuration within the bounds meets every target, or some storage need exceeds its bound.
    public var feasible: Bool
    /// Per variable above its lower bound: the targets missed one step below its value.
    public var binding: [Int: [TargetResult]]
    public var simulations: Int
    public var replications: Int
    /// Closed-form resources (storage) that cannot reach their need within their bound.
    public var shortfalls: [CapacityShortfall] = []
    /// Why the year is infeasible (empty when it is feasible): which target cannot be met and why.
    public var diagnosis: [Infeasibility] = []

    /// Targets not met by the final configuration.
    public var unmetTargets: [TargetResult] { results.targets.filter { !$0.met } }
}
