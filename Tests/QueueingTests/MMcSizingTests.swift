import Testing
import Queueing

// λ = 8/s, μ = 1/s: C(c, 8) for c = 9...12 is 0.653, 0.409, 0.245, 0.140, so
// Wq = 0.653, 0.205, 0.0817, 0.0350 s and P(Wq ≤ 0.1 s) = 0.409, 0.665, 0.819, 0.906.

@Test func sizingForMaxUtilizationRoundsUp() throws {
    #expect(try MMc.minimumServers(arrivalRate: 8, serviceRate: 1, target: .maxUtilization(0.8)) == 10)
    #expect(try MMc.minimumServers(arrivalRate: 8, serviceRate: 1, target: .maxUtilization(0.79)) == 11)
}

@Test func sizingAlwaysRequiresStability() throws {
    // ρ ≤ 1 is met by c = 8, but c = 8 is unstable; the answer must be 9.
    #expect(try MMc.minimumServers(arrivalRate: 8, serviceRate: 1, target: .maxUtilization(1)) == 9)
}

@Test func sizingForMeanWait() throws {
    #expect(try MMc.minimumServers(arrivalRate: 8, serviceRate: 1, target: .meanWait(0.1)) == 11)
}

@Test func sizingForMeanResponse() throws {
    #expect(try MMc.minimumServers(arrivalRate: 8, serviceRate: 1, target: .meanResponse(1.05)) == 12)
}

@Test func sizingForWaitQuantile() throws {
    #expect(try MMc.minimumServers(arrivalRate: 8, serviceRate: 1, target: .waitQuantile(p: 0.9, limit: 0.1)) == 12)
}

@Test func sizingForResponseQuantileIsTheSmallestSufficientServerCount() throws {
    let lambda = 40.0, mu = 1.0, p = 0.95, limit = 3.2
    let c = try MMc.minimumServers(arrivalRate: lambda, serviceRate: mu, target: .responseQuantile(p: p, limit: limit))
    #expect(try MMc(arrivalRate: lambda, serviceRate: mu, servers: c).responseQuantile(p) <= limit)
    #expect(try MMc(arrivalRate: lambda, serviceRate: mu, servers: c - 1).responseQuantile(p) > limit)
}

@Test func sizingForResponseQuantileOfSingleServerMatchesExponential() throws {
    // c = 1: P(T > t) = e^{−(μ−λ)t}; the p95 is ln(20)/(μ−λ) = 2.996 s for μ − λ = 1.
    #expect(try MMc.minimumServers(arrivalRate: 1, serviceRate: 2, target: .responseQuantile(p: 0.95, limit: 3.0)) == 1)
}

@Test func sizingRejectsMeanResponseAtOrBelowServiceTime() {
    let error = #expect(throws: QueueingError.self) {
        try MMc.minimumServers(arrivalRate: 8, serviceRate: 1, target: .meanResponse(1.0))
    }
    #expect(error?.isInfeasible == true)
}

@Test func sizingRejectsResponseQuantileBelowServiceTimeQuantile() {
    // The p90 of Exp(1) service alone is ln 10 = 2.30 s.
    let error = #expect(throws: QueueingError.self) {
        try MMc.minimumServers(arrivalRate: 8, serviceRate: 1, target: .responseQuantile(p: 0.9, limit: 2.3))
    }
    #expect(error?.isInfeasible == true)
}

@Test func sizingRejectsInvalidTargets() {
    for target in [MMcTarget.maxUtilization(0), .maxUtilization(1.5), .waitQuantile(p: 1, limit: 1), .meanWait(-1)] {
        let error = #expect(throws: QueueingError.self) {
            try MMc.minimumServers(arrivalRate: 8, serviceRate: 1, target: target)
        }
        #expect(error?.isInvalidParameter == true)
    }
}

@Test func sizingScalesToLargeLoads() throws {
    let c = try MMc.minimumServers(arrivalRate: 50_000, serviceRate: 1, target: .waitQuantile(p: 0.8, limit: 0))
    #expect(try ErlangC.probabilityOfWait(servers: c, offeredLoad: 50_000) <= 0.2)
    #expect(try ErlangC.probabilityOfWait(servers: c - 1, offeredLoad: 50_000) > 0.2)
}
