import Testing
import Queueing

@Test func processorSharingMeanSojournIsMeanServiceOverOneMinusRho() throws {
    #expect(isClose(try MG1ProcessorSharing.meanSojourn(arrivalRate: 3, meanService: 0.25), 1.0, rel: 1e-12))
}

@Test func processorSharingMeanSojournEqualsMM1Response() throws {
    let m = try MMc(arrivalRate: 7, serviceRate: 10, servers: 1)
    #expect(isClose(try MG1ProcessorSharing.meanSojourn(arrivalRate: 7, meanService: 0.1), m.meanResponse, rel: 1e-12))
}

@Test func processorSharingConditionalSojournIsLinearInServiceTime() throws {
    let ps = try MG1ProcessorSharing(arrivalRate: 0.8, meanService: 1)
    #expect(isClose(try ps.meanSojourn(forServiceTime: 2), 10, rel: 1e-12))
    #expect(isClose(try ps.meanSojourn(forServiceTime: 0.5), 2.5, rel: 1e-12))
    #expect(isClose(try MG1ProcessorSharing.meanSojourn(forServiceTime: 3, arrivalRate: 0.8, meanService: 1), 15, rel: 1e-12))
}

@Test func processorSharingSatisfiesLittlesLaw() throws {
    let ps = try MG1ProcessorSharing(arrivalRate: 0.6, meanService: 1.5)
    #expect(isClose(ps.meanNumberInSystem, ps.arrivalRate * ps.meanSojourn, rel: 1e-12))
}

@Test func processorSharingRejectsOverload() {
    #expect(throws: QueueingError.unstable(utilization: 2)) { try MG1ProcessorSharing.meanSojourn(arrivalRate: 4, meanService: 0.5) }
}
