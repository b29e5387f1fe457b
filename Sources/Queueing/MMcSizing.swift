import Foundation

/// A service-level target for sizing an M/M/c queue with `MMc.minimumServers`.
public enum MMcTarget: Sendable, Equatable {
    /// Mean response time W ≤ the limit, in seconds.
    case meanResponse(Double)
    /// P(response time ≤ `limit`) ≥ `p`: the `p` quantile of response time ≤ `limit` seconds
    /// (`p` dimensionless in (0, 1)).
    case responseQuantile(p: Double, limit: Double)
    /// P(wait ≤ `limit`) ≥ `p`: the `p` quantile of waiting time ≤ `limit` seconds
    /// (`p` dimensionless in (0, 1)).
    case waitQuantile(p: Double, limit: Double)
    /// Server utilization ρ = λ/(cμ) ≤ the limit (dimensionless, in (0, 1]).
    case maxUtilization(Double)
    /// Mean waiting time Wq ≤ the limit, in seconds.
    case meanWait(Double)
}

extension MMc {
    /// Largest number of servers the search adds beyond the stability minimum before giving up.
    static let sizingSearchCap = 10_000_000

    /// Smallest server count c with λ < cμ (stable) that meets `target`.
    ///
    /// Walks c upward from ⌊λ/μ⌋ + 1, updating Erlang B incrementally (O(1) per step), and
    /// checks each metric in closed form (quantile targets are tested through the CDF at the
    /// limit, so no root-finding is needed). Every metric is monotone in c.
    ///
    /// - Parameters:
    ///   - arrivalRate: λ in requests per second (≥ 0).
    ///   - serviceRate: μ per server in requests per second (> 0).
    ///   - target: the service level to meet.
    /// - Returns: the number of servers c (≥ 1).
    /// - Throws: `QueueingError.infeasible` when no c can meet the target (e.g. a mean response
    ///   at or below 1/μ); `.invalidParameter` for bad inputs.
    public static func minimumServers(arrivalRate: Double, serviceRate: Double, target: MMcTarget) throws -> Int {
        try Check.nonNegative(arrivalRate, "arrivalRate")
        try Check.positive(serviceRate, "serviceRate")
        let mu = serviceRate
        // Validate the target and reject ones no server count can reach.
        switch target {
        case let .meanResponse(limit):
            try Check.positive(limit, "meanResponse limit")
            guard limit > 1 / mu else {
                throw QueueingError.infeasible("mean response \(limit) s is not above the service time \(1 / mu) s")
            }
        case let .responseQuantile(p, limit):
            try checkOpenProbability(p)
            try Check.positive(limit, "responseQuantile limit")
            // As c → ∞ the response time tends to the bare Exp(μ) service time.
            let floor = -log1p(-p) / mu
            guard limit > floor else {
                throw QueueingError.infeasible("p\(p) response \(limit) s is not above the service-time quantile \(floor) s")
            }
        case let .waitQuantile(p, limit):
            try checkOpenProbability(p)
            try Check.nonNegative(limit, "waitQuantile limit")
        case let .maxUtilization(limit):
            guard limit > 0, limit <= 1 else {
                throw QueueingError.invalidParameter("maxUtilization must lie in (0, 1] (got \(limit))")
            }
        case let .meanWait(limit):
            try Check.nonNegative(limit, "meanWait limit")
            guard limit > 0 || arrivalRate == 0 else {
                throw QueueingError.infeasible("a mean wait of 0 s needs infinitely many servers")
            }
        }

        let load = arrivalRate / mu
        let start = Int(load.rounded(.down)) + 1  // smallest c with load/c < 1
        var c = start
        var b = ErlangB.recursion(servers: c, offeredLoad: load)
        while c - start <= sizingSearchCap {
            let queue = MMc(unchecked: arrivalRate, serviceRate: mu, servers: c,
                            probabilityOfWait: ErlangC.fromErlangB(b, servers: c, offeredLoad: load))
            if queue.meets(target) { return c }
            c += 1
            b = ErlangB.step(previous: b, servers: c, offeredLoad: load)
        }
        throw QueueingError.notConverged("no server count up to \(c - 1) meets \(target)")
    }

    /// Whether this (stable) queue meets `target`.
    func meets(_ target: MMcTarget) -> Bool {
        switch target {
        case let .meanResponse(limit): return meanResponse <= limit
        case let .responseQuantile(p, limit): return responseSurvival(limit) <= 1 - p
        case let .waitQuantile(p, limit): return waitCDF(limit) >= p
        case let .maxUtilization(limit): return utilization <= limit
        case let .meanWait(limit): return meanWait <= limit
        }
    }

    private static func checkOpenProbability(_ p: Double) throws {
        guard p > 0, p < 1 else {
            throw QueueingError.invalidParameter("quantile p must lie in (0, 1) (got \(p))")
        }
    }
}
