import Foundation
import InfraModel
import SimKernel
import Testing

// Client timeouts and retries with orphaned work, retry budgets and metastable retry storms.

/// One pool "api" at site "dc" with one workload and its client.
private func clientModel(rate: Double, servers: Int, service: Distribution, client: ClientConfiguration?,
                         simulation: SimulationSettings, events: [ScheduledEvent] = []) -> ModelConfiguration {
    ModelConfiguration(
        name: "client", seed: suiteSeed, simulation: simulation, sites: ["dc"],
        pools: [PoolConfiguration(id: "api", site: "dc", servers: servers)],
        workloads: [WorkloadConfiguration(id: "w", arrivals: ArrivalPattern(rate: rate),
                                          route: [.pool(id: "api", service: service)], client: client)],
        events: events)
}

@Test("Timeouts with ample servers: 1 + e⁻¹ + e⁻² attempts per request, e⁻³ failed, response from the first send")
func timeoutsWithAmpleServers() throws {
    // 200 servers never all busy at λ = 10/s, so every attempt starts at once and its Exp(1 s) service exceeds the
    // 1 s timeout independently with p = e⁻¹. With 3 attempts and immediate retries:
    //   attempts per request = 1 + p + p² = 1.503215, failed share = p³ = 0.049787,
    //   orphaned completions per request = p + p² + p³ = 0.553002 (every timed-out attempt still completes),
    //   mean first send to success = Σ_k p^(k−1)(1−p)((k−1)·1 s + E[S | S < 1]) / (1 − p³) = 0.842813 s,
    //   with E[S | S < 1] = (1 − 2/e)/(1 − 1/e) = 0.418023 s (python3, math.exp).
    let p = exp(-1.0)
    let client = ClientConfiguration(timeout: 1, attempts: 3)
    let (samples, r) = try runWithSamples(clientModel(rate: 10, servers: 200, service: .exponential(mean: 1), client: client,
                                                      simulation: settings(duration: 5_000, warmup: 50, replications: 8)))
    let w = r.workloads[0]
    expectAgreement("attempts per request", sim: w.amplification, theory: 1 + p + p * p, slack: 0.003, within: 0.005)
    expectAgreement("failed share", sim: w.lostFraction, theory: p * p * p, slack: 0.01, within: 0.04)
    let orphaned = estimate(samples) { Double($0.workloads[0].orphaned) / Double($0.workloads[0].arrived) }
    expectAgreement("orphaned completions per request", sim: orphaned, theory: p + p * p + p * p * p, slack: 0.005, within: 0.01)
    let m = (1 - 2 / M_E) / (1 - 1 / M_E)
    let success = (1...3).reduce(0.0) { $0 + pow(p, Double($1 - 1)) * (1 - p) * (Double($1 - 1) + m) } / (1 - p * p * p)
    #expect(abs(success - 0.842813) < 1e-6)
    expectAgreement("mean first send to success", sim: w.response.mean, theory: success, slack: 0.005, within: 0.01)
    #expect(abs(w.succeeded.mean + w.failed.mean - w.requests) / w.requests < 0.001)
}

@Test("A client that never times out and never retries changes no number")
func idleClientChangesNothing() throws {
    let sim = settings(duration: 2_000, warmup: 100, replications: 4)
    let plain = try simulate(clientModel(rate: 0.8, servers: 1, service: .exponential(mean: 1), client: nil, simulation: sim))
    let idle = try simulate(clientModel(rate: 0.8, servers: 1, service: .exponential(mean: 1),
                                        client: ClientConfiguration(timeout: nil), simulation: sim))
    #expect(plain.pools == idle.pools)
    #expect(plain.events == idle.events)
    #expect(plain.workloads[0].response == idle.workloads[0].response)
    #expect(plain.workloads[0].goodput == idle.workloads[0].goodput)
    #expect(!plain.workloads[0].hasClient && idle.workloads[0].hasClient)
}

