import Foundation
import Testing
import Queueing

@Test func erlangAWithVanishingAbandonmentApproachesErlangC() throws {
    let a = try ErlangA(arrivalRate: 8, serviceRate: 1, servers: 10, abandonmentRate: 1e-9)
    let c = try MMc(arrivalRate: 8, serviceRate: 1, servers: 10)
    #expect(isClose(a.probabilityOfWait, c.probabilityOfWait, rel: 1e-6))
    #expect(isClose(a.meanWait, c.meanWait, rel: 1e-6))
    #expect(isClose(a.meanQueueLength, c.meanQueueLength, rel: 1e-6))
    #expect(a.abandonmentProbability < 1e-8)
}

@Test func erlangAWithZeroAbandonmentIsErlangC() throws {
    let a = try ErlangA(arrivalRate: 8, serviceRate: 1, servers: 10, abandonmentRate: 0)
    let c = try MMc(arrivalRate: 8, serviceRate: 1, servers: 10)
    #expect(isClose(a.probabilityOfWait, c.probabilityOfWait, rel: 1e-12))
    #expect(isClose(a.meanWait, c.meanWait, rel: 1e-12))
}

@Test func erlangAWithPatienceEqualToServiceIsPoisson() throws {
    // θ = μ makes every death rate nμ: the number present is Poisson(λ/μ), as in M/M/∞.
    let lambda = 20.0, c = 10
    let a = try ErlangA(arrivalRate: lambda, serviceRate: 1, servers: c, abandonmentRate: 1)
    var pWait = 0.0, queue = 0.0
    for n in 0..<200 {
        let p = exp(Double(n) * log(lambda) - lambda - lgamma(Double(n) + 1))
        if n >= c { pWait += p; queue += Double(n - c) * p }
    }
    #expect(isClose(a.probabilityOfWait, pWait, rel: 1e-12))
    #expect(isClose(a.meanQueueLength, queue, rel: 1e-12))
    #expect(isClose(a.meanNumberInSystem, lambda, rel: 1e-12))
    #expect(isClose(a.abandonmentProbability, queue / lambda, rel: 1e-12))
}

@Test func erlangAIsStableInOverloadAndConservesFlow() throws {
    let a = try ErlangA(arrivalRate: 20, serviceRate: 1, servers: 10, abandonmentRate: 0.5)
    // Every arrival is either served or abandons: λ = μ·busy + θ·Lq.
    #expect(isClose(a.arrivalRate, a.throughput + a.abandonmentRate * a.meanQueueLength, rel: 1e-10))
    #expect(isClose(a.abandonmentProbability, 1 - a.throughput / a.arrivalRate, rel: 1e-10))
    #expect(a.utilization < 1 && a.utilization > 0.99)
    #expect(a.abandonmentProbability > 0.45 && a.abandonmentProbability < 0.55)
}

@Test func erlangAMeanWaitIsLittleOverAllArrivals() throws {
    let a = try ErlangA(arrivalRate: 9, serviceRate: 1, servers: 10, abandonmentRate: 0.2)
    #expect(isClose(a.meanWait, a.meanQueueLength / 9, rel: 1e-12))
    #expect(isClose(a.abandonmentProbability, 0.2 * a.meanWait, rel: 1e-12))
}

@Test func erlangARejectsOverloadWithoutAbandonment() {
    let error = #expect(throws: QueueingError.self) {
        try ErlangA(arrivalRate: 12, serviceRate: 1, servers: 10, abandonmentRate: 0)
    }
    #expect(error?.isUnstable == true)
}

@Test func erlangAReportsTruncationCapForHopelessPatience() {
    // Overload 1999/s drained only by θ = 1e-6/s per waiter needs ~2e9 states.
    let error = #expect(throws: QueueingError.self) {
        try ErlangA(arrivalRate: 2000, serviceRate: 1, servers: 1, abandonmentRate: 1e-6)
    }
    #expect(error?.isNotConverged == true)
}
