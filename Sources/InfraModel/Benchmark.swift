import Foundation
import SimKernel

/// The engine benchmark: an M/M/c queue simulated on one thread through the full infrastructure
/// model (arrival process, pool, workload statistics), timed by the wall clock.
public enum Benchmark {
    public struct Measurement: Sendable {
        /// Customers that arrived.
        public var customers: Int
        /// Calendar events processed.
        public var events: UInt64
        /// Wall-clock seconds.
        public var seconds: Double
        public var customersPerSecond: Double { Double(customers) / seconds }
        public var eventsPerSecond: Double { Double(events) / seconds }
        /// Simulated mean response, seconds (a sanity check against Erlang C).
        public var meanResponse: Double
    }

    /// The M/M/c model: c servers, exponential service with mean 1 s, Poisson arrivals at
    /// `utilization` × c per second, simulated long enough for about `customers` arrivals.
    public static func mmcModel(servers: Int, utilization: Double, customers: Int, seed: UInt64 = 1) -> ModelConfiguration {
        let rate = utilization * Double(servers)
        return ModelConfiguration(
            name: "bench-mmc", seed: seed,
            simulation: SimulationSettings(duration: Double(customers) / rate, warmup: 0, replications: 1),
            sites: ["dc"],
            pools: [PoolConfiguration(id: "pool", site: "dc", servers: servers)],
            workloads: [WorkloadConfiguration(id: "load", arrivals: ArrivalPattern(rate: rate),
                                              route: [.pool(id: "pool", service: .exponential(mean: 1))])])
    }

    /// Runs the M/M/c benchmark once on the calling thread.
    public static func runMMc(servers: Int = 8, utilization: Double = 0.9, customers: Int = 10_000_000, seed: UInt64 = 1) throws -> Measurement {
        let model = try CompiledModel(mmcModel(servers: servers, utilization: utilization, customers: customers, seed: seed))
        let start = DispatchTime.now().uptimeNanoseconds
        let r = Simulator.runReplication(model, index: 0)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Measurement(customers: r.workloads[0].arrived, events: r.events, seconds: seconds,
                           meanResponse: r.workloads[0].response.mean)
    }
}
