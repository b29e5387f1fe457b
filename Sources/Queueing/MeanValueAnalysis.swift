/// Exact mean value analysis (MVA) of a single-class closed product-form network:
/// N jobs cycle between a think (terminal) stage and K stations, each either a single-server
/// FCFS/PS queueing station or a delay (infinite-server) station.
public enum MeanValueAnalysis {
    /// Performance of a closed network at one population.
    public struct Result: Sendable, Equatable {
        /// Population N the result is for (jobs).
        public let population: Int
        /// System throughput X in jobs per second (completions of a full cycle through the stations).
        public let throughput: Double
        /// Response time R = Σ residence times, in seconds (excludes think time).
        public let responseTime: Double
        /// Per-station residence time R_k (all visits of one cycle), in seconds.
        public let residenceTimes: [Double]
        /// Per-station mean number of jobs present Q_k (dimensionless).
        public let queueLengths: [Double]
        /// Per-station utilization U_k = X·D_k (dimensionless). For a queueing station it is
        /// the busy fraction (≤ 1); for a delay station it is its mean number of jobs.
        public let utilizations: [Double]
        /// Mean number of jobs thinking, X·Z (dimensionless).
        public let meanThinking: Double
    }

    /// Runs the exact MVA recursion up to `population`:
    /// R_k(n) = D_k(1 + Q_k(n−1)) at queueing stations, D_k at delay stations;
    /// X(n) = n / (Z + Σ R_k(n)); Q_k(n) = X(n) R_k(n). O(N·K).
    ///
    /// - Parameters:
    ///   - population: N, number of circulating jobs (≥ 0). N = 0 gives throughput 0 and the
    ///     no-contention response time Σ D_k.
    ///   - serviceDemands: D_k, total service demand per cycle at station k (visits × mean
    ///     service time), in seconds (≥ 0).
    ///   - thinkTime: Z, mean think time per cycle, in seconds (≥ 0).
    ///   - isDelayStation: per station, `true` for a delay (infinite-server) station; `nil`
    ///     means every station is a single-server queueing station.
    /// - Returns: the network's throughput, response time and per-station measures.
    /// - Throws: `QueueingError.invalidParameter` for bad inputs (including N > 0 with
    ///   Z + Σ D_k = 0, which has unbounded throughput).
    public static func solve(population: Int, serviceDemands: [Double], thinkTime: Double,
                             isDelayStation: [Bool]? = nil) throws -> Result {
        try Check.atLeast(population, 0, "population")
        try Check.nonNegative(thinkTime, "thinkTime")
        for (k, d) in serviceDemands.enumerated() { try Check.nonNegative(d, "serviceDemands[\(k)]") }
        let delay = isDelayStation ?? [Bool](repeating: false, count: serviceDemands.count)
        guard delay.count == serviceDemands.count else {
            throw QueueingError.invalidParameter(
                "isDelayStation (\(delay.count)) must have one entry per station (\(serviceDemands.count))")
        }
        guard population == 0 || thinkTime + serviceDemands.reduce(0, +) > 0 else {
            throw QueueingError.invalidParameter("thinkTime and all serviceDemands are 0: throughput is unbounded")
        }

        var queue = [Double](repeating: 0, count: serviceDemands.count)
        var residence = serviceDemands
        var throughput = 0.0
        if population > 0 {
            for n in 1...population {
                for k in serviceDemands.indices {
                    residence[k] = delay[k] ? serviceDemands[k] : serviceDemands[k] * (1 + queue[k])
                }
                throughput = Double(n) / (thinkTime + residence.reduce(0, +))
                for k in serviceDemands.indices { queue[k] = throughput * residence[k] }
            }
        }
        return Result(
            population: population,
            throughput: throughput,
            responseTime: residence.reduce(0, +),
            residenceTimes: residence,
            queueLengths: queue,
            utilizations: serviceDemands.map { throughput * $0 },
            meanThinking: throughput * thinkTime
        )
    }
}
