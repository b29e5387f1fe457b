import Foundation
import InfraModel
import SimKernel
import Testing

// Shared helpers of the statistical validation suite: the agreement assertion, model builders
// and a runner that also returns each replication's raw measurements.

/// Set CAPSIM_STATS_VERBOSE=1 to print every comparison, not only failing ones.
private let verbose = ProcessInfo.processInfo.environment["CAPSIM_STATS_VERBOSE"] != nil

/// Seed of the statistical models (default 1). Set CAPSIM_STATS_SEED=N to rerun the suite on other
/// random numbers and check that its tolerances are not tuned to one lucky seed.
let suiteSeed: UInt64 = ProcessInfo.processInfo.environment["CAPSIM_STATS_SEED"].flatMap { UInt64($0) } ?? 1

/// Checks that a simulated estimate agrees with a closed form:
///  - the theory lies within the simulation's 95% confidence interval widened by `slack` × theory
///    (plus `absolute`), and
///  - the simulated mean is within `within` × theory (plus `absolute`) of the theory, so that a
///    wide interval cannot hide a wrong engine.
/// On failure the message gives sim, its half-width, theory and the relative error.
func expectAgreement(_ what: String, sim: Estimate, theory: Double, slack: Double = 0.02, within: Double = 0.05,
                     absolute: Double = 0, sourceLocation: SourceLocation = #_sourceLocation) {
    let error = abs(sim.mean - theory)
    let scale = abs(theory)
    let inInterval = error <= sim.ci95 + slack * scale + absolute
    let close = error <= within * scale + absolute
    let relative = scale > 0 ? 100 * error / scale : .infinity
    let message = "\(what): sim \(sim.mean) ± \(sim.ci95) (95% CI), theory \(theory), error \(String(format: "%.2f", relative))%"
        + " [allowed: ci + \(slack * 100)% + \(absolute), and \(within * 100)% + \(absolute)]"
    if verbose { print("[stats] \(message)") }
    #expect(inInterval && close, "\(message)", sourceLocation: sourceLocation)
}

/// The same check for a pooled percentile with the half-width of the per-replication percentiles.
func expectPercentile(_ what: String, pooled: Double, ci95: Double, theory: Double, tolerance: Double = 0.03,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    expectAgreement(what, sim: Estimate(mean: pooled, ci95: ci95), theory: theory, slack: tolerance / 2, within: tolerance,
                    sourceLocation: sourceLocation)
}

/// Simulation settings with `replications` replications of `duration` measured seconds after `warmup`.
func settings(duration: Double, warmup: Double, replications: Int, start: Double = 0) -> SimulationSettings {
    SimulationSettings(duration: duration, warmup: warmup, replications: replications, start: start)
}

/// A single pool "q" at site "dc" fed by one Poisson workload "load" whose route is that pool.
func singlePool(servers: Int, rate: Double, service: Distribution, queueCapacity: Int? = nil,
                patience: Distribution? = nil, failures: FailureModel? = nil,
                simulation: SimulationSettings, seed: UInt64 = suiteSeed, targets: [Target] = []) -> ModelConfiguration {
    ModelConfiguration(
        name: "single-pool", seed: seed, simulation: simulation, sites: ["dc"],
        pools: [PoolConfiguration(id: "q", site: "dc", servers: servers, queueCapacity: queueCapacity,
                                  patience: patience, failures: failures)],
        workloads: [WorkloadConfiguration(id: "load", arrivals: ArrivalPattern(rate: rate),
                                          route: [.pool(id: "q", service: service)])],
        targets: targets)
}

/// Runs every replication on up to `jobs` threads and returns the raw per-replication
/// measurements with their aggregate (the same aggregate `Simulator.run` returns).
func runWithSamples(_ configuration: ModelConfiguration, jobs: Int = 2) throws -> (samples: [ReplicationResult], results: RunResults) {
    let model = try CompiledModel(configuration)
    let samples = ReplicationRunner.run(count: configuration.simulation.replications, jobs: jobs) { r in
        Simulator.runReplication(model, index: r)
    }
    return (samples, Simulator.aggregate(model, samples))
}

/// Compiles and runs a configuration.
func simulate(_ configuration: ModelConfiguration, jobs: Int = 2) throws -> RunResults {
    Simulator.run(try CompiledModel(configuration), jobs: jobs)
}

/// Share of recorded values that are exactly zero (e.g. requests that did not wait), found from
/// the public percentile function: value(atPercentile: p) is 0 exactly while p% of the values are zeros.
func zeroShare(_ h: LatencyHistogram) -> Double {
    guard h.count > 0 else { return 0 }
    if h.value(atPercentile: 100) == 0 { return 1 }
    var lo = 0.0, hi = 100.0
    for _ in 0..<64 {
        let mid = (lo + hi) / 2
        if h.value(atPercentile: mid) == 0 { lo = mid } else { hi = mid }
    }
    return lo / 100
}

/// Mean and 95% half-width of a per-replication quantity.
func estimate(_ samples: [ReplicationResult], _ f: (ReplicationResult) -> Double) -> Estimate {
    Estimate(replicationValues: samples.map(f))
}
