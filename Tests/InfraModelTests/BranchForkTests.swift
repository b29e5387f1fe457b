import InfraModel
import Queueing
import SimKernel
import Testing

// Branching and fork-join routes against closed forms.

/// Pools "a" and "b" (one server each) at site "dc" and one Poisson workload with `route`.
private func twoPools(rate: Double, route: [RouteStep], duration: Double, replications: Int,
                      capacities: (Int?, Int?) = (nil, nil), servers: (Int, Int) = (1, 1)) -> ModelConfiguration {
    ModelConfiguration(
        name: "branch-fork", seed: suiteSeed, simulation: settings(duration: duration, warmup: 200, replications: replications),
        sites: ["dc"],
        pools: [PoolConfiguration(id: "a", site: "dc", servers: servers.0, queueCapacity: capacities.0),
                PoolConfiguration(id: "b", site: "dc", servers: servers.1, queueCapacity: capacities.1)],
        workloads: [WorkloadConfiguration(id: "w", arrivals: ArrivalPattern(rate: rate), route: route)])
}

@Test("A branch after an M/M/1: pool b sees p·λ and the mean response is W_a + p·W_b")
func branchToMM1() throws {
    // λ = 5/s into a (μ = 10/s); with p = 0.4 the request then visits b (μ = 4/s), else skips.
    // Bernoulli splitting keeps b's input Poisson (rate pλ = 2/s), so both are M/M/1:
    // W_a = 1/(10 − 5) = 0.2 s, W_b = 1/(4 − 2) = 0.5 s, end to end 0.2 + 0.4 × 0.5 = 0.4 s.
    let lambda = 5.0, p = 0.4
    let r = try simulate(twoPools(rate: lambda, route: [
        .pool(id: "a", service: .exponential(mean: 0.1)),
        .branch([RouteAlternative(probability: p, route: [.pool(id: "b", service: .exponential(mean: 0.25))]),
                 RouteAlternative(probability: 1 - p, route: [])]),
    ], duration: 20_000, replications: 12))
    let wa = try MMc(arrivalRate: lambda, serviceRate: 10, servers: 1).meanResponse
    let wb = try MMc(arrivalRate: p * lambda, serviceRate: 4, servers: 1).meanResponse
    #expect(abs(wa + p * wb - 0.4) < 1e-12)
    expectAgreement("end-to-end mean response W_a + p·W_b", sim: r.workloads[0].response.mean, theory: wa + p * wb)
    expectAgreement("throughput of b = p·λ", sim: r.pools[1].throughput, theory: p * lambda, slack: 0.005, within: 0.01)
    expectAgreement("throughput of a = λ", sim: r.pools[0].throughput, theory: lambda, slack: 0.005, within: 0.01)
    expectAgreement("b's own mean response counts only requests that went there", sim: r.pools[1].response.mean, theory: wb)
}

@Test("Nested branches multiply their probabilities; an empty alternative skips")
func nestedBranchesMultiplyProbabilities() throws {
    // a with probability 0.5, and inside it b with probability 0.3: b sees 0.15 λ, a sees 0.5 λ.
    let lambda = 4.0
    let r = try simulate(twoPools(rate: lambda, route: [
        .branch([RouteAlternative(probability: 0.5, route: [
                    .pool(id: "a", service: .exponential(mean: 0.05)),
                    .branch([RouteAlternative(probability: 0.3, route: [.pool(id: "b", service: .exponential(mean: 0.05))]),
                             RouteAlternative(probability: 0.7, route: [])]),
                 ]),
                 RouteAlternative(probability: 0.5, route: [])]),
    ], duration: 20_000, replications: 8))
    expectAgreement("outer alternative rate 0.5 λ", sim: r.pools[0].arrivalRate, theory: 0.5 * lambda, slack: 0.005, within: 0.01)
    expectAgreement("inner alternative rate 0.15 λ", sim: r.pools[1].arrivalRate, theory: 0.15 * lambda, slack: 0.005, within: 0.02)
    #expect(r.workloads[0].lostFraction.mean == 0)
}

