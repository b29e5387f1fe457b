import Testing
import Queueing

@Test func erlangBMatchesTableValueForTenServersAndFiveErlangs() throws {
    #expect(isClose(try ErlangB.blocking(servers: 10, offeredLoad: 5), 0.018384570336648, rel: 1e-12))
}

@Test func erlangBMatchesTableValueForHundredServersAndEightyErlangs() throws {
    #expect(isClose(try ErlangB.blocking(servers: 100, offeredLoad: 80), 0.003992028604553197, rel: 1e-12))
}

@Test func erlangBForOneServerIsLoadOverOnePlusLoad() throws {
    for a in [0.1, 1.0, 3.5, 250.0] {
        #expect(isClose(try ErlangB.blocking(servers: 1, offeredLoad: a), a / (1 + a), rel: 1e-14))
    }
}

@Test func erlangBForTwoServersAndOneErlangIsOneFifth() throws {
    #expect(isClose(try ErlangB.blocking(servers: 2, offeredLoad: 1), 0.2, rel: 1e-14))
}

@Test func erlangBWithZeroServersBlocksEverything() throws {
    #expect(try ErlangB.blocking(servers: 0, offeredLoad: 3) == 1)
}

@Test func erlangBWithZeroLoadNeverBlocks() throws {
    #expect(try ErlangB.blocking(servers: 5, offeredLoad: 0) == 0)
}

@Test func erlangBStaysAccurateForTenThousandServersAndHeavyOverload() throws {
    // Reference values from a 60-digit evaluation of the inverse series.
    #expect(isClose(try ErlangB.blocking(servers: 10_000, offeredLoad: 100_000), 0.9000011110836774, rel: 1e-10))
    #expect(isClose(try ErlangB.blocking(servers: 10_000, offeredLoad: 10_000), 0.007936563248805672, rel: 1e-9))
}

@Test func erlangBDoesNotUnderflowToGarbageForLightLoadOnManyServers() throws {
    #expect(isClose(try ErlangB.blocking(servers: 10_000, offeredLoad: 9_000), 2.0916197944192896e-26, rel: 1e-8))
}

@Test func erlangBDecreasesWithEachAddedServer() throws {
    var previous = 1.0
    for c in 1...40 {
        let b = try ErlangB.blocking(servers: c, offeredLoad: 20)
        #expect(b < previous)
        previous = b
    }
}

@Test func erlangBRejectsNegativeServersOrLoad() {
    #expect(throws: QueueingError.self) { try ErlangB.blocking(servers: -1, offeredLoad: 1) }
    #expect(throws: QueueingError.self) { try ErlangB.blocking(servers: 3, offeredLoad: -1) }
    #expect(throws: QueueingError.self) { try ErlangB.blocking(servers: 3, offeredLoad: .nan) }
}

@Test func erlangBMinimumServersForFiveErlangsAtTwoPercentIsTen() throws {
    // B(9, 5) = 0.0375 > 0.02 ≥ B(10, 5) = 0.0184.
    #expect(try ErlangB.minimumServers(offeredLoad: 5, maxBlocking: 0.02) == 10)
}

@Test func erlangBMinimumServersIsTightForLargeLoads() throws {
    let c = try ErlangB.minimumServers(offeredLoad: 100_000, maxBlocking: 0.01)
    #expect(try ErlangB.blocking(servers: c, offeredLoad: 100_000) <= 0.01)
    #expect(try ErlangB.blocking(servers: c - 1, offeredLoad: 100_000) > 0.01)
}

@Test func erlangBMinimumServersRejectsZeroTarget() {
    let error = #expect(throws: QueueingError.self) { try ErlangB.minimumServers(offeredLoad: 5, maxBlocking: 0) }
    #expect(error?.isInvalidParameter == true)
}
