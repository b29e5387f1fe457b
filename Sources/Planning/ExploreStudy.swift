import Foundation
import InfraModel
import Scenario
import SimKernel

/// What `capsim explore` does: plan many futures drawn from the scenario's `uncertainty:` block, and read budget
/// percentiles, purchase probabilities, a robust plan and one-at-a-time sensitivity from them.
///
/// Every run is a whole `plan` with the scenario's simulation seed (common random numbers: differences between
/// runs come from the inputs, not from simulation noise), except the noise-check runs, which replan a few samples
/// with a second seed to measure that noise. Runs are independent and numbered; any subset can be executed
/// anywhere (shards), and the analysis is a pure function of all their results.
public struct ExploreStudy: Sendable {
    /// Settings that override the scenario's `uncertainty:` block.
    public struct Options: Sendable {
        public var samples: Int?
        public var method: UncertaintySpec.Method?
        public var quantile: Double?
        /// Seed of the sample design (default: the block's `seed`, else the scenario's seed).
        public var designSeed: UInt64?
        public var noiseCheck: Int?
        /// Simulation settings for every plan (seed, replications, duration).
        public var simulation: RunStudy.Overrides

        public init(samples: Int? = nil, method: UncertaintySpec.Method? = nil, quantile: Double? = nil,
                    designSeed: UInt64? = nil, noiseCheck: Int? = nil, simulation: RunStudy.Overrides = RunStudy.Overrides()) {
            self.samples = samples
            self.method = method
            self.quantile = quantile
            self.designSeed = designSeed
            self.noiseCheck = noiseCheck
            self.simulation = simulation
        }
    }

    /// Why a study cannot run.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public let source: ScenarioSource
    /// The scenario as planned when nothing is uncertain (with the `--set` overrides).
    public let scenario: Scenario
    /// The uncertainty block with the options applied.
    public let spec: UncertaintySpec
    public let design: ExploreDesign
    public let runs: [ExploreRunSpec]
    public let designSeed: UInt64
    /// The simulation seed of the noise-check runs.
    public let noiseSeed: UInt64
    public let simulation: RunStudy.Overrides
    /// The options as given (what a shard file records to rebuild the study elsewhere).
    public let options: Options

    /// Sets up the study of the scenario at `source` with `overrides` (`--set`) applied.
    public init(source: ScenarioSource, overrides: [ScenarioOverride] = [], options: Options = Options()) throws {
        let scenario = try source.scenario(overrides: overrides)
        guard var spec = scenario.uncertainty else {
            throw Failure(description: "\(source.path): error: the scenario has no 'uncertainty:' block; explore needs one (see the README, \"What-ifs and uncertainty\")")
        }
        if let n = options.samples { spec.samples = n }
        if let m = options.method { spec.method = m }
        if let q = options.quantile { spec.quantile = q }
        if let m = options.noiseCheck { spec.noiseCheck = m }
        if spec.method == .grid, let bad = spec.inputs.first(where: { $0.distribution.levels == nil }) {
            throw Failure(description: "method grid needs listed values for every input; '\(bad.path)' has a distribution")
        }
        if spec.method == .sobol, spec.inputs.count > SobolSequence.maximumDimensions {
            throw Failure(description: "method sobol takes at most \(SobolSequence.maximumDimensions) inputs, the scenario has \(spec.inputs.count); use lhs")
        }
        let configuration = RunStudy.configuration(scenario, options.simulation)
        designSeed = options.designSeed ?? spec.seed ?? scenario.seed
        noiseSeed = StreamSeed.derive(scenarioSeed: configuration.seed, replication: 0, stream: StreamSeed.id(of: "explore:noise"))
        do {
            design = try ExploreDesign(spec, method: spec.method, samples: spec.samples, seed: designSeed)
        } catch {
            throw Failure(description: "\(error)")
        }
        spec.samples = design.values.count
        spec.noiseCheck = min(spec.noiseCheck, spec.samples)
        self.source = source
        self.scenario = scenario
        self.spec = spec
        self.simulation = options.simulation
        self.options = options
        runs = Self.runList(spec: spec, design: design)
    }

    /// Samples, then the base run, then low and high per input, then the noise runs.
    static func runList(spec: UncertaintySpec, design: ExploreDesign) -> [ExploreRunSpec] {
        var runs: [ExploreRunSpec] = []
        let base = spec.inputs.map(\.base)
        for (i, row) in design.values.enumerated() { runs.append(ExploreRunSpec(index: runs.count, role: .sample(i), inputs: row)) }
        runs.append(ExploreRunSpec(index: runs.count, role: .base, inputs: base))
        for (k, input) in spec.inputs.enumerated() {
            let (low, high) = input.distribution.sensitivityRange
            var lowRow = base, highRow = base
            lowRow[k] = low
            highRow[k] = high
            runs.append(ExploreRunSpec(index: runs.count, role: .low(input: k), inputs: lowRow))
            runs.append(ExploreRunSpec(index: runs.count, role: .high(input: k), inputs: highRow))
        }
        for i in 0..<spec.noiseCheck {
            runs.append(ExploreRunSpec(index: runs.count, role: .noise(sample: i), inputs: design.values[i]))
        }
        return runs
    }

