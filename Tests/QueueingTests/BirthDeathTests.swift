import Foundation
import Testing
import Queueing

@Test func birthDeathOfMM1KIsTruncatedGeometric() throws {
    let rho = 0.8, k = 6
    let pi = try BirthDeath.stationary(birthRates: Array(repeating: rho, count: k), deathRates: Array(repeating: 1, count: k))
    #expect(pi.count == k + 1)
    for n in 0...k {
        #expect(isClose(pi[n], (1 - rho) * pow(rho, Double(n)) / (1 - pow(rho, Double(k + 1))), rel: 1e-12))
    }
}

@Test func birthDeathProbabilitiesSumToOneForExtremeRateRatios() throws {
    // λ/μ = 1e9 over 400 states would overflow any direct product (1e3600).
    let pi = try BirthDeath.stationary(birthRates: Array(repeating: 1e6, count: 400), deathRates: Array(repeating: 1e-3, count: 400))
    #expect(pi.allSatisfy { $0.isFinite && $0 >= 0 })
    #expect(isClose(pi.reduce(0, +), 1, rel: 1e-12))
    #expect(isClose(pi[400], 1, rel: 1e-8))
}

@Test func birthDeathZeroBirthRateMakesHigherStatesUnreachable() throws {
    let pi = try BirthDeath.stationary(birthRates: [1, 0, 5], deathRates: [1, 1, 1])
    #expect(isClose(pi[0], 0.5, rel: 1e-12))
    #expect(isClose(pi[1], 0.5, rel: 1e-12))
    #expect(pi[2] == 0 && pi[3] == 0)
}

@Test func birthDeathWithNoTransitionsHasOneCertainState() throws {
    #expect(try BirthDeath.stationary(birthRates: [], deathRates: []) == [1])
}

@Test func birthDeathRejectsMismatchedOrInvalidRates() {
    #expect(throws: QueueingError.self) { try BirthDeath.stationary(birthRates: [1, 1], deathRates: [1]) }
    #expect(throws: QueueingError.self) { try BirthDeath.stationary(birthRates: [1], deathRates: [0]) }
    #expect(throws: QueueingError.self) { try BirthDeath.stationary(birthRates: [-1], deathRates: [1]) }
}
