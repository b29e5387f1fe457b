import Foundation
import InfraModel
import Queueing
import SimKernel
import Testing

// One pool against the closed forms of single-station queueing theory.

@Test("M/M/1 at ρ = 0.8: mean response 1/(μ−λ), and p95, p99 are the Exp(μ−λ) quantiles")
func mm1ResponseMeanAndPercentiles() throws {
    let lambda = 0.8, mu = 1.0
    let r = try simulate(singlePool(servers: 1, rate: lambda, service: .exponential(mean: 1 / mu),
                                    simulation: settings(duration: 400_000, warmup: 1_000, replications: 24)))
    let pool = r.pools[0]
    // Response of M/M/1 FCFS is exponential with rate μ − λ.
    let rate = mu - lambda
    expectAgreement("M/M/1 mean response", sim: pool.response.mean, theory: 1 / rate)
    expectAgreement("M/M/1 end-to-end mean response", sim: r.workloads[0].response.mean, theory: 1 / rate)
    expectAgreement("M/M/1 mean wait", sim: pool.wait.mean, theory: lambda / (mu * rate))
    expectPercentile("M/M/1 p50 response", pooled: pool.response.p50, ci95: pool.response.p50CI95, theory: -log(0.5) / rate)
    expectPercentile("M/M/1 p95 response", pooled: pool.response.p95, ci95: pool.response.p95CI95, theory: -log(0.05) / rate)
    expectPercentile("M/M/1 p99 response", pooled: pool.response.p99, ci95: pool.response.p99CI95, theory: -log(0.01) / rate)
    // The closed form of the Queueing module agrees with the textbook formula.
    let mm1 = try MMc(arrivalRate: lambda, serviceRate: mu, servers: 1)
    #expect(abs(try mm1.responseQuantile(0.99) - -log(0.01) / rate) < 1e-6)
    expectAgreement("M/M/1 utilisation", sim: pool.utilization, theory: lambda / mu, slack: 0.01, within: 0.02)
    expectAgreement("M/M/1 throughput", sim: pool.throughput, theory: lambda, slack: 0.01, within: 0.02)
}

@Test("M/M/c with 8 servers at ρ = 0.875: Erlang C wait, P(wait), utilisation and queue length")
func mmcErlangC() throws {
    let c = 8, lambda = 7.0, mu = 1.0
    let (samples, r) = try runWithSamples(singlePool(servers: c, rate: lambda, service: .exponential(mean: 1 / mu),
                                                     simulation: settings(duration: 60_000, warmup: 500, replications: 24)))
    let theory = try MMc(arrivalRate: lambda, serviceRate: mu, servers: c)
    let pool = r.pools[0]
    expectAgreement("M/M/c mean wait (Erlang C Wq)", sim: pool.wait.mean, theory: theory.meanWait)
    let pWait = estimate(samples) { 1 - zeroShare($0.pools[0].wait) }
    expectAgreement("M/M/c P(wait) (Erlang C)", sim: pWait, theory: theory.probabilityOfWait)
    expectAgreement("M/M/c utilisation λ/(cμ)", sim: pool.utilization, theory: theory.utilization, slack: 0.005, within: 0.01)
    expectAgreement("M/M/c mean queue length Lq", sim: pool.queueLength, theory: theory.meanQueueLength)
    expectAgreement("M/M/c mean number at the pool L", sim: pool.inSystem, theory: theory.meanNumberInSystem)
    expectAgreement("M/M/c mean response", sim: pool.response.mean, theory: theory.meanResponse)
}

@Test("Erlang B loss with lognormal (cv 1.5) service: blocked fraction is Erlang B (insensitivity)")
func erlangBInsensitivity() throws {
    let c = 10, lambda = 8.0, meanService = 1.0
    let r = try simulate(singlePool(servers: c, rate: lambda, service: .lognormal(mean: meanService, cv: 1.5), queueCapacity: 0,
                                    simulation: settings(duration: 30_000, warmup: 200, replications: 16)))
    let a = lambda * meanService
    let b = try ErlangB.blocking(servers: c, offeredLoad: a)
    let pool = r.pools[0]
    expectAgreement("Erlang B blocked fraction", sim: pool.blockedFraction, theory: b)
    expectAgreement("loss-system utilisation A(1−B)/c", sim: pool.utilization, theory: a * (1 - b) / Double(c), slack: 0.01, within: 0.02)
    expectAgreement("workload lost fraction", sim: r.workloads[0].lostFraction, theory: b)
    #expect(pool.queueLength.mean == 0)
    #expect(pool.wait.p99 == 0)
}

