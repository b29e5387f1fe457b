import Foundation

/// The Erlang-A (M/M/c+M) queue: Poisson arrivals, c exponential servers, unlimited waiting
/// room, and each waiting request abandons after an exponential patience with mean 1/θ seconds.
///
/// Solved as a birth–death chain (birth λ, death min(n, c)μ + (n − c)⁺θ), truncated once the
/// remaining tail is below 1e-16 of the accumulated mass (a geometric bound, valid because the
/// death rates never decrease), with at most `servers + maximumExtraStates` states.
/// Because abandonment drains the queue, any load — including λ ≥ cμ — has a steady state
/// when θ > 0.
public struct ErlangA: Sendable, Equatable {
    /// Most states beyond `servers` the truncated chain may use.
    public static let maximumExtraStates = 100_000

    /// Arrival rate λ in requests per second.
    public let arrivalRate: Double
    /// Service rate μ of one server in requests per second.
    public let serviceRate: Double
    /// Number of servers c.
    public let servers: Int
    /// Abandonment rate θ of one waiting request per second (mean patience 1/θ seconds).
    public let abandonmentRate: Double
    /// Probability an arrival finds all servers busy and has to wait (dimensionless).
    public let probabilityOfWait: Double
    /// Mean number of requests waiting, Lq (dimensionless).
    public let meanQueueLength: Double
    /// Mean number of busy servers (dimensionless, in [0, c]).
    public let meanBusyServers: Double

    /// Creates and solves the model.
    ///
    /// - Parameters:
    ///   - arrivalRate: λ in requests per second (≥ 0).
    ///   - serviceRate: μ per server in requests per second (> 0).
    ///   - servers: c (≥ 1).
    ///   - abandonmentRate: θ per waiting request per second (≥ 0; 0 means infinite patience,
    ///     i.e. M/M/c, which then needs λ < cμ).
    /// - Throws: `QueueingError.unstable` when θ = 0 and λ ≥ cμ; `.notConverged` when the tail
    ///   is still non-negligible after `servers + maximumExtraStates` states (patience far too
    ///   long for the overload); `.invalidParameter` for bad inputs.
    public init(arrivalRate: Double, serviceRate: Double, servers: Int, abandonmentRate: Double) throws {
        try Check.nonNegative(arrivalRate, "arrivalRate")
        try Check.positive(serviceRate, "serviceRate")
        try Check.atLeast(servers, 1, "servers")
        try Check.nonNegative(abandonmentRate, "abandonmentRate")
        if abandonmentRate == 0 { try Check.stable(arrivalRate / (Double(servers) * serviceRate)) }

        func deathRate(_ n: Int) -> Double {  // rate n → n−1
            Double(min(n, servers)) * serviceRate + Double(max(n - servers, 0)) * abandonmentRate
        }

        // Grow the chain in log space, tracking Σ exp(logWeight − top) with rescaling.
        let cap = servers + Self.maximumExtraStates
        let logLambda = log(arrivalRate)
        var logWeights: [Double] = [0]
        var top = 0.0
        var scaledSum = 1.0
        var converged = arrivalRate == 0
        var n = 0
        while !converged && n < cap {
            n += 1
            let next = logWeights[n - 1] + logLambda - log(deathRate(n))
            logWeights.append(next)
            if next > top {
                scaledSum = scaledSum * exp(top - next) + 1
                top = next
            } else {
                scaledSum += exp(next - top)
            }
            // Beyond state n every ratio λ/death(m) ≤ r, so the tail ≤ w_n·r/(1 − r).
            let r = arrivalRate / deathRate(n + 1)
            if r < 1 {
                let tailBound = exp(next - top) * r / (1 - r)
                converged = tailBound <= 1e-16 * scaledSum
            }
        }
        guard converged else {
            throw QueueingError.notConverged(
                "Erlang-A chain still has a non-negligible tail after \(n) states; patience too long for the load")
        }

        let probabilities = BirthDeath.normalize(logWeights: logWeights)
        var wait = 0.0, queue = 0.0, busy = 0.0
        for (state, p) in probabilities.enumerated() {
            if state >= servers {
                wait += p
                queue += Double(state - servers) * p
            }
            busy += Double(min(state, servers)) * p
        }
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
        self.servers = servers
        self.abandonmentRate = abandonmentRate
        self.probabilityOfWait = wait
        self.meanQueueLength = queue
        self.meanBusyServers = busy
    }

    /// Server utilization: mean busy servers / c (dimensionless, in [0, 1]).
    public var utilization: Double { meanBusyServers / Double(servers) }

    /// Probability an arrival abandons before service, θ·Lq/λ (dimensionless). 0 when λ = 0.
    public var abandonmentProbability: Double {
        arrivalRate > 0 ? abandonmentRate * meanQueueLength / arrivalRate : 0
    }

    /// Mean time in queue over all arrivals (served and abandoning), Lq/λ, in seconds.
    /// 0 when λ = 0.
    public var meanWait: Double { arrivalRate > 0 ? meanQueueLength / arrivalRate : 0 }

    /// Rate of requests that are served, λ(1 − P(abandon)) = μ·(mean busy servers),
    /// in requests per second.
    public var throughput: Double { serviceRate * meanBusyServers }

    /// Mean number in system (waiting plus in service), dimensionless.
    public var meanNumberInSystem: Double { meanQueueLength + meanBusyServers }
}
