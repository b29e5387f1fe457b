import Foundation
import InfraModel
import SimKernel
import Testing

@Suite("latency targets when no request finishes")
struct UnfinishedRequestsTargetTests {
    /// Found while feeding absurd values to `size`: with a service time of 10^300 s no request finishes, the latency
    /// histograms stay empty and their percentiles read 0 s, so a p95 target looked met.
    @Test func aLatencyTargetIsNotMetWhenRequestsCameButNoneFinished() throws {
        let c = singlePool(servers: 1, rate: 2, service: .deterministic(value: 1e300),
                           simulation: settings(duration: 60, warmup: 0, replications: 2),
                           targets: [Target(subject: .workload("load"), metric: .p95, limit: 1),
                                     Target(subject: .workload("load"), metric: .mean, limit: 1),
                                     Target(subject: .resource(.pool("q")), metric: .p99, limit: 1)])
        let results = Simulator.run(try CompiledModel(c), jobs: 1)
        #expect(results.workloads[0].arrived > 0 && results.workloads[0].completed == 0)
        #expect(results.targets.count == 3)
        for t in results.targets {
            #expect(!t.met)
            #expect(t.value == .infinity)
        }
    }

    @Test func aLatencyTargetWithoutAnyArrivalIsStillMet() throws {
        let c = singlePool(servers: 1, rate: 0, service: .deterministic(value: 1),
                           simulation: settings(duration: 60, warmup: 0, replications: 2),
                           targets: [Target(subject: .workload("load"), metric: .p95, limit: 1)])
        let results = Simulator.run(try CompiledModel(c), jobs: 1)
        #expect(results.targets.first?.met == true)
    }
}