/// Service distributions with their squared coefficient of variation, for Pollaczek–Khinchine.
struct MG1Case: Sendable, CustomTestStringConvertible {
    let name: String
    let service: Distribution
    let lambda: Double
    var testDescription: String { name }
}

@Test("M/G/1 mean wait is Pollaczek–Khinchine", arguments: [
    MG1Case(name: "M/D/1 at ρ 0.8", service: .deterministic(value: 1), lambda: 0.8),
    MG1Case(name: "M/G/1 gamma cv 0.5 at ρ 0.8", service: .gamma(mean: 1, cv: 0.5), lambda: 0.8),
    MG1Case(name: "M/G/1 lognormal cv 2 at ρ 0.6", service: .lognormal(mean: 1, cv: 2), lambda: 0.6),
])
func mg1PollaczekKhinchine(_ c: MG1Case) throws {
    // Heavy-tailed service needs many customers: about 2–3 million per case.
    let r = try simulate(singlePool(servers: 1, rate: c.lambda, service: c.service,
                                    simulation: settings(duration: 250_000, warmup: 1_000, replications: 16)))
    let theory = try MG1(arrivalRate: c.lambda, meanService: c.service.mean, serviceSCV: c.service.scv)
    // P–K by hand: Wq = λ E[S²] / (2(1 − ρ)).
    let secondMoment = c.service.variance + c.service.mean * c.service.mean
    #expect(abs(theory.meanWait - c.lambda * secondMoment / (2 * (1 - c.lambda * c.service.mean))) < 1e-12)
    expectAgreement("\(c.name) mean wait", sim: r.pools[0].wait.mean, theory: theory.meanWait)
    expectAgreement("\(c.name) mean response", sim: r.pools[0].response.mean, theory: theory.meanResponse)
    expectAgreement("\(c.name) mean queue length", sim: r.pools[0].queueLength, theory: theory.meanQueueLength)
}

@Test("M/M/2 with 3 waiting places: blocking probability and queue length of the birth–death chain")
func mmcKFiniteBuffer() throws {
    let c = 2, places = 3, lambda = 1.9, mu = 1.0
    let r = try simulate(singlePool(servers: c, rate: lambda, service: .exponential(mean: 1 / mu), queueCapacity: places,
                                    simulation: settings(duration: 20_000, warmup: 200, replications: 12)))
    let theory = try MMcK(arrivalRate: lambda, serviceRate: mu, servers: c, capacity: places)
    let pool = r.pools[0]
    expectAgreement("M/M/c/K blocking probability", sim: pool.blockedFraction, theory: theory.blockingProbability)
    expectAgreement("M/M/c/K mean queue length", sim: pool.queueLength, theory: theory.meanQueueLength)
    expectAgreement("M/M/c/K mean wait of admitted requests", sim: pool.wait.mean, theory: theory.meanWait)
    expectAgreement("M/M/c/K utilisation", sim: pool.utilization, theory: theory.utilization, slack: 0.01, within: 0.02)
    expectAgreement("M/M/c/K throughput", sim: pool.throughput, theory: theory.throughput, slack: 0.01, within: 0.02)
}

@Test("Two-class non-preemptive priority at one server: per-class mean response is Cobham's")
func nonPreemptivePriorityCobham() throws {
    // Class 0 (served first): deterministic 0.5 s; class 1: exponential 1 s. ρ = 0.25 + 0.5.
    let high = (rate: 0.5, service: Distribution.deterministic(value: 0.5))
    let low = (rate: 0.5, service: Distribution.exponential(mean: 1))
    let configuration = ModelConfiguration(
        name: "priority", seed: suiteSeed, simulation: settings(duration: 100_000, warmup: 1_000, replications: 20), sites: ["dc"],
        pools: [PoolConfiguration(id: "cpu", site: "dc", servers: 1, discipline: .priority)],
        workloads: [
            // The low class is listed first so that order in the file cannot stand in for priority.
            WorkloadConfiguration(id: "batch", arrivals: ArrivalPattern(rate: low.rate), priority: 1,
                                  route: [.pool(id: "cpu", service: low.service)]),
            WorkloadConfiguration(id: "interactive", arrivals: ArrivalPattern(rate: high.rate), priority: 0,
                                  route: [.pool(id: "cpu", service: high.service)]),
        ])
    let r = try simulate(configuration)
    let theory = try NonPreemptivePriority(classes: [
        PriorityClass(arrivalRate: high.rate, meanService: high.service.mean, serviceSCV: high.service.scv),
        PriorityClass(arrivalRate: low.rate, meanService: low.service.mean, serviceSCV: low.service.scv),
    ])
    // Each route is one pool step, so workload response = wait + service at that pool.
    expectAgreement("high-priority mean response", sim: r.workloads[1].response.mean, theory: try theory.meanResponse(class: 0))
    expectAgreement("low-priority mean response", sim: r.workloads[0].response.mean, theory: try theory.meanResponse(class: 1))
    // The mixed pool wait is the arrival-weighted mix of the two classes' waits.
    let mixed = (high.rate * (try theory.meanWait(class: 0)) + low.rate * (try theory.meanWait(class: 1))) / (high.rate + low.rate)
    expectAgreement("mixed mean wait at the pool", sim: r.pools[0].wait.mean, theory: mixed)
}

