import Testing
import Queueing

@Test func mvaSingleStationWithoutThinkTimeIsSaturated() throws {
    let r = try MeanValueAnalysis.solve(population: 5, serviceDemands: [0.2], thinkTime: 0)
    #expect(isClose(r.throughput, 5, rel: 1e-12))
    #expect(isClose(r.responseTime, 1, rel: 1e-12))
    #expect(isClose(r.queueLengths[0], 5, rel: 1e-12))
    #expect(isClose(r.utilizations[0], 1, rel: 1e-12))
}

@Test func mvaMachineRepairmanWithTwoJobsMatchesHandValues() throws {
    // N = 2, D = 1 s, Z = 1 s: states 0,1,2 at the station have weights 1:2:2.
    let r = try MeanValueAnalysis.solve(population: 2, serviceDemands: [1], thinkTime: 1)
    #expect(isClose(r.throughput, 0.8, rel: 1e-12))
    #expect(isClose(r.queueLengths[0], 1.2, rel: 1e-12))
    #expect(isClose(r.responseTime, 1.5, rel: 1e-12))
}

@Test func mvaAgreesWithFiniteSourceBirthDeathChain() throws {
    let n = 10, d = 0.5, z = 3.0
    let r = try MeanValueAnalysis.solve(population: n, serviceDemands: [d], thinkTime: z)
    let pi = try BirthDeath.stationary(birthRates: (0..<n).map { Double(n - $0) / z },
                                       deathRates: Array(repeating: 1 / d, count: n))
    #expect(isClose(r.throughput, (1 - pi[0]) / d, rel: 1e-12))
    var queue = 0.0
    for (k, p) in pi.enumerated() { queue += Double(k) * p }
    #expect(isClose(r.queueLengths[0], queue, rel: 1e-12))
}

@Test func mvaTwoBalancedStationsWithTwoJobs() throws {
    // Product form: states (2,0), (1,1), (0,2) equally likely, so U = X·D = 2/3.
    let r = try MeanValueAnalysis.solve(population: 2, serviceDemands: [1, 1], thinkTime: 0)
    #expect(isClose(r.throughput, 2.0 / 3.0, rel: 1e-12))
    #expect(isClose(r.queueLengths[0], 1, rel: 1e-12))
    #expect(isClose(r.residenceTimes[1], 1.5, rel: 1e-12))
}

@Test func mvaDelayStationsAddNoQueueing() throws {
    let r = try MeanValueAnalysis.solve(population: 7, serviceDemands: [0.5, 1.5], thinkTime: 2,
                                        isDelayStation: [true, true])
    #expect(isClose(r.throughput, 7.0 / 4.0, rel: 1e-12))
    #expect(isClose(r.responseTime, 2, rel: 1e-12))
    #expect(isClose(r.meanThinking + r.queueLengths.reduce(0, +), 7, rel: 1e-12))
}

@Test func mvaThroughputApproachesBottleneckBoundForLargePopulations() throws {
    let r = try MeanValueAnalysis.solve(population: 500, serviceDemands: [0.05, 0.1, 0.02], thinkTime: 5)
    #expect(r.throughput <= 10)
    #expect(isClose(r.throughput, 10, rel: 1e-6))
    #expect(isClose(r.meanThinking + r.queueLengths.reduce(0, +), 500, rel: 1e-12))
}

@Test func mvaWithNoJobsHasZeroThroughput() throws {
    let r = try MeanValueAnalysis.solve(population: 0, serviceDemands: [0.3, 0.2], thinkTime: 1)
    #expect(r.throughput == 0)
    #expect(isClose(r.responseTime, 0.5, rel: 1e-12))
}

@Test func mvaRejectsMismatchedOrInvalidInputs() {
    #expect(throws: QueueingError.self) {
        try MeanValueAnalysis.solve(population: 3, serviceDemands: [1, 2], thinkTime: 0, isDelayStation: [false])
    }
    #expect(throws: QueueingError.self) { try MeanValueAnalysis.solve(population: -1, serviceDemands: [1], thinkTime: 0) }
    #expect(throws: QueueingError.self) { try MeanValueAnalysis.solve(population: 2, serviceDemands: [0], thinkTime: 0) }
}
