import Testing
import Queueing

@Test func jacksonTandemSojournIsSumOfMM1Responses() throws {
    let net = try JacksonNetwork(externalArrivalRates: [1, 0], serviceRates: [2, 3], servers: [1, 1],
                                 routing: [[0, 1], [0, 0]])
    let expected: Double = 1.0 / (2.0 - 1.0) + 1.0 / (3.0 - 1.0)
    #expect(isClose(net.meanSojourn, expected, rel: 1e-12))
    #expect(isClose(try net.throughput(station: 1), 1, rel: 1e-12))
    #expect(isClose(try net.meanResponse(station: 0), 1, rel: 1e-12))
}

@Test func jacksonFeedbackMultipliesVisits() throws {
    // γ = 1/s with 50% feedback: λ = 2/s, μ = 4/s, 0.5 s per visit, 2 visits per request.
    let net = try JacksonNetwork(externalArrivalRates: [1], serviceRates: [4], servers: [1], routing: [[0.5]])
    #expect(isClose(try net.throughput(station: 0), 2, rel: 1e-12))
    #expect(isClose(try net.utilization(station: 0), 0.5, rel: 1e-12))
    #expect(isClose(try net.meanResponse(station: 0), 0.5, rel: 1e-12))
    #expect(isClose(try net.visitRatio(station: 0), 2, rel: 1e-12))
    #expect(isClose(net.meanSojourn, 1, rel: 1e-12))
}

@Test func jacksonSolvesTrafficEquationsWithBranchingAndLoops() throws {
    let gamma = [2.0, 1.0, 0.0]
    let p = [[0.0, 0.6, 0.3], [0.2, 0.0, 0.5], [0.1, 0.1, 0.0]]
    let net = try JacksonNetwork(externalArrivalRates: gamma, serviceRates: [20, 20, 20], servers: [1, 1, 1], routing: p)
    for j in 0..<3 {
        var inflow = gamma[j]
        for i in 0..<3 { inflow += (try net.throughput(station: i)) * p[i][j] }
        #expect(isClose(try net.throughput(station: j), inflow, rel: 1e-12))
    }
}

@Test func jacksonMultiServerStationIsMMc() throws {
    let net = try JacksonNetwork(externalArrivalRates: [8], serviceRates: [1], servers: [10], routing: [[0]])
    let mmc = try MMc(arrivalRate: 8, serviceRate: 1, servers: 10)
    #expect(isClose(net.meanSojourn, mmc.meanResponse, rel: 1e-12))
}

@Test func jacksonRejectsStationOverloadedByFeedback() {
    let error = #expect(throws: QueueingError.self) {
        try JacksonNetwork(externalArrivalRates: [1], serviceRates: [1.5], servers: [1], routing: [[0.5]])
    }
    #expect(error?.isUnstable == true)
}

@Test func jacksonRejectsRoutingThatNeverLeaves() {
    let error = #expect(throws: QueueingError.self) {
        try JacksonNetwork(externalArrivalRates: [1, 0], serviceRates: [5, 5], servers: [1, 1], routing: [[0, 1], [1, 0]])
    }
    #expect(error?.isInvalidParameter == true)
}

@Test func jacksonRejectsMalformedInputs() throws {
    #expect(throws: QueueingError.self) {
        try JacksonNetwork(externalArrivalRates: [1], serviceRates: [5, 5], servers: [1], routing: [[0]])
    }
    #expect(throws: QueueingError.self) {
        try JacksonNetwork(externalArrivalRates: [1, 0], serviceRates: [5, 5], servers: [1, 1], routing: [[0.6, 0.6], [0, 0]])
    }
    let net = try JacksonNetwork(externalArrivalRates: [1], serviceRates: [5], servers: [1], routing: [[0]])
    #expect(throws: QueueingError.self) { try net.utilization(station: 1) }
}
