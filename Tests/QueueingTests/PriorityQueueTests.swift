import Testing
import Queueing

@Test func singleClassPriorityQueueIsPlainMG1() throws {
    let p = try NonPreemptivePriority(classes: [(arrivalRate: 0.5, meanService: 1, serviceSCV: 4)])
    let g = try MG1(arrivalRate: 0.5, meanService: 1, serviceSCV: 4)
    #expect(isClose(try p.meanWait(class: 0), g.meanWait, rel: 1e-12))
}

@Test func cobhamTwoExponentialClassesMatchHandValues() throws {
    // λ1 = λ2 = 0.3/s, E[S] = 1 s exponential: W0 = 0.6 s, σ1 = 0.3, σ2 = 0.6.
    let p = try NonPreemptivePriority(classes: [
        (arrivalRate: 0.3, meanService: 1, serviceSCV: 1),
        (arrivalRate: 0.3, meanService: 1, serviceSCV: 1),
    ])
    #expect(isClose(p.meanResidualWork, 0.6, rel: 1e-12))
    #expect(isClose(try p.meanWait(class: 0), 0.6 / 0.7, rel: 1e-12))
    #expect(isClose(try p.meanWait(class: 1), 0.6 / (0.7 * 0.4), rel: 1e-12))
    #expect(isClose(try p.meanResponse(class: 1), 0.6 / (0.7 * 0.4) + 1, rel: 1e-12))
}

@Test func priorityWaitsObeyKleinrockConservationLaw() throws {
    // Σ ρ_k Wq_k = ρ·W0/(1 − ρ) for any work-conserving non-preemptive discipline.
    let classes = [
        PriorityClass(arrivalRate: 0.2, meanService: 0.5, serviceSCV: 0),
        PriorityClass(arrivalRate: 0.3, meanService: 1.0, serviceSCV: 2),
        PriorityClass(arrivalRate: 0.1, meanService: 2.0, serviceSCV: 1),
    ]
    let p = try NonPreemptivePriority(classes: classes)
    var weighted = 0.0
    for k in classes.indices { weighted += classes[k].arrivalRate * classes[k].meanService * (try p.meanWait(class: k)) }
    let rho = p.utilization
    #expect(isClose(weighted, rho * p.meanResidualWork / (1 - rho), rel: 1e-12))
}

@Test func higherPriorityClassesWaitLess() throws {
    let p = try NonPreemptivePriority(classes: Array(repeating: (arrivalRate: 0.2, meanService: 1.0, serviceSCV: 1.0), count: 4))
    for k in 1..<4 { #expect(try p.meanWait(class: k) > p.meanWait(class: k - 1)) }
}

@Test func priorityQueueRejectsTotalOverloadAndBadClassIndex() throws {
    #expect(throws: QueueingError.unstable(utilization: 1.2)) {
        try NonPreemptivePriority(classes: [(arrivalRate: 0.6, meanService: 1, serviceSCV: 1), (arrivalRate: 0.6, meanService: 1, serviceSCV: 1)])
    }
    let p = try NonPreemptivePriority(classes: [(arrivalRate: 0.5, meanService: 1, serviceSCV: 1)])
    #expect(throws: QueueingError.self) { try p.meanWait(class: 1) }
    #expect(throws: QueueingError.self) { try p.meanResponse(class: -1) }
    #expect(throws: QueueingError.self) { try p.meanQueueLength(class: 5) }
}

@Test func multiServerPriorityWithOneServerMatchesCobham() throws {
    let mmc = try NonPreemptivePriorityMMc(arrivalRates: [1, 2, 1], serviceRate: 5, servers: 1)
    let cobham = try NonPreemptivePriority(classes: [1.0, 2, 1].map { (arrivalRate: $0, meanService: 0.2, serviceSCV: 1.0) })
    for k in 0..<3 { #expect(isClose(try mmc.meanWait(class: k), try cobham.meanWait(class: k), rel: 1e-12)) }
}

@Test func multiServerPriorityAveragesToFCFSErlangCWait() throws {
    // Equal service rates: the arrival-weighted mean wait equals the FCFS M/M/c wait.
    let rates = [3.0, 5.0, 4.0]
    let p = try NonPreemptivePriorityMMc(arrivalRates: rates, serviceRate: 1, servers: 14)
    let fcfs = try MMc(arrivalRate: 12, serviceRate: 1, servers: 14)
    var weighted = 0.0
    for k in rates.indices { weighted += rates[k] * (try p.meanWait(class: k)) }
    #expect(isClose(weighted / 12, fcfs.meanWait, rel: 1e-12))
    #expect(isClose(try p.meanResponse(class: 0), try p.meanWait(class: 0) + 1, rel: 1e-12))
}

@Test func multiServerPriorityRejectsOverload() {
    #expect(throws: QueueingError.unstable(utilization: 1.5)) {
        try NonPreemptivePriorityMMc(arrivalRates: [2, 1], serviceRate: 1, servers: 2)
    }
}

@Test func priorityQueueAcceptsUnlabeledTupleClasses() throws {
    let tuples = try NonPreemptivePriority(classes: [(0.3, 1.0, 1.0), (0.2, 0.5, 0.0)])
    let structs = try NonPreemptivePriority(classes: [
        PriorityClass(arrivalRate: 0.3, meanService: 1, serviceSCV: 1),
        PriorityClass(arrivalRate: 0.2, meanService: 0.5, serviceSCV: 0),
    ])
    #expect(tuples == structs)
}