@Test("Capped exponential backoff: d = min(cap, base × 2^(k−1))")
func backoffDoublesUpToTheCap() {
    let b = Backoff(base: 1, cap: 20, jitter: .full)
    #expect((1...7).map { b.delay(retry: $0) } == [1, 2, 4, 8, 16, 20, 20])
    #expect(Backoff().delay(retry: 3) == 0)
}

/// Late-window means over replications, from the series.
private struct Window {
    var goodput = 0.0, requests = 0.0, attempts = 0.0
    init(_ s: RunSeries, from: Double) {
        let w = s.workloads[0]
        let ks = s.starts.indices.filter { s.starts[$0] >= from }
        for k in ks {
            goodput += w.goodput[k] / Double(ks.count)
            requests += w.requests[k] / Double(ks.count)
            attempts += w.attempts[k] / Double(ks.count)
        }
    }
}

@Test("Metastable retry storm: 1.5× capacity for a while, then normal load; retries keep the pool collapsed, a 10% budget does not")
func retryStormIsMetastable() throws {
    // Time-scaled version of "an hour at 1.5× capacity": 10 servers × Exp(100 ms) = 100 requests/s of capacity,
    // 80 requests/s (ρ = 0.8), and 150/s (1.5 × capacity) for 60 s from t = 60 s. The trigger leaves a backlog of
    // (150 − 100) × 60 = 3,000 requests, a queueing delay of 30 s, far above the 2 s client timeout.
    // Fluid argument (Bronson et al. 2021; the research note's case V1):
    //  - without retries the backlog drains at 100 − 80 = 20/s: about 150 s, so recovery within minutes;
    //  - with 4 attempts every attempt waits > 2 s and times out, attempts arrive at 4 × 80 = 320/s > 100/s, and
    //    the pool stays collapsed long after the trigger: amplification → 4, goodput → 0;
    //  - a 10% retry budget bounds attempts at 1.1 × 80 = 88/s < 100/s, so the backlog drains and goodput returns.
    let sim = settings(duration: 900, warmup: 0, replications: 4)
    let spike = [ScheduledEvent(name: "trigger", at: 60, duration: 60, change: .rateFactor(workload: "w", factor: 150.0 / 80))]
    func run(_ client: ClientConfiguration) throws -> RunSeries {
        let model = try CompiledModel(clientModel(rate: 80, servers: 10, service: .exponential(mean: 0.1), client: client,
                                                  simulation: sim, events: spike))
        return try #require(Simulator.run(model, jobs: 2, series: 100).series)
    }
    let once = try run(ClientConfiguration(timeout: 2, attempts: 1))
    let storm = try run(ClientConfiguration(timeout: 2, attempts: 4))
    let budget = try run(ClientConfiguration(timeout: 2, attempts: 4, budgetRatio: 0.1))

    let a = Window(once, from: 600), b = Window(storm, from: 600), c = Window(budget, from: 600)
    #expect(a.goodput >= 0.95 * 80, "no retries: late goodput \(a.goodput)/s")
    let recovered = try #require(once.workloads[0].recovery?.first?.seconds, "no retries: every replication recovers")
    #expect(recovered.mean < 300, "no retries: recovery \(recovered.mean) s")

    #expect(b.attempts >= 3.8 * b.requests, "storm: late amplification \(b.attempts / b.requests)")
    #expect(b.goodput <= 0.05 * 80, "storm: late goodput \(b.goodput)/s")
    #expect(storm.workloads[0].recovery?.first?.recovered == 0, "storm: no replication recovers")

    #expect(c.goodput >= 0.95 * 80, "budget: late goodput \(c.goodput)/s")
    #expect(c.attempts <= 1.1 * c.requests + 1, "budget: late amplification \(c.attempts / c.requests)")
    #expect(budget.workloads[0].recovery?.first?.seconds != nil, "budget: every replication recovers")
}
