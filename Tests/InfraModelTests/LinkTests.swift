import InfraModel
import Queueing
import SimKernel
import Testing

// One direction of a WAN link against M/G/1-PS and M/D/1.

/// A link "ab" from site a to b carrying one workload of transfers of `size` bytes.
private func linkModel(sharing: LinkSharing, bandwidth: Double, latency: Double, rate: Double, size: Distribution,
                       duration: Double, replications: Int) -> ModelConfiguration {
    ModelConfiguration(
        name: "link", seed: suiteSeed, simulation: settings(duration: duration, warmup: 200, replications: replications),
        sites: ["a", "b"], pools: [],
        links: [LinkConfiguration(id: "ab", from: "a", to: "b", bandwidth: bandwidth, latency: latency, sharing: sharing)],
        workloads: [WorkloadConfiguration(id: "transfers", arrivals: ArrivalPattern(rate: rate), route: [.link(id: "ab", size: size)])])
}

struct SizeCase: Sendable, CustomTestStringConvertible {
    let name: String
    let size: Distribution
    var testDescription: String { name }
}

@Test("PS link: mean delay is E[S]/(1−ρ) + latency whatever the size distribution (M/G/1-PS)", arguments: [
    SizeCase(name: "deterministic 100 KB", size: .deterministic(value: 100_000)),
    SizeCase(name: "lognormal mean 100 KB cv 2", size: .lognormal(mean: 100_000, cv: 2)),
    SizeCase(name: "exponential mean 100 KB", size: .exponential(mean: 100_000)),
])
func psLinkDelayIsInsensitive(_ c: SizeCase) throws {
    let bandwidth = 10e6, latency = 0.015, rate = 9.0
    let r = try simulate(linkModel(sharing: .ps, bandwidth: bandwidth, latency: latency, rate: rate, size: c.size,
                                   duration: 20_000, replications: 16))
    let meanService = 8 * c.size.mean / bandwidth  // 0.08 s at full bandwidth
    let ps = try MG1ProcessorSharing(arrivalRate: rate, meanService: meanService)
    let link = r.links[0]
    expectAgreement("PS \(c.name): forward mean delay", sim: link.forward.delay.mean, theory: ps.meanSojourn + latency)
    expectAgreement("PS \(c.name): end-to-end response", sim: r.workloads[0].response.mean, theory: ps.meanSojourn + latency)
    expectAgreement("PS \(c.name): forward utilisation ρ", sim: link.forward.utilization, theory: ps.utilization, slack: 0.01, within: 0.02)
    expectAgreement("PS \(c.name): forward throughput bit/s", sim: link.forward.throughputBps, theory: rate * 8 * c.size.mean,
                    slack: 0.01, within: 0.03)
    #expect(link.reverse.utilization.mean == 0 && link.reverse.delay.count == 0)
}

@Test("FIFO link with deterministic sizes: mean delay is the M/D/1 response + latency")
func fifoLinkIsMD1() throws {
    let bandwidth = 10e6, latency = 0.015, rate = 9.0, bytes = 100_000.0
    let r = try simulate(linkModel(sharing: .fifo, bandwidth: bandwidth, latency: latency, rate: rate,
                                   size: .deterministic(value: bytes), duration: 20_000, replications: 16))
    let md1 = try MG1(arrivalRate: rate, meanService: 8 * bytes / bandwidth, serviceSCV: 0)
    let link = r.links[0]
    expectAgreement("FIFO link mean delay", sim: link.forward.delay.mean, theory: md1.meanResponse + latency)
    expectAgreement("FIFO link utilisation", sim: link.forward.utilization, theory: md1.utilization, slack: 0.01, within: 0.02)
    // No transfer is faster than its transmission time plus the propagation delay.
    #expect(link.forward.delay.p50 >= (8 * bytes / bandwidth + latency) * 0.996)
}
