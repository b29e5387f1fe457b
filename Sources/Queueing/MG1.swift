/// The M/G/1 FCFS queue via the Pollaczek–Khinchine formula. Only the first two moments of
/// the service time matter; SCV 0 gives M/D/1, SCV 1 gives M/M/1.
public struct MG1: Sendable, Equatable {
    /// Arrival rate λ in requests per second.
    public let arrivalRate: Double
    /// Mean service time E[S] in seconds.
    public let meanService: Double
    /// Squared coefficient of variation of service time, Var[S]/E[S]² (dimensionless).
    public let serviceSCV: Double

    /// Creates a stable M/G/1 queue.
    ///
    /// - Parameters:
    ///   - arrivalRate: λ in requests per second (≥ 0).
    ///   - meanService: E[S] in seconds (> 0).
    ///   - serviceSCV: cv² of the service time (dimensionless, ≥ 0).
    /// - Throws: `QueueingError.unstable` when ρ = λE[S] ≥ 1; `.invalidParameter` for bad inputs.
    public init(arrivalRate: Double, meanService: Double, serviceSCV: Double) throws {
        try Check.nonNegative(arrivalRate, "arrivalRate")
        try Check.positive(meanService, "meanService")
        try Check.nonNegative(serviceSCV, "serviceSCV")
        try Check.stable(arrivalRate * meanService)
        self.arrivalRate = arrivalRate
        self.meanService = meanService
        self.serviceSCV = serviceSCV
    }

    /// Utilization ρ = λ·E[S] (dimensionless, in [0, 1)).
    public var utilization: Double { arrivalRate * meanService }

    /// Second moment of service time E[S²] = E[S]²(1 + SCV), in seconds².
    public var serviceSecondMoment: Double { meanService * meanService * (1 + serviceSCV) }

    /// Mean waiting time in queue Wq = λE[S²] / (2(1 − ρ)), in seconds.
    public var meanWait: Double { arrivalRate * serviceSecondMoment / (2 * (1 - utilization)) }

    /// Mean response time W = Wq + E[S], in seconds.
    public var meanResponse: Double { meanWait + meanService }

    /// Mean number waiting in queue Lq = λ·Wq (requests, dimensionless).
    public var meanQueueLength: Double { arrivalRate * meanWait }

    /// Mean number in system L = λ·W = Lq + ρ (requests, dimensionless).
    public var meanNumberInSystem: Double { arrivalRate * meanResponse }
}
