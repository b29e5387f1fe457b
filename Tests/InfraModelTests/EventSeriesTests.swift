import InfraModel
import SimKernel
import Testing

// Time-bounded events and the time series of `run --series`.

private func ample(rate: Double, servers: Int, events: [ScheduledEvent], duration: Double, replications: Int,
                   warmup: Double = 0, service: Distribution = .exponential(mean: 0.1)) -> ModelConfiguration {
    ModelConfiguration(
        name: "events", seed: suiteSeed, simulation: settings(duration: duration, warmup: warmup, replications: replications),
        sites: ["dc"], pools: [PoolConfiguration(id: "p", site: "dc", servers: servers)],
        workloads: [WorkloadConfiguration(id: "w", arrivals: ArrivalPattern(rate: rate), route: [.pool(id: "p", service: service)])],
        events: events)
}

@Test("A load spike multiplies the arrival rate only while it lasts")
func loadSpikeMultipliesTheRate() throws {
    // λ = 10/s, × 3 during [100, 200) s: the three 100-s intervals see 10, 30 and 10 first attempts per second.
    let spike = ScheduledEvent(name: "spike", at: 100, duration: 100, change: .rateFactor(workload: "w", factor: 3))
    let model = try CompiledModel(ample(rate: 10, servers: 50, events: [spike], duration: 300, replications: 10))
    let samples = (0..<10).map { Simulator.runReplication(model, index: $0, series: 100) }
    for (k, rate) in [10.0, 30, 10].enumerated() {
        let e = Estimate(replicationValues: samples.map { $0.series!.requests[0][k] })
        expectAgreement("interval \(k + 1) arrival rate", sim: e, theory: rate, slack: 0.01, within: 0.05)
    }
}

@Test("Capacity-loss events take the last servers out for their duration, and overlapping events add up")
func serversDownReduceAvailability() throws {
    // 4 servers, 300 s. Event A: 2 servers down in [100, 200); event B: 2 more in [150, 250). Server-seconds lost:
    // 2 × 50 + 4 × 50 + 2 × 50 = 400 of 1,200, so availability is exactly 2/3 (there are no random failures).
    let events = [ScheduledEvent(name: "A", at: 100, duration: 100, change: .serversDown(pool: "p", count: 2)),
                  ScheduledEvent(name: "B", at: 150, duration: 100, change: .serversDown(pool: "p", count: 2))]
    let r = try simulate(ample(rate: 1, servers: 4, events: events, duration: 300, replications: 2))
    #expect(abs(r.pools[0].availability.mean - 2.0 / 3) < 1e-9)
}

@Test("With every server down, requests wait and are served when the servers return")
func allServersDownQueuesTheWork() throws {
    // 2 servers taken out (by an event asking for 5) during [100, 110): arrivals then wait about 5 s on average.
    let event = ScheduledEvent(name: "outage", at: 100, duration: 10, change: .serversDown(pool: "p", count: 5))
    let r = try simulate(ample(rate: 2, servers: 2, events: [event], duration: 200, replications: 4, service: .deterministic(value: 0.01)))
    #expect(abs(r.pools[0].availability.mean - 0.95) < 1e-9)
    #expect(r.pools[0].wait.p99 > 4 && r.workloads[0].lostFraction.mean == 0)
}

@Test("Series add up to the totals and change no other result")
func seriesAreConsistentAndInvisible() throws {
    let spike = ScheduledEvent(name: "spike", at: 130, duration: 40, change: .rateFactor(workload: "w", factor: 2))
    let configuration = ample(rate: 5, servers: 1, events: [spike], duration: 250, replications: 3, warmup: 30,
                              service: .exponential(mean: 0.1))
    let model = try CompiledModel(configuration)
    let plain = Simulator.run(model, jobs: 2)
    let withSeries = Simulator.run(model, jobs: 2, series: 60)
    var stripped = withSeries
    stripped.series = nil
    #expect(stripped == plain)
    let s = try #require(withSeries.series)
    #expect(s.starts == [30, 90, 150, 210, 270] && s.lengths == [60, 60, 60, 60, 10])
    for r in 0..<3 {
        let one = Simulator.runReplication(model, index: r, series: 60)
        let series = try #require(one.series)
        let arrived = zip(series.requests[0], series.lengths).reduce(0) { $0 + $1.0 * $1.1 }
        let completed = zip(series.poolThroughput[0], series.lengths).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(arrived - Double(one.workloads[0].arrived)) < 1e-6)
        #expect(abs(completed - Double(one.pools[0].completed)) < 1e-6)
        let busy = zip(series.poolUtilization[0], series.lengths).reduce(0) { $0 + $1.0 * $1.1 } / 250
        #expect(abs(busy - one.pools[0].utilization) < 1e-9)
    }
}
