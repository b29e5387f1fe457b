import Foundation
import Testing
import Queueing

@Test func erlangCForTwoServersAndOneErlangIsOneThird() throws {
    #expect(isClose(try ErlangC.probabilityOfWait(servers: 2, offeredLoad: 1), 1.0 / 3.0, rel: 1e-14))
    #expect(isClose(try MMc(arrivalRate: 1, serviceRate: 1, servers: 2).probabilityOfWait, 1.0 / 3.0, rel: 1e-14))
}

@Test func erlangCMatchesTableValueForTenServersAndEightErlangs() throws {
    #expect(isClose(try ErlangC.probabilityOfWait(servers: 10, offeredLoad: 8), 0.40918015079644354, rel: 1e-12))
}

@Test func erlangCRejectsLoadAtOrAboveServerCount() {
    #expect(throws: QueueingError.unstable(utilization: 1)) { try ErlangC.probabilityOfWait(servers: 4, offeredLoad: 4) }
}

@Test func mm1IsTheSingleServerCaseOfMMc() throws {
    let lambda = 3.0, mu = 4.0, rho = lambda / mu
    let q = try MMc(arrivalRate: lambda, serviceRate: mu, servers: 1)
    #expect(isClose(q.utilization, rho))
    #expect(isClose(q.probabilityOfWait, rho))
    #expect(isClose(q.meanWait, rho / (mu - lambda)))
    #expect(isClose(q.meanResponse, 1 / (mu - lambda)))
    #expect(isClose(q.meanQueueLength, rho * rho / (1 - rho)))
    #expect(isClose(q.meanNumberInSystem, rho / (1 - rho)))
}

@Test func mmcMeanWaitIsErlangCOverDrainRate() throws {
    let q = try MMc(arrivalRate: 8, serviceRate: 1, servers: 10)
    #expect(isClose(q.meanWait, 0.40918015079644354 / 2, rel: 1e-12))
    #expect(isClose(q.meanResponse, 0.40918015079644354 / 2 + 1, rel: 1e-12))
}

@Test func mmcSatisfiesLittlesLaw() throws {
    let q = try MMc(arrivalRate: 37, serviceRate: 2.5, servers: 17)
    #expect(isClose(q.meanQueueLength, q.arrivalRate * q.meanWait))
    #expect(isClose(q.meanNumberInSystem, q.meanQueueLength + q.offeredLoad))
}

@Test func mmcRejectsUtilizationAtOrAboveOne() {
    #expect(throws: QueueingError.unstable(utilization: 1.25)) { try MMc(arrivalRate: 10, serviceRate: 1, servers: 8) }
    #expect(throws: QueueingError.unstable(utilization: 1)) { try MMc(arrivalRate: 8, serviceRate: 1, servers: 8) }
}

@Test func mmcRejectsInvalidParameters() {
    for make in [
        { try MMc(arrivalRate: -1, serviceRate: 1, servers: 1) },
        { try MMc(arrivalRate: 1, serviceRate: 0, servers: 2) },
        { try MMc(arrivalRate: 1, serviceRate: 1, servers: 0) },
        { try MMc(arrivalRate: .infinity, serviceRate: 1, servers: 2) },
    ] as [() throws -> MMc] {
        let error = #expect(throws: QueueingError.self) { try make() }
        #expect(error?.isInvalidParameter == true)
    }
}

@Test func mmcWithNoArrivalsNeverWaits() throws {
    let q = try MMc(arrivalRate: 0, serviceRate: 2, servers: 3)
    #expect(q.probabilityOfWait == 0)
    #expect(q.meanWait == 0)
    #expect(q.meanResponse == 0.5)
}

@Test func mmcWaitQuantileIsZeroWithinTheAtomAtZero() throws {
    let q = try MMc(arrivalRate: 1, serviceRate: 1, servers: 2)  // C = 1/3
    #expect(try q.waitQuantile(0.5) == 0)
    #expect(try q.waitQuantile(0.66) == 0)
}

@Test func mmcWaitQuantileInvertsTheExponentialTail() throws {
    let q = try MMc(arrivalRate: 1, serviceRate: 1, servers: 2)  // C = 1/3, cμ − λ = 1
    #expect(isClose(try q.waitQuantile(0.9), log((1.0 / 3.0) / 0.1), rel: 1e-12))
    #expect(isClose(q.waitCDF(try q.waitQuantile(0.99)), 0.99, rel: 1e-12))
}

@Test func mmcQuantilesRejectProbabilitiesOutsideUnitInterval() throws {
    let q = try MMc(arrivalRate: 1, serviceRate: 1, servers: 2)
    #expect(throws: QueueingError.self) { try q.waitQuantile(1.5) }
    #expect(throws: QueueingError.self) { try q.responseQuantile(-0.1) }
    #expect(throws: QueueingError.self) { try q.responseQuantile(.nan) }
}

@Test func mm1ResponseQuantileIsExponentialWithRateMuMinusLambda() throws {
    let lambda = 3.0, mu = 4.0
    let q = try MMc(arrivalRate: lambda, serviceRate: mu, servers: 1)
    for p in [0.01, 0.5, 0.9, 0.99, 0.999999] {
        #expect(isClose(try q.responseQuantile(p), -log(1 - p) / (mu - lambda), rel: 1e-9))
    }
}

@Test func mmcResponseQuantileSolvesTheResponseCDF() throws {
    let q = try MMc(arrivalRate: 8, serviceRate: 1, servers: 10)
    for p in [0.1, 0.5, 0.95, 0.999] {
        #expect(isClose(q.responseCDF(try q.responseQuantile(p)), p, rel: 1e-9))
    }
}

@Test func mmcResponseCDFHandlesDrainRateEqualToServiceRate() throws {
    // cμ − λ = μ makes the wait and service exponentials share a rate (Erlang-2 tail).
    let q = try MMc(arrivalRate: 1, serviceRate: 1, servers: 2)
    let c = 1.0 / 3.0, t = 1.7
    let expected = 1 - ((1 - c) * exp(-t) + c * exp(-t) * (1 + t))
    #expect(isClose(q.responseCDF(t), expected, rel: 1e-12))
}

@Test func mmcResponseQuantileAtExtremeProbabilities() throws {
    let q = try MMc(arrivalRate: 1, serviceRate: 1, servers: 2)
    #expect(try q.responseQuantile(0) == 0)
    #expect(try q.responseQuantile(1) == .infinity)
    #expect(try q.waitQuantile(1) == .infinity)
}
