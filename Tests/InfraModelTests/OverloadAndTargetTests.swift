import InfraModel
import SimKernel
import Testing

@Test("An overloaded pool (ρ = 1.5, unlimited queue) still finishes and is named in the warnings")
func overloadIsReportedAndTerminates() throws {
    let configuration = ModelConfiguration(
        name: "overload", seed: suiteSeed, simulation: settings(duration: 2_000, warmup: 0, replications: 6), sites: ["dc"],
        pools: [PoolConfiguration(id: "hot", site: "dc", servers: 2), PoolConfiguration(id: "cool", site: "dc", servers: 4)],
        workloads: [WorkloadConfiguration(id: "w", arrivals: ArrivalPattern(rate: 3),
                                          route: [.pool(id: "cool", service: .exponential(mean: 0.5)),
                                                  .pool(id: "hot", service: .exponential(mean: 1))])])
    let model = try CompiledModel(configuration)
    let load = LoadAnalysis(model)
    #expect(abs(load.pools[0].meanUtilization - 1.5) < 1e-12)
    #expect(load.pools[0].unboundedQueue)
    #expect(abs(load.pools[1].meanUtilization - 0.375) < 1e-12)
    #expect(load.overloadWarnings().count == 1)
    #expect(load.overloadWarnings().first?.contains("pool:hot") == true)

    let r = Simulator.run(model, jobs: 2)
    #expect(r.warnings.contains { $0.contains("pool:hot") }, "warnings: \(r.warnings)")
    #expect(!r.warnings.contains { $0.contains("pool:cool") }, "warnings: \(r.warnings)")
    // The server works all the time at capacity; the backlog grows by (λ − cμ) t.
    #expect(r.pools[0].utilization.mean > 0.98)
    expectAgreement("overloaded throughput = capacity", sim: r.pools[0].throughput, theory: 2, slack: 0.02, within: 0.04)
    expectAgreement("backlog grows linearly: mean queue ≈ (λ − cμ) T / 2", sim: r.pools[0].queueLength, theory: 1 * 2_000 / 2,
                    slack: 0.03, within: 0.1)
}

/// One M/M/1 run whose results the target tests evaluate.
private func baseline() throws -> RunResults {
    try simulate(singlePool(servers: 1, rate: 0.5, service: .exponential(mean: 1),
                            simulation: settings(duration: 2_000, warmup: 100, replications: 5)))
}

@Test("A target is met only when the upper end of the 95% interval is within the limit")
func targetNeedsTheUpperBound() throws {
    var r = try baseline()
    let mean = r.workloads[0].response.mean
    #expect(mean.ci95 > 0)
    // mean < limit < mean + ci: looks fine on average, but not with 95% confidence.
    let between = mean.mean + mean.ci95 / 2
    let above = mean.mean + mean.ci95 * 1.01
    let targets = [Target(subject: .workload("load"), metric: .mean, limit: between),
                   Target(subject: .workload("load"), metric: .mean, limit: above),
                   Target(subject: .workload("load"), metric: .mean, limit: mean.mean * 0.99)]
    let results = TargetEvaluator.evaluate(targets, on: r)
    #expect(results.map(\.met) == [false, true, false])
    #expect(results[0].value == mean.mean && results[0].bound == mean.mean + mean.ci95)

    // The same for a fraction and a utilisation, on hand-set estimates.
    r.workloads[0].lostFraction = Estimate(mean: 0.008, ci95: 0.004)
    r.pools[0].utilization = Estimate(mean: 0.68, ci95: 0.03)
    let more = TargetEvaluator.evaluate([
        Target(subject: .workload("load"), metric: .maxLost, limit: 0.01),   // 0.008 < 0.01 < 0.012
        Target(subject: .workload("load"), metric: .maxLost, limit: 0.0125),
        Target(subject: .pool("q"), metric: .maxUtilization, limit: 0.70),   // 0.68 < 0.70 < 0.71
        Target(subject: .pool("q"), metric: .maxUtilization, limit: 0.72),
    ], on: r)
    #expect(more.map(\.met) == [false, true, false, true])
    // Percentile targets use the percentile's own interval.
    let p95 = r.workloads[0].response.p95, h = r.workloads[0].response.p95CI95
    #expect(h > 0)
    let percentile = TargetEvaluator.evaluate([Target(subject: .workload("load"), metric: .p95, limit: p95 + h / 2),
                                               Target(subject: .workload("load"), metric: .p95, limit: p95 + h * 1.01)], on: r)
    #expect(percentile.map(\.met) == [false, true])
}

@Test("Targets in the configuration are evaluated by the run; unknown subjects are skipped")
func runEvaluatesConfiguredTargets() throws {
    let targets = [Target(subject: .workload("load"), metric: .mean, limit: 100),
                   Target(subject: .pool("q"), metric: .maxUtilization, limit: 0.1),
                   Target(subject: .workload("nobody"), metric: .mean, limit: 1)]
    let r = try simulate(singlePool(servers: 1, rate: 0.5, service: .exponential(mean: 1),
                                    simulation: settings(duration: 2_000, warmup: 100, replications: 5), targets: targets))
    #expect(r.targets.count == 2)
    #expect(r.targets.map(\.met) == [true, false])
    #expect(!r.allTargetsMet)
}
