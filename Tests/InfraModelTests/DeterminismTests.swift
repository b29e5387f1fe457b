import InfraModel
import SimKernel
import Testing

// Reproducibility: results depend only on the model and its seed, not on threads or on
// other workloads' random numbers.

/// A model exercising every mechanism: two sites, a PS and a FIFO link, priority, patience,
/// failures, a finite queue and an hourly profile.
private func richModel(seed: UInt64, replications: Int = 6) -> ModelConfiguration {
    ModelConfiguration(
        name: "rich", seed: seed, simulation: settings(duration: 3_000, warmup: 300, replications: replications, start: 8 * 3600),
        sites: ["hn", "hcm"],
        pools: [
            PoolConfiguration(id: "web", site: "hn", servers: 3, concurrency: 2, discipline: .priority,
                              patience: .exponential(mean: 4), failures: FailureModel(mtbf: 400, mttr: 30)),
            PoolConfiguration(id: "db", site: "hcm", servers: 2, queueCapacity: 10),
        ],
        links: [
            LinkConfiguration(id: "wan", from: "hn", to: "hcm", bandwidth: 20e6, latency: 0.01, sharing: .ps),
            LinkConfiguration(id: "backup", from: "hcm", to: "hn", bandwidth: 5e6, latency: 0.02, sharing: .fifo),
        ],
        workloads: [
            WorkloadConfiguration(id: "login", arrivals: ArrivalPattern(rate: 3, hourly: Array(repeating: 1, count: 12) + Array(repeating: 2, count: 12)),
                                  priority: 0, requestSize: .lognormal(mean: 20_000, cv: 1), responseSize: .exponential(mean: 80_000),
                                  route: [.pool(id: "web", service: .gamma(mean: 0.5, cv: 0.7)), .link(id: "wan", size: nil),
                                          .pool(id: "db", service: .exponential(mean: 0.3)), .link(id: "wan", size: nil)]),
            WorkloadConfiguration(id: "report", arrivals: ArrivalPattern(rate: 1), priority: 1,
                                  route: [.pool(id: "web", service: .hyperexponential(mean: 1, cv: 2))]),
            WorkloadConfiguration(id: "sync", origin: "hcm", arrivals: ArrivalPattern(rate: 2),
                                  route: [.link(id: "backup", size: .uniform(min: 50_000, max: 150_000))]),
        ])
}

@Test("Results are identical whatever the number of threads (--jobs)")
func jobsDoNotChangeResults() throws {
    let model = try CompiledModel(richModel(seed: 7))
    let one = Simulator.run(model, jobs: 1)
    let two = Simulator.run(model, jobs: 2)
    let five = Simulator.run(model, jobs: 5)
    #expect(one == two)
    #expect(one == five)
    // The model is not trivial: it really served, lost and moved requests.
    #expect(one.events > 10_000)
    #expect(one.workloads.allSatisfy { $0.completed > 100 })
    #expect(one.pools[0].abandonedFraction.mean > 0 && one.pools[0].availability.mean < 1)
}

@Test("The same seed twice gives identical results; a different seed gives different results")
func seedDeterminesResults() throws {
    let a = Simulator.run(try CompiledModel(richModel(seed: 7)), jobs: 2)
    let b = Simulator.run(try CompiledModel(richModel(seed: 7)), jobs: 2)
    let c = Simulator.run(try CompiledModel(richModel(seed: 8)), jobs: 2)
    #expect(a == b)
    #expect(a != c)
    #expect(a.workloads[0].arrived != c.workloads[0].arrived)
    #expect(a.pools[0].response.mean != c.pools[0].response.mean)
    // Replications differ from each other too.
    let model = try CompiledModel(richModel(seed: 7))
    let r0 = Simulator.runReplication(model, index: 0), r1 = Simulator.runReplication(model, index: 1)
    #expect(r0.workloads[0].arrived != r1.workloads[0].arrived || r0.events != r1.events)
}

@Test("Adding a workload does not change another workload's random numbers (stream independence)")
func addingAWorkloadKeepsOtherStreams() throws {
    let base = ModelConfiguration(
        name: "streams", seed: 11, simulation: settings(duration: 5_000, warmup: 100, replications: 4), sites: ["dc"],
        pools: [PoolConfiguration(id: "a", site: "dc", servers: 2)],
        workloads: [WorkloadConfiguration(id: "first", arrivals: ArrivalPattern(rate: 1.5),
                                          route: [.pool(id: "a", service: .lognormal(mean: 1, cv: 1))])])
    var extended = base
    // The new workload and its pool come first, so indices shift as well.
    extended.pools.insert(PoolConfiguration(id: "b", site: "dc", servers: 1), at: 0)
    extended.workloads.insert(WorkloadConfiguration(id: "second", arrivals: ArrivalPattern(rate: 0.5),
                                                    route: [.pool(id: "b", service: .exponential(mean: 1))]), at: 0)
    let m1 = try CompiledModel(base), m2 = try CompiledModel(extended)
    for r in 0..<4 {
        let x = Simulator.runReplication(m1, index: r), y = Simulator.runReplication(m2, index: r)
        #expect(x.workloads[0].arrived == y.workloads[1].arrived, "replication \(r)")
        #expect(x.workloads[0].completed == y.workloads[1].completed, "replication \(r)")
        // Its own pool is untouched, so every measurement is bit-for-bit the same.
        #expect(x.workloads[0].response.sum == y.workloads[1].response.sum, "replication \(r)")
        #expect(x.pools[0].utilization == y.pools[1].utilization, "replication \(r)")
        #expect(x.pools[0].wait.value(atPercentile: 95) == y.pools[1].wait.value(atPercentile: 95), "replication \(r)")
        #expect(y.workloads[0].arrived > 0)
    }
    // Sharing a pool changes waits, but still not the arrivals of the first workload.
    var shared = base
    shared.workloads.append(WorkloadConfiguration(id: "second", arrivals: ArrivalPattern(rate: 0.3),
                                                  route: [.pool(id: "a", service: .exponential(mean: 1))]))
    let m3 = try CompiledModel(shared)
    for r in 0..<4 {
        let x = Simulator.runReplication(m1, index: r), z = Simulator.runReplication(m3, index: r)
        #expect(x.workloads[0].arrived == z.workloads[0].arrived, "replication \(r)")
    }
}

@Test("More replications of a model already run: running only the new ones gives the results of running them all")
func addedReplicationsEqualARunOfAllOfThem() throws {
    let model = try CompiledModel(richModel(seed: 7))
    let all = Simulator.run(model, replications: 6, jobs: 2)
    let first = Simulator.replications(model, 0..<3, jobs: 2)
    let added = Simulator.replications(model, 3..<6, jobs: 1)
    #expect(Simulator.aggregate(model, first + added) == all)
    #expect(Simulator.aggregate(model, first) != all)
}
