import Foundation

/// The M/M/c/K queue: c exponential servers and `capacity` waiting places, so at most
/// K = servers + capacity requests in the system; arrivals finding it full are lost.
/// Any load is allowed (the finite chain always has a steady state). `capacity` 0 is the
/// Erlang B loss system.
public struct MMcK: Sendable, Equatable {
    /// Largest total number of states the model builds (K + 1).
    public static let maximumStates = 10_000_001

    /// Arrival rate λ in requests per second (offered, before blocking).
    public let arrivalRate: Double
    /// Service rate μ of one server in requests per second.
    public let serviceRate: Double
    /// Number of servers c.
    public let servers: Int
    /// Number of waiting places (excluding the c in service).
    public let capacity: Int
    /// Stationary probability of n requests in system, for n = 0...servers+capacity (dimensionless).
    public let stateProbabilities: [Double]

    /// Creates the model and solves its birth–death chain.
    ///
    /// - Parameters:
    ///   - arrivalRate: λ in requests per second (≥ 0).
    ///   - serviceRate: μ per server in requests per second (> 0).
    ///   - servers: c (≥ 1).
    ///   - capacity: waiting places (≥ 0); K = servers + capacity.
    /// - Throws: `QueueingError.invalidParameter` for bad inputs or K + 1 > `maximumStates`.
    public init(arrivalRate: Double, serviceRate: Double, servers: Int, capacity: Int) throws {
        try Check.nonNegative(arrivalRate, "arrivalRate")
        try Check.positive(serviceRate, "serviceRate")
        try Check.atLeast(servers, 1, "servers")
        try Check.atLeast(capacity, 0, "capacity")
        guard servers < Self.maximumStates - capacity else {
            throw QueueingError.invalidParameter("servers + capacity must be < \(Self.maximumStates)")
        }
        let k = servers + capacity
        var logWeights = [Double](repeating: 0, count: k + 1)
        let logLambda = log(arrivalRate)
        for n in 0..<k {
            let death = Double(min(n + 1, servers)) * serviceRate
            logWeights[n + 1] = logWeights[n] + logLambda - log(death)
        }
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
        self.servers = servers
        self.capacity = capacity
        self.stateProbabilities = BirthDeath.normalize(logWeights: logWeights)
    }

    /// Probability an arrival is lost because the system is full, π_K (dimensionless).
    public var blockingProbability: Double { stateProbabilities[stateProbabilities.count - 1] }

    /// Throughput of admitted requests λ(1 − π_K), in requests per second.
    public var throughput: Double { arrivalRate * (1 - blockingProbability) }

    /// Server utilization: mean busy servers / c = throughput/(cμ) (dimensionless, in [0, 1]).
    public var utilization: Double {
        var busy = 0.0
        for (n, p) in stateProbabilities.enumerated() { busy += Double(min(n, servers)) * p }
        return busy / Double(servers)
    }

    /// Mean number waiting (not in service), Lq = Σ (n − c)⁺ π_n (requests, dimensionless).
    public var meanQueueLength: Double {
        var total = 0.0
        for n in servers..<stateProbabilities.count { total += Double(n - servers) * stateProbabilities[n] }
        return total
    }

    /// Mean number in system, L = Σ n π_n (requests, dimensionless).
    public var meanNumberInSystem: Double {
        var total = 0.0
        for (n, p) in stateProbabilities.enumerated() { total += Double(n) * p }
        return total
    }

    /// Mean waiting time of admitted requests, Lq / throughput (Little), in seconds.
    /// 0 when nothing arrives.
    public var meanWait: Double {
        let x = throughput
        return x > 0 ? meanQueueLength / x : 0
    }

    /// Mean response time of admitted requests, L / throughput (Little), in seconds.
    /// 1/μ when nothing arrives.
    public var meanResponse: Double {
        let x = throughput
        return x > 0 ? meanNumberInSystem / x : 1 / serviceRate
    }
}
