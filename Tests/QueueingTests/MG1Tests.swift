import Testing
import Queueing

@Test func pollaczekKhinchineWithExponentialServiceIsMM1() throws {
    let g = try MG1(arrivalRate: 3, meanService: 0.25, serviceSCV: 1)
    let m = try MMc(arrivalRate: 3, serviceRate: 4, servers: 1)
    #expect(isClose(g.meanWait, m.meanWait, rel: 1e-12))
    #expect(isClose(g.meanResponse, m.meanResponse, rel: 1e-12))
    #expect(isClose(g.meanQueueLength, m.meanQueueLength, rel: 1e-12))
    #expect(isClose(g.meanNumberInSystem, m.meanNumberInSystem, rel: 1e-12))
}

@Test func md1WaitIsRhoOverTwoMuOneMinusRho() throws {
    let lambda = 0.7, mu = 1.0, rho = lambda / mu
    let d = try MG1(arrivalRate: lambda, meanService: 1 / mu, serviceSCV: 0)
    #expect(isClose(d.meanWait, rho / (2 * mu * (1 - rho)), rel: 1e-12))
}

@Test func md1WaitIsHalfTheMM1Wait() throws {
    let d = try MG1(arrivalRate: 0.9, meanService: 1, serviceSCV: 0)
    let m = try MG1(arrivalRate: 0.9, meanService: 1, serviceSCV: 1)
    #expect(isClose(d.meanWait, m.meanWait / 2, rel: 1e-12))
}

@Test func mg1WaitGrowsLinearlyInOnePlusSCV() throws {
    // λ = 0.5/s, E[S] = 1 s, SCV = 4 (e.g. hyperexponential): Wq = 0.5·5/(2·0.5) = 2.5 s.
    let g = try MG1(arrivalRate: 0.5, meanService: 1, serviceSCV: 4)
    #expect(isClose(g.meanWait, 2.5, rel: 1e-12))
    #expect(isClose(g.meanNumberInSystem, g.meanQueueLength + g.utilization, rel: 1e-12))
}

@Test func mg1RejectsUtilizationAtOrAboveOne() {
    #expect(throws: QueueingError.unstable(utilization: 1.5)) { try MG1(arrivalRate: 3, meanService: 0.5, serviceSCV: 1) }
}

@Test func mg1RejectsNegativeSCV() {
    let error = #expect(throws: QueueingError.self) { try MG1(arrivalRate: 0.1, meanService: 1, serviceSCV: -0.5) }
    #expect(error?.isInvalidParameter == true)
}