@Test("Two-way fork-join of M/M/1 queues: mean response (12 − ρ)/8 · 1/(μ − λ) (Nelson & Tantawi 1988)")
func forkJoinNelsonTantawi() throws {
    // λ = 5/s, μ = 10/s, ρ = 0.5: R = 11.5/8 × 0.2 = 0.2875 s. A join that does not wait for the slower
    // branch would give 0.2 s (one branch), and independent branches 0.3 s (E[max of two Exp(5)]).
    let lambda = 5.0, mu = 10.0
    let r = try simulate(twoPools(rate: lambda, route: [
        .fork([[.pool(id: "a", service: .exponential(mean: 1 / mu))],
               [.pool(id: "b", service: .exponential(mean: 1 / mu))]]),
    ], duration: 20_000, replications: 12))
    let rho = lambda / mu
    let theory = (12 - rho) / 8 / (mu - lambda)
    #expect(abs(theory - 0.2875) < 1e-12)
    expectAgreement("fork-join mean response", sim: r.workloads[0].response.mean, theory: theory, slack: 0.01, within: 0.02)
    expectAgreement("each branch is an M/M/1", sim: r.pools[0].response.mean, theory: 1 / (mu - lambda))
}

@Test("A request lost in a fork branch is lost once, and the other branches' work still runs")
func forkLossCountsOnceAndSiblingsRun() throws {
    // Branch a is a pure-loss M/M/1/1 (blocking ρ/(1+ρ) with ρ = 2/4), branch b has ample servers and no queue
    // limit. The request is lost exactly when a blocks it, and b still serves every request.
    let lambda = 2.0
    let r = try simulate(twoPools(rate: lambda, route: [
        .fork([[.pool(id: "a", service: .exponential(mean: 0.25))], [.pool(id: "b", service: .exponential(mean: 0.25))]]),
    ], duration: 20_000, replications: 8, capacities: (0, nil), servers: (1, 20)))
    let rho = lambda * 0.25
    expectAgreement("lost fraction = Erlang B(1, ρ) = ρ/(1+ρ)", sim: r.workloads[0].lostFraction, theory: rho / (1 + rho),
                    slack: 0.005, within: 0.02)
    expectAgreement("the sibling branch serves every request", sim: r.pools[1].throughput, theory: lambda, slack: 0.005, within: 0.01)
}

@Test("Both branches blocked at the same one-server loss pool: every request lost exactly once")
func forkBothBranchesLostCountsOnce() throws {
    // Both branches arrive together at pool a (1 server, no waiting place): the second is always blocked, so every
    // request is lost, once: lost fraction exactly 1 (2 if the loss were counted per branch).
    let r = try simulate(twoPools(rate: 1, route: [
        .fork([[.pool(id: "a", service: .exponential(mean: 0.01))], [.pool(id: "a", service: .exponential(mean: 0.01))]]),
    ], duration: 2_000, replications: 3, capacities: (0, nil)))
    for w in r.workloads { #expect(w.lostFraction.mean == 1 && w.completed == 0) }
    #expect(abs(r.pools[0].arrivalRate.mean - 2 * r.workloads[0].arrived / 2_000) < 1e-9)
}

@Test("A delay step adds its time and uses no capacity")
func delayAddsItsMean() throws {
    // M/M/1 (λ = 2, μ = 4: 0.5 s) then a lognormal delay of mean 3 s: 3.5 s end to end, pool untouched.
    let r = try simulate(twoPools(rate: 2, route: [
        .pool(id: "a", service: .exponential(mean: 0.25)),
        .delay(.lognormal(mean: 3, cv: 1.5)),
    ], duration: 20_000, replications: 8))
    expectAgreement("mean response = W + delay", sim: r.workloads[0].response.mean, theory: 0.5 + 3)
    expectAgreement("pool utilisation stays λ/μ", sim: r.pools[0].utilization, theory: 0.5, slack: 0.01, within: 0.02)
}
