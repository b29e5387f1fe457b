import Foundation

/// The M/M/c queue (Erlang C model): Poisson arrivals, c identical exponential servers,
/// unlimited FCFS waiting room. M/M/1 is the case c = 1.
public struct MMc: Sendable, Equatable {
    /// Arrival rate λ in requests per second.
    public let arrivalRate: Double
    /// Service rate μ of one server in requests per second (mean service time 1/μ seconds).
    public let serviceRate: Double
    /// Number of servers c.
    public let servers: Int
    /// Probability that an arrival has to wait, C(c, A) (dimensionless).
    public let probabilityOfWait: Double

    /// Creates a stable M/M/c queue.
    ///
    /// - Parameters:
    ///   - arrivalRate: λ in requests per second (≥ 0).
    ///   - serviceRate: μ per server in requests per second (> 0).
    ///   - servers: c (≥ 1).
    /// - Throws: `QueueingError.unstable` when λ ≥ cμ; `.invalidParameter` for bad inputs.
    public init(arrivalRate: Double, serviceRate: Double, servers: Int) throws {
        try Check.nonNegative(arrivalRate, "arrivalRate")
        try Check.positive(serviceRate, "serviceRate")
        try Check.atLeast(servers, 1, "servers")
        let load = arrivalRate / serviceRate
        try Check.stable(load / Double(servers))
        let b = ErlangB.recursion(servers: servers, offeredLoad: load)
        self.init(unchecked: arrivalRate, serviceRate: serviceRate, servers: servers,
                  probabilityOfWait: ErlangC.fromErlangB(b, servers: servers, offeredLoad: load))
    }

    /// Internal: inputs already validated and C(c, A) already known (used by sizing searches).
    init(unchecked arrivalRate: Double, serviceRate: Double, servers: Int, probabilityOfWait: Double) {
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
        self.servers = servers
        self.probabilityOfWait = probabilityOfWait
    }

    /// Offered load A = λ/μ in Erlangs (mean number of busy servers).
    public var offeredLoad: Double { arrivalRate / serviceRate }

    /// Server utilization ρ = λ/(cμ) (dimensionless, in [0, 1)).
    public var utilization: Double { arrivalRate / (Double(servers) * serviceRate) }

    /// Rate cμ − λ (per second) at which the conditional waiting time decays:
    /// Wq | Wq > 0 ~ Exp(cμ − λ).
    var drainRate: Double { Double(servers) * serviceRate - arrivalRate }

    /// Mean waiting time in queue Wq = C / (cμ − λ), in seconds (over all arrivals).
    public var meanWait: Double { probabilityOfWait / drainRate }

    /// Mean response (sojourn) time W = Wq + 1/μ, in seconds.
    public var meanResponse: Double { meanWait + 1 / serviceRate }

    /// Mean number waiting in queue Lq = λ·Wq (requests, dimensionless).
    public var meanQueueLength: Double { arrivalRate * meanWait }

    /// Mean number in system L = λ·W (requests, dimensionless).
    public var meanNumberInSystem: Double { arrivalRate * meanResponse }

    /// CDF of the waiting time: P(Wq ≤ t) = 1 − C·e^{−(cμ−λ)t} for t ≥ 0, 0 for t < 0.
    /// - Parameter t: time in seconds.
    /// - Returns: probability (dimensionless).
    public func waitCDF(_ t: Double) -> Double {
        guard t >= 0 else { return 0 }
        return 1 - probabilityOfWait * exp(-drainRate * t)
    }

    /// CDF of the response time T = Wq + S with S ~ Exp(μ): P(T ≤ t), 0 for t < 0.
    /// - Parameter t: time in seconds.
    /// - Returns: probability (dimensionless).
    public func responseCDF(_ t: Double) -> Double {
        guard t >= 0 else { return 0 }
        return 1 - responseSurvival(t)
    }

    /// P(T > t) for the response time, computed directly (not as 1 − CDF) so tail
    /// probabilities keep full relative precision.
    func responseSurvival(_ t: Double) -> Double {
        let c = probabilityOfWait
        let mu = serviceRate
        return (1 - c) * exp(-mu * t) + c * hypoexponentialSurvival(t, drainRate, mu)
    }

    /// The `p` quantile of the waiting time in queue, in seconds.
    ///
    /// P(Wq ≤ t) = 1 − C·e^{−(cμ−λ)t}, so t = ln(C/(1−p)) / (cμ − λ); 0 when p ≤ 1 − C
    /// (the atom at zero already covers p), +∞ when p = 1.
    /// - Parameter p: probability (dimensionless, in [0, 1]).
    /// - Throws: `QueueingError.invalidParameter` when p ∉ [0, 1].
    public func waitQuantile(_ p: Double) throws -> Double {
        try Check.probability(p, "p")
        if p <= 1 - probabilityOfWait { return 0 }
        if p == 1 { return .infinity }
        return log(probabilityOfWait / (1 - p)) / drainRate
    }

    /// The `p` quantile of the response time T = Wq + S, in seconds.
    ///
    /// Solves P(T ≤ t) = p by bisection to a relative tolerance of 1e-10. For c = 1 the
    /// response time is exactly Exp(μ − λ). Returns 0 for p = 0 and +∞ for p = 1.
    /// - Parameter p: probability (dimensionless, in [0, 1]).
    /// - Throws: `QueueingError.invalidParameter` when p ∉ [0, 1].
    public func responseQuantile(_ p: Double) throws -> Double {
        try Check.probability(p, "p")
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        let target = 1 - p  // solve survival(t) = 1 − p; survival is strictly decreasing
        var lo = 0.0
        var hi = max(meanResponse, 1 / serviceRate)
        while responseSurvival(hi) > target { lo = hi; hi *= 2 }
        for _ in 0..<400 {
            let mid = 0.5 * (lo + hi)
            if responseSurvival(mid) > target { lo = mid } else { hi = mid }
            if hi - lo <= 1e-10 * hi { break }
        }
        return 0.5 * (lo + hi)
    }
}

/// P(X + Y > t) for independent X ~ Exp(a), Y ~ Exp(b), t ≥ 0, stable also when a ≈ b:
/// with a ≤ b, S(t) = e^{−at}·(1 + a·(1 − e^{−(b−a)t})/(b − a)), the fraction tending to t.
func hypoexponentialSurvival(_ t: Double, _ rate1: Double, _ rate2: Double) -> Double {
    let a = min(rate1, rate2)
    let d = max(rate1, rate2) - a
    let x = d * t
    let fraction = x == 0 ? t : -expm1(-x) / d
    return exp(-a * t) * (1 + a * fraction)
}
