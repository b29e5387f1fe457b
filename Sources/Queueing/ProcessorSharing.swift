/// The M/G/1 processor-sharing queue. Its mean sojourn time is insensitive to the service-time
/// distribution beyond its mean: E[T] = E[S]/(1 − ρ), and E[T | S = x] = x/(1 − ρ).
public struct MG1ProcessorSharing: Sendable, Equatable {
    /// Arrival rate λ in requests per second.
    public let arrivalRate: Double
    /// Mean service time (work at full speed) E[S] in seconds.
    public let meanService: Double

    /// Creates a stable M/G/1-PS queue.
    ///
    /// - Parameters:
    ///   - arrivalRate: λ in requests per second (≥ 0).
    ///   - meanService: E[S] in seconds (> 0).
    /// - Throws: `QueueingError.unstable` when ρ = λE[S] ≥ 1; `.invalidParameter` for bad inputs.
    public init(arrivalRate: Double, meanService: Double) throws {
        try Check.nonNegative(arrivalRate, "arrivalRate")
        try Check.positive(meanService, "meanService")
        try Check.stable(arrivalRate * meanService)
        self.arrivalRate = arrivalRate
        self.meanService = meanService
    }

    /// Utilization ρ = λ·E[S] (dimensionless, in [0, 1)).
    public var utilization: Double { arrivalRate * meanService }

    /// Mean sojourn time E[T] = E[S]/(1 − ρ), in seconds.
    public var meanSojourn: Double { meanService / (1 - utilization) }

    /// Mean number in system L = ρ/(1 − ρ) (requests, dimensionless).
    public var meanNumberInSystem: Double { utilization / (1 - utilization) }

    /// Mean sojourn time of a job needing `serviceTime` seconds of work: x/(1 − ρ), in seconds.
    /// - Parameter serviceTime: the job's work x in seconds (≥ 0).
    /// - Throws: `QueueingError.invalidParameter` when x is negative or non-finite.
    public func meanSojourn(forServiceTime serviceTime: Double) throws -> Double {
        try Check.nonNegative(serviceTime, "serviceTime")
        return serviceTime / (1 - utilization)
    }

    /// Mean sojourn time E[S]/(1 − ρ) of an M/G/1-PS queue, in seconds.
    ///
    /// - Parameters:
    ///   - arrivalRate: λ in requests per second (≥ 0).
    ///   - meanService: E[S] in seconds (> 0).
    /// - Throws: `QueueingError.unstable` when ρ ≥ 1; `.invalidParameter` for bad inputs.
    public static func meanSojourn(arrivalRate: Double, meanService: Double) throws -> Double {
        try MG1ProcessorSharing(arrivalRate: arrivalRate, meanService: meanService).meanSojourn
    }

    /// Mean sojourn time x/(1 − ρ) of a job needing `serviceTime` seconds of work, in seconds.
    ///
    /// - Parameters:
    ///   - serviceTime: the job's work x in seconds (≥ 0).
    ///   - arrivalRate: λ in requests per second (≥ 0).
    ///   - meanService: E[S] in seconds (> 0).
    /// - Throws: `QueueingError.unstable` when ρ ≥ 1; `.invalidParameter` for bad inputs.
    public static func meanSojourn(forServiceTime serviceTime: Double, arrivalRate: Double, meanService: Double) throws -> Double {
        try MG1ProcessorSharing(arrivalRate: arrivalRate, meanService: meanService)
            .meanSojourn(forServiceTime: serviceTime)
    }
}
