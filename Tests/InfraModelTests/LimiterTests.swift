import InfraModel
import Queueing
import SimKernel
import Testing

// Token buckets against their closed forms.

/// One limiter "gw" at site "dc" in front of an ample pool; Poisson arrivals at `rate`.
private func limited(rate: Double, tokens: Double, burst: Double?, excess: LimiterExcess, duration: Double,
                     replications: Int, patience: Distribution? = nil) -> ModelConfiguration {
    ModelConfiguration(
        name: "limiter", seed: suiteSeed, simulation: settings(duration: duration, warmup: 20, replications: replications),
        sites: ["dc"],
        pools: [PoolConfiguration(id: "after", site: "dc", servers: 1000)],
        workloads: [WorkloadConfiguration(id: "w", arrivals: ArrivalPattern(rate: rate),
                                          route: [.limit(id: "gw"), .pool(id: "after", service: .deterministic(value: 0.001))])],
        limiters: [LimiterConfiguration(id: "gw", site: "dc", rate: tokens, burst: burst, excess: excess, patience: patience)])
}

@Test("Token bucket at λ = 1.5 × rate rejecting: passes ≈ rate and rejects ≈ 1/3")
func tokenBucketPassesItsRate() throws {
    // Long run: at most burst + rate × T pass, and with λ > rate the bucket is almost never full, so passed → rate
    // and rejected → 1 − rate/λ = 1/3; the bias is at most burst / (λ T) = 20 / (30 × 2000) = 3.3e-4.
    let r = try simulate(limited(rate: 30, tokens: 20, burst: nil, excess: .reject, duration: 2_000, replications: 8))
    let l = r.limiters[0]
    #expect(l.burst == 20)
    expectAgreement("passed per second", sim: l.passed, theory: 20, slack: 0.002, within: 0.005)
    expectAgreement("rejected fraction", sim: l.rejectedFraction, theory: 1.0 / 3, slack: 0.002, within: 0.005)
    expectAgreement("utilisation = passed / rate", sim: l.utilization, theory: 1, slack: 0.002, within: 0.005)
    expectAgreement("workload lost fraction", sim: r.workloads[0].lostFraction, theory: 1.0 / 3, slack: 0.002, within: 0.005)
}

@Test("Burst-1 token bucket rejecting is M/D/1/1: rejected = ρ/(1+ρ)")
func burstOneIsMD11() throws {
    // After each admission the bucket is empty for exactly 1/rate: a one-server loss system with deterministic
    // service 1/rate. By Erlang B insensitivity the loss is ρ/(1+ρ); λ = 150/s, rate 200/s: 3/7 = 0.428571.
    let r = try simulate(limited(rate: 150, tokens: 200, burst: 1, excess: .reject, duration: 500, replications: 10))
    let rho = 150.0 / 200
    #expect(abs(try ErlangB.blocking(servers: 1, offeredLoad: rho) - 3.0 / 7) < 1e-12)
    expectAgreement("rejected fraction", sim: r.limiters[0].rejectedFraction, theory: rho / (1 + rho), slack: 0.005, within: 0.01)
}

@Test("Burst-1 token bucket queueing is M/D/1: mean wait ρ/(2·rate·(1−ρ))")
func burstOneQueueIsMD1() throws {
    // The admission times follow the M/D/1 recursion a_n = max(arrival_n, a_{n−1} + 1/rate), so the wait for a
    // token is the M/D/1 waiting time: 0.75 / (2 × 200 × 0.25) = 7.5 ms.
    let r = try simulate(limited(rate: 150, tokens: 200, burst: 1, excess: .queue, duration: 500, replications: 10))
    let theory = try MG1(arrivalRate: 150, meanService: 1.0 / 200, serviceSCV: 0).meanWait
    #expect(abs(theory - 0.0075) < 1e-12)
    expectAgreement("mean wait for a token", sim: r.limiters[0].wait.mean, theory: theory)
    #expect(r.limiters[0].rejectedFraction.mean == 0)
}

@Test("A queueing limiter with patience: requests give up and count as abandoned, never passed late")
func limiterPatienceAbandons() throws {
    // λ = 2 × rate: half the demand can pass; with 1 s patience the queue stays short and the rest abandons.
    let r = try simulate(limited(rate: 40, tokens: 20, burst: nil, excess: .queue, duration: 1_000, replications: 5,
                                 patience: .deterministic(value: 1)))
    let l = r.limiters[0]
    expectAgreement("passed ≈ rate", sim: l.passed, theory: 20, slack: 0.005, within: 0.01)
    expectAgreement("abandoned ≈ 1 − rate/λ", sim: l.abandonedFraction, theory: 0.5, slack: 0.005, within: 0.02)
    #expect(l.wait.p99 <= 1.0 + 1e-9)
}