@Test("Erlang-A: exponential patience gives the abandoned fraction of the M/M/c+M chain")
func erlangAAbandonment() throws {
    let c = 4, lambda = 4.4, mu = 1.0, meanPatience = 2.0  // overloaded without abandonment
    let r = try simulate(singlePool(servers: c, rate: lambda, service: .exponential(mean: 1 / mu),
                                    patience: .exponential(mean: meanPatience),
                                    simulation: settings(duration: 20_000, warmup: 200, replications: 12)))
    let theory = try ErlangA(arrivalRate: lambda, serviceRate: mu, servers: c, abandonmentRate: 1 / meanPatience)
    let pool = r.pools[0]
    expectAgreement("Erlang-A abandoned fraction", sim: pool.abandonedFraction, theory: theory.abandonmentProbability)
    expectAgreement("Erlang-A mean queue length", sim: pool.queueLength, theory: theory.meanQueueLength)
    expectAgreement("Erlang-A utilisation", sim: pool.utilization, theory: theory.utilization, slack: 0.01, within: 0.02)
    expectAgreement("Erlang-A throughput", sim: pool.throughput, theory: theory.throughput, slack: 0.01, within: 0.02)
    #expect(pool.blockedFraction.mean == 0)
    expectAgreement("workload lost fraction = abandoned", sim: r.workloads[0].lostFraction, theory: theory.abandonmentProbability)
}

@Test("Three servers with two priority classes: per-class mean wait is the non-preemptive priority M/M/c formula")
func nonPreemptivePriorityMultiServer() throws {
    let c = 3, mu = 1.0, rates = [1.0, 1.55]  // ρ = 0.85
    let configuration = ModelConfiguration(
        name: "priority-mmc", seed: suiteSeed, simulation: settings(duration: 80_000, warmup: 500, replications: 20), sites: ["dc"],
        pools: [PoolConfiguration(id: "api", site: "dc", servers: c, discipline: .priority)],
        workloads: [
            WorkloadConfiguration(id: "gold", arrivals: ArrivalPattern(rate: rates[0]), priority: 5,
                                  route: [.pool(id: "api", service: .exponential(mean: 1 / mu))]),
            WorkloadConfiguration(id: "bronze", arrivals: ArrivalPattern(rate: rates[1]), priority: 9,
                                  route: [.pool(id: "api", service: .exponential(mean: 1 / mu))]),
        ])
    let r = try simulate(configuration)
    let theory = try NonPreemptivePriorityMMc(arrivalRates: rates, serviceRate: mu, servers: c)
    expectAgreement("gold (higher priority) mean response", sim: r.workloads[0].response.mean, theory: try theory.meanResponse(class: 0))
    expectAgreement("bronze (lower priority) mean response", sim: r.workloads[1].response.mean, theory: try theory.meanResponse(class: 1))
    // Priorities reorder the queue but do not change the total: the pool's Erlang C mean wait.
    expectAgreement("pool mean wait (work-conserving)", sim: r.pools[0].wait.mean,
                    theory: try MMc(arrivalRate: rates.reduce(0, +), serviceRate: mu, servers: c).meanWait)
}

@Test("Concurrency multiplies channels: 2 servers × concurrency 4 behave as M/M/8")
func concurrencyActsAsChannels() throws {
    let lambda = 6.8, mu = 1.0
    let configuration = ModelConfiguration(
        name: "concurrency", seed: suiteSeed, simulation: settings(duration: 60_000, warmup: 500, replications: 24), sites: ["dc"],
        pools: [PoolConfiguration(id: "q", site: "dc", servers: 2, concurrency: 4)],
        workloads: [WorkloadConfiguration(id: "load", arrivals: ArrivalPattern(rate: lambda),
                                          route: [.pool(id: "q", service: .exponential(mean: 1 / mu))])])
    let r = try simulate(configuration)
    let theory = try MMc(arrivalRate: lambda, serviceRate: mu, servers: 8)
    expectAgreement("2×4 channels mean wait", sim: r.pools[0].wait.mean, theory: theory.meanWait)
    expectAgreement("2×4 channels utilisation", sim: r.pools[0].utilization, theory: theory.utilization, slack: 0.005, within: 0.01)
}