    /// The overrides that put `inputs` into the scenario: for every value an input's path names, the drawn value
    /// (replace) or the value times the factor, kept within the value's valid range. Factors on the same value
    /// multiply (a price and an exchange rate), in the order the inputs are listed.
    public func overrides(for inputs: [Double]) -> [ScenarioOverride] {
        var values: [ScenarioPath: (kind: ValueKind, value: Double)] = [:]
        var order: [ScenarioPath] = []
        for (input, x) in zip(spec.inputs, inputs) {
            for (path, base) in input.baseValues {
                let current = values[path]?.value ?? base
                if values[path] == nil { order.append(path) }
                values[path] = (input.kind, input.effect == .factor ? current * x : x)
            }
        }
        return scenario.overrides + order.map { path in
            let (kind, value) = values[path]!
            return ScenarioOverride(path: path, value: kind.text(kind.clamped(value)))
        }
    }

    /// Checks the estimated work of the whole study (every run a plan like the scenario's as written) against
    /// `limits` before anything is simulated (`StudyGuard`).
    public func checkWork(limits: RunLimits) throws {
        try StudyGuard.check(scenario, simulation, study: .explore(runs: runs.count), limits: limits)
    }

    /// Plans one run; `limits` apply to its plan (the variant's own loads).
    public func execute(_ run: ExploreRunSpec, cache: SimulationCache? = nil, limits: RunLimits = .standard) throws -> ExploreRunResult {
        let variant = try source.scenario(overrides: overrides(for: run.inputs), collectInputs: false)
        var settings = simulation
        if case .noise = run.role { settings.seed = noiseSeed }
        // An infeasible future is left out of the analysis, so its plan stops at its first infeasible year.
        let plan = try PlanStudy.run(variant, settings, jobs: 1, cache: cache, limits: limits, stopAtInfeasibleYear: true)
        let agencies = scenario.agencies.map { a in plan.agencies.first { $0.id == a.id }?.totalCost ?? 0 }
        let resources = scenario.resources.map(\.id)
        // Years after the stop keep the capacity of the last year planned (nothing bought).
        let planned = plan.capacity.map { year in resources.map { year.capacity(of: $0) ?? 0 } }
        let capacity = resources.indices.map { r in
            plan.years.indices.map { y in planned.isEmpty ? 0 : planned[min(y, planned.count - 1)][r] }
        }
        return ExploreRunResult(index: run.index, role: run.role, inputs: run.inputs, feasible: plan.feasible,
                                infeasibleFrom: plan.infeasibleYears.first,
                                totalCost: plan.totalCost, agencies: agencies, yearCosts: plan.years.map { plan.cost(inYear: $0) },
                                capacity: capacity)
    }

    /// Plans `selected` runs (all by default) on up to `jobs` threads; results come back in run order whatever
    /// `jobs` is.
    /// - Parameters:
    ///   - limits: apply to every run's plan.
    ///   - progress: called with the number of runs finished.
    public func execute(_ selected: [ExploreRunSpec]? = nil, jobs: Int, cache: SimulationCache = SimulationCache(),
                        limits: RunLimits = .standard,
                        progress: (@Sendable (Int) -> Void)? = nil) throws -> [ExploreRunResult] {
        let list = selected ?? runs
        // Longest first: the plans of the heaviest futures start first, so that no thread is left with a long plan
        // while the others are idle. Results go back in run order, so the order of work changes nothing else.
        let order = jobs > 1 ? longestFirst(list) : Array(list.indices)
        let outcomes = ReplicationRunner.run(count: list.count, jobs: jobs, progress: progress) { k -> Result<ExploreRunResult, ExploreRunError> in
            let i = order[k]
            do {
                return .success(try execute(list[i], cache: cache, limits: limits))
            } catch {
                return .failure(ExploreRunError(index: list[i].index, message: "\(error)"))
            }
        }
        var inRunOrder = outcomes
        for (k, i) in order.enumerated() { inRunOrder[i] = outcomes[k] }
        return try inRunOrder.map { try $0.get() }
    }

    /// Indices of `list` by decreasing expected work: per year of the horizon, the events of a simulation of the
    /// run's future (`WorkEstimate`) × the offered utilisation of its busiest pool on the installed capacity (at
    /// least 1): a heavier future simulates more and, overloaded, needs more simulations to size. A run whose future
    /// cannot be read comes first (it fails at once).
    func longestFirst(_ list: [ExploreRunSpec]) -> [Int] {
        let years = Array(scenario.horizon.years)
        let work = list.map { run -> Double in
            guard let variant = try? source.scenario(overrides: overrides(for: run.inputs), collectInputs: false) else {
                return .infinity
            }
            return years.reduce(0) { total, year in
                var o = simulation
                o.year = year
                let configuration = RunStudy.configuration(variant, o)
                let events = WorkEstimate(variant, year: year, simulation: configuration.simulation).events
                let busiest = (try? CompiledModel(configuration)).map { LoadAnalysis($0).pools.map(\.meanUtilization).max() ?? 0 } ?? 0
                return total + events * max(1, busiest.isFinite ? busiest : 1)
            }
        }
        return list.indices.sorted { work[$0] > work[$1] || (work[$0] == work[$1] && $0 < $1) }
    }
}

/// A run of a study that could not be planned.
public struct ExploreRunError: Error, Sendable, CustomStringConvertible {
    public var index: Int
    public var message: String
    public var description: String { "explore run \(index): \(message)" }
}
