import Foundation
import InfraModel
import Queueing
import SimKernel
import Testing

@Test("Server failures: availability is MTBF / (MTBF + MTTR)")
func availabilityIsMtbfOverCycle() throws {
    let mtbf = 100.0, mttr = 25.0, servers = 40
    let configuration = singlePool(servers: servers, rate: 2, service: .exponential(mean: 1),
                                   failures: FailureModel(mtbf: mtbf, mttr: mttr),
                                   simulation: settings(duration: 20_000, warmup: 500, replications: 12))
    let r = try simulate(configuration)
    let availability = mtbf / (mtbf + mttr)
    expectAgreement("availability", sim: r.pools[0].availability, theory: availability, slack: 0.005, within: 0.01)
    // The static analysis counts only the available share of capacity.
    let load = LoadAnalysis(try CompiledModel(configuration))
    #expect(abs(load.pools[0].meanUtilization - 2.0 / (Double(servers) * availability)) < 1e-12)
}

@Test("A request interrupted by a failure restarts at once on another free server, repeating its service")
func interruptedRequestRestartsOnFreeServer() throws {
    // 40 servers, 80% up, carrying 2 Erlangs: there is always a free server, so nobody ever waits.
    let mtbf = 100.0, mttr = 25.0, servers = 40, rate = 2.0
    let r = try simulate(singlePool(servers: servers, rate: rate, service: .deterministic(value: 1),
                                    failures: FailureModel(mtbf: mtbf, mttr: mttr),
                                    simulation: settings(duration: 20_000, warmup: 500, replications: 12)))
    let pool = r.pools[0]
    #expect(pool.queueLength.mean < 1e-6, "mean queue \(pool.queueLength.mean) with free servers")
    // Service restarts from the beginning with the same time S (repeat-identical): with failures
    // at rate γ during service, the time in service until completion has mean (e^{γS} − 1)/γ.
    let gamma = 1 / mtbf
    let perRequest = (exp(gamma * 1) - 1) / gamma
    expectAgreement("response with restarts", sim: pool.response.mean, theory: perRequest, slack: 0.001, within: 0.003)
    expectAgreement("utilisation including repeated work", sim: pool.utilization, theory: rate * perRequest / Double(servers),
                    slack: 0.006, within: 0.015)
}

@Test("A failing single server still carries its load, is up MTBF/(MTBF+MTTR), and makes requests wait longer")
func failuresLengthenWaits() throws {
    let mtbf = 500.0, mttr = 5.0
    let r = try simulate(singlePool(servers: 1, rate: 0.5, service: .exponential(mean: 1),
                                    failures: FailureModel(mtbf: mtbf, mttr: mttr),
                                    simulation: settings(duration: 50_000, warmup: 500, replications: 12)))
    let pool = r.pools[0]
    expectAgreement("single-server availability", sim: pool.availability, theory: mtbf / (mtbf + mttr), slack: 0.002, within: 0.005)
    // Requests interrupted by a failure go back to the queue and start again: none is lost.
    expectAgreement("throughput equals arrival rate", sim: pool.throughput, theory: 0.5, slack: 0.01, within: 0.02)
    #expect(pool.blockedFraction.mean == 0 && pool.abandonedFraction.mean == 0)
    // Outages make the queue longer than in the failure-free M/M/1.
    let plain = try MMc(arrivalRate: 0.5, serviceRate: 1, servers: 1)
    #expect(pool.wait.mean.lower > plain.meanWait, "wait \(pool.wait.mean.mean) should exceed the failure-free \(plain.meanWait)")
}
