import Foundation
import InfraModel
import PropertyBased
import SimKernel
import Testing

/// Invariants every simulation result must satisfy, on random small models: conservation of requests, Little's law
/// per pool, utilisation at most 1.
@Suite("results invariants")
struct ResultsProperties {
    /// One pool "q" with `servers` × `concurrency` channels and an optional finite queue, fed at `load` × capacity
    /// with exponential service of mean 1 s (no warm-up, so every request counted arrived in the measured period).
    static func model(servers: Int, concurrency: Int, load: Double, queue: Int?, failures: Bool, seed: UInt64) -> ModelConfiguration {
        let capacity = Double(servers * concurrency)
        return ModelConfiguration(
            name: "property", seed: seed, simulation: SimulationSettings(duration: 2000, warmup: 0, replications: 3),
            sites: ["dc"],
            pools: [PoolConfiguration(id: "q", site: "dc", servers: servers, concurrency: concurrency, queueCapacity: queue,
                                      failures: failures ? FailureModel(mtbf: 500, mttr: 50) : nil)],
            workloads: [WorkloadConfiguration(id: "w", arrivals: ArrivalPattern(rate: load * capacity),
                                              route: [.pool(id: "q", service: .exponential(mean: 1))])])
    }

    @Test func everyArrivalIsCompletedLostOrStillInFlightAtTheEnd() async throws {
        await propertyCheck(count: 12, input: Gen.int(in: 1...4), Gen.int(in: 1...3), Gen.double(in: 0.2...1.5),
                            Gen.int(in: 0...20)) { servers, concurrency, load, queue in
            let c = Self.model(servers: servers, concurrency: concurrency, load: load, queue: queue, failures: false,
                               seed: UInt64(servers * 1000 + queue))
            let compiled = try CompiledModel(c)
            for r in 0..<c.simulation.replications {
                let w = Simulator.runReplication(compiled, index: r).workloads[0]
                // In flight at the end: in service (at most servers × concurrency) or waiting (at most `queue`).
                let inFlight = w.arrived - w.completed - w.lost
                #expect(inFlight >= 0 && inFlight <= servers * concurrency + queue,
                        "arrived \(w.arrived), completed \(w.completed), lost \(w.lost): \(inFlight) in flight")
            }
        }
    }

    @Test func littlesLawHoldsAtEveryPoolWithinTheRunsEdgeEffects() async throws {
        await propertyCheck(count: 10, input: Gen.int(in: 1...4), Gen.int(in: 1...3), Gen.double(in: 0.2...0.85)) { servers, concurrency, load in
            let c = Self.model(servers: servers, concurrency: concurrency, load: load, queue: nil, failures: false,
                               seed: UInt64(servers * 10 + concurrency))
            let compiled = try CompiledModel(c)
            for r in 0..<c.simulation.replications {
                let pool = Simulator.runReplication(compiled, index: r).pools[0]
                // L = λ W over [0, T]: time-average number in the pool = completions per second × mean time in the
                // pool. They differ only by the requests present at the end (counted in L, not yet in W): at most
                // channels + queue, each for at most the run, so a few per cent of L for 2,000 s with mean service 1 s.
                let l = pool.inSystem
                let lambdaW = pool.throughput * pool.response.mean
                #expect(abs(l - lambdaW) <= 0.03 * l + 0.02, "L \(l), λW \(lambdaW) (λ \(pool.throughput), W \(pool.response.mean))")
            }
        }
    }

    @Test func utilisationNeverExceedsOneEvenOverloadedOrFailing() async throws {
        await propertyCheck(count: 12, input: Gen.int(in: 1...4), Gen.double(in: 0.5...3), Gen.int(in: 0...1)) { servers, load, failing in
            let c = Self.model(servers: servers, concurrency: 2, load: load, queue: 50, failures: failing == 1,
                               seed: UInt64(servers + 7))
            let results = Simulator.run(try CompiledModel(c), jobs: 1)
            for p in results.pools {
                #expect(p.utilization.mean <= 1 + 1e-9)
                #expect(p.availability.mean <= 1 + 1e-9)
            }
        }
    }
}
