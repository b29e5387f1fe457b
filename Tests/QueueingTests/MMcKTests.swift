import Foundation
import Testing
import Queueing

@Test func mm1KBlockingMatchesClosedForm() throws {
    let rho = 0.8, k = 5
    let q = try MMcK(arrivalRate: rho, serviceRate: 1, servers: 1, capacity: k - 1)
    let expected = (1 - rho) * pow(rho, Double(k)) / (1 - pow(rho, Double(k + 1)))
    #expect(isClose(q.blockingProbability, expected, rel: 1e-12))
}

@Test func mm1KMeanNumberMatchesClosedForm() throws {
    let rho = 0.8, k = 5.0
    let q = try MMcK(arrivalRate: rho, serviceRate: 1, servers: 1, capacity: 4)
    let expected = rho / (1 - rho) - (k + 1) * pow(rho, k + 1) / (1 - pow(rho, k + 1))
    #expect(isClose(q.meanNumberInSystem, expected, rel: 1e-12))
}

@Test func mm1KAtUnitLoadIsUniform() throws {
    let q = try MMcK(arrivalRate: 2, serviceRate: 2, servers: 1, capacity: 9)
    #expect(isClose(q.blockingProbability, 1.0 / 11, rel: 1e-12))
    #expect(isClose(q.meanNumberInSystem, 5, rel: 1e-12))
}

@Test func mmcKWithNoWaitingRoomIsErlangB() throws {
    let q = try MMcK(arrivalRate: 5, serviceRate: 1, servers: 10, capacity: 0)
    #expect(isClose(q.blockingProbability, try ErlangB.blocking(servers: 10, offeredLoad: 5), rel: 1e-12))
    #expect(q.meanQueueLength == 0)
    #expect(isClose(q.meanResponse, 1, rel: 1e-12))
}

@Test func mmcKWithLargeWaitingRoomApproachesErlangC() throws {
    let finite = try MMcK(arrivalRate: 8, serviceRate: 1, servers: 10, capacity: 500)
    let infinite = try MMc(arrivalRate: 8, serviceRate: 1, servers: 10)
    #expect(finite.blockingProbability < 1e-40)
    #expect(isClose(finite.meanWait, infinite.meanWait, rel: 1e-10))
    #expect(isClose(finite.meanResponse, infinite.meanResponse, rel: 1e-10))
    #expect(isClose(finite.meanQueueLength, infinite.meanQueueLength, rel: 1e-10))
}

@Test func mmcKIsStableInOverload() throws {
    let q = try MMcK(arrivalRate: 30, serviceRate: 1, servers: 10, capacity: 20)
    #expect(q.blockingProbability > 0.6 && q.blockingProbability < 1)
    #expect(isClose(q.throughput, 10 * q.utilization, rel: 1e-12))
    #expect(q.utilization < 1)
}

@Test func mmcKSatisfiesLittlesLawForAdmittedRequests() throws {
    let q = try MMcK(arrivalRate: 9, serviceRate: 2, servers: 4, capacity: 6)
    #expect(isClose(q.throughput, 9 * (1 - q.blockingProbability), rel: 1e-12))
    #expect(isClose(q.throughput, 2 * 4 * q.utilization, rel: 1e-12))  // flow balance
    #expect(isClose(q.meanResponse, q.meanWait + 0.5, rel: 1e-12))
}

@Test func mmcKRejectsInvalidParameters() {
    #expect(throws: QueueingError.self) { try MMcK(arrivalRate: 1, serviceRate: 1, servers: 0, capacity: 3) }
    #expect(throws: QueueingError.self) { try MMcK(arrivalRate: 1, serviceRate: 1, servers: 1, capacity: -1) }
    #expect(throws: QueueingError.self) { try MMcK(arrivalRate: 1, serviceRate: -1, servers: 1, capacity: 1) }
    #expect(throws: QueueingError.self) { try MMcK(arrivalRate: 1, serviceRate: 1, servers: 1, capacity: Int.max) }
}
