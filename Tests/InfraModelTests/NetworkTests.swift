import InfraModel
import Queueing
import SimKernel
import Testing

// Multi-step routes against product-form (Jackson / Kelly) networks.

@Test("Round trip across a link between two sites: end-to-end mean = station responses + link delays")
func crossSiteTandemAddsUp() throws {
    let rate = 3.0, bandwidth = 10e6, latency = 0.012
    let request = Distribution.exponential(mean: 50_000), response = Distribution.exponential(mean: 200_000)
    let configuration = ModelConfiguration(
        name: "tandem-2-sites", seed: suiteSeed, simulation: settings(duration: 20_000, warmup: 500, replications: 16),
        sites: ["hn", "hcm"],
        pools: [PoolConfiguration(id: "front", site: "hn", servers: 1),
                PoolConfiguration(id: "db", site: "hcm", servers: 4)],
        links: [LinkConfiguration(id: "wan", from: "hn", to: "hcm", bandwidth: bandwidth, latency: latency, sharing: .ps)],
        workloads: [WorkloadConfiguration(
            id: "query", arrivals: ArrivalPattern(rate: rate), requestSize: request, responseSize: response,
            route: [.pool(id: "front", service: .exponential(mean: 0.25)),
                    .link(id: "wan", size: nil),  // hn → hcm carries the request size
                    .pool(id: "db", service: .exponential(mean: 1)),
                    .link(id: "wan", size: nil)])])  // hcm → hn carries the response size
    let r = try simulate(configuration)
    // Burke: each station sees Poisson arrivals, so each is the M/M/c or M/G/1-PS it would be alone.
    let front = try MMc(arrivalRate: rate, serviceRate: 4, servers: 1)
    let db = try MMc(arrivalRate: rate, serviceRate: 1, servers: 4)
    let forward = try MG1ProcessorSharing(arrivalRate: rate, meanService: 8 * request.mean / bandwidth)
    let reverse = try MG1ProcessorSharing(arrivalRate: rate, meanService: 8 * response.mean / bandwidth)
    let total = front.meanResponse + forward.meanSojourn + latency + db.meanResponse + reverse.meanSojourn + latency
    expectAgreement("end-to-end mean response", sim: r.workloads[0].response.mean, theory: total)
    expectAgreement("front pool response", sim: r.pools[0].response.mean, theory: front.meanResponse)
    expectAgreement("db pool response", sim: r.pools[1].response.mean, theory: db.meanResponse)
    expectAgreement("forward (request) delay", sim: r.links[0].forward.delay.mean, theory: forward.meanSojourn + latency)
    expectAgreement("reverse (response) delay", sim: r.links[0].reverse.delay.mean, theory: reverse.meanSojourn + latency)
    expectAgreement("reverse utilisation", sim: r.links[0].reverse.utilization, theory: reverse.utilization, slack: 0.01, within: 0.03)
}

@Test("Two pools in tandem at one site: end-to-end mean response is the Jackson network sojourn")
func tandemMatchesJackson() throws {
    let rate = 1.5
    let configuration = ModelConfiguration(
        name: "tandem", seed: suiteSeed, simulation: settings(duration: 60_000, warmup: 500, replications: 16), sites: ["dc"],
        pools: [PoolConfiguration(id: "app", site: "dc", servers: 2), PoolConfiguration(id: "db", site: "dc", servers: 1)],
        workloads: [WorkloadConfiguration(id: "w", arrivals: ArrivalPattern(rate: rate),
                                          route: [.pool(id: "app", service: .exponential(mean: 1)),
                                                  .pool(id: "db", service: .exponential(mean: 0.4))])])
    let r = try simulate(configuration)
    let jackson = try JacksonNetwork(externalArrivalRates: [rate, 0], serviceRates: [1, 2.5], servers: [2, 1],
                                     routing: [[0, 1], [0, 0]])
    expectAgreement("tandem end-to-end mean response", sim: r.workloads[0].response.mean, theory: jackson.meanSojourn)
    expectAgreement("tandem station 1 response", sim: r.pools[0].response.mean, theory: try jackson.meanResponse(station: 0))
    expectAgreement("tandem station 2 response", sim: r.pools[1].response.mean, theory: try jackson.meanResponse(station: 1))
}

@Test("A route that revisits a pool: mean response is the product-form sojourn with doubled load there")
func reentrantRouteMatchesProductForm() throws {
    // Route app → db → app with the same exponential service at app on both visits: a Kelly network,
    // whose stations behave as M/M/c with their total arrival rates (app: 2λ).
    let rate = 0.6
    let configuration = ModelConfiguration(
        name: "reentrant", seed: suiteSeed, simulation: settings(duration: 60_000, warmup: 500, replications: 20), sites: ["dc"],
        pools: [PoolConfiguration(id: "app", site: "dc", servers: 2), PoolConfiguration(id: "db", site: "dc", servers: 1)],
        workloads: [WorkloadConfiguration(id: "w", arrivals: ArrivalPattern(rate: rate),
                                          route: [.pool(id: "app", service: .exponential(mean: 1.25)),
                                                  .pool(id: "db", service: .exponential(mean: 1)),
                                                  .pool(id: "app", service: .exponential(mean: 1.25))])])
    let r = try simulate(configuration)
    // Same mean load per station as a Jackson network in which app feeds db and db feeds app with probability ½.
    let jackson = try JacksonNetwork(externalArrivalRates: [rate, 0], serviceRates: [0.8, 1], servers: [2, 1],
                                     routing: [[0, 0.5], [1, 0]])
    #expect(abs(try jackson.throughput(station: 0) - 2 * rate) < 1e-12)
    expectAgreement("re-entrant end-to-end mean response", sim: r.workloads[0].response.mean, theory: jackson.meanSojourn)
    expectAgreement("re-entrant app pool response per visit", sim: r.pools[0].response.mean, theory: try jackson.meanResponse(station: 0))
    expectAgreement("re-entrant app arrival rate", sim: r.pools[0].arrivalRate, theory: 2 * rate, slack: 0.005, within: 0.01)
}
