import SimKernel

/// A latency over replications: the mean with its 95% half-width (Student t over replication
/// means), and percentiles of all measured requests pooled, each with the 95% half-width of the
/// same percentile over replications (`p95CI95`...), used to decide targets safely.
public struct LatencyEstimate: Sendable, Equatable {
    /// Mean, seconds.
    public var mean: Estimate
    /// Pooled percentiles, seconds.
    public var p50: Double
    public var p95: Double
    public var p99: Double
    /// Half-widths of the per-replication percentiles' 95% intervals, seconds.
    public var p50CI95: Double
    public var p95CI95: Double
    public var p99CI95: Double
    /// Observations pooled over replications.
    public var count: UInt64

    init(_ histograms: [LatencyHistogram]) {
        var pooled = LatencyHistogram()
        for h in histograms { pooled.merge(h) }
        let used = histograms.filter { $0.count > 0 }
        mean = Estimate(replicationValues: used.map(\.mean))
        p50 = pooled.value(atPercentile: 50)
        p95 = pooled.value(atPercentile: 95)
        p99 = pooled.value(atPercentile: 99)
        p50CI95 = Estimate(replicationValues: used.map { $0.value(atPercentile: 50) }).ci95
        p95CI95 = Estimate(replicationValues: used.map { $0.value(atPercentile: 95) }).ci95
        p99CI95 = Estimate(replicationValues: used.map { $0.value(atPercentile: 99) }).ci95
        count = pooled.count
    }
}

/// Results of one pool over all replications.
public struct PoolResults: Sendable, Equatable {
    public var id: String
    public var servers: Int
    public var concurrency: Int
    /// Fraction of installed capacity busy.
    public var utilization: Estimate
    /// Completions per second.
    public var throughput: Estimate
    /// Mean number waiting.
    public var queueLength: Estimate
    /// Mean number at the pool (waiting + in service).
    public var inSystem: Estimate
    /// Seconds.
    public var wait: LatencyEstimate
    /// Seconds.
    public var response: LatencyEstimate
    /// Fractions of arrivals.
    public var blockedFraction: Estimate
    public var abandonedFraction: Estimate
    /// Fraction of installed servers up.
    public var availability: Estimate
    /// Arrivals per second at the pool.
    public var arrivalRate: Estimate
}

/// Results of one direction of a link.
public struct DirectionResults: Sendable, Equatable {
    public var utilization: Estimate
    /// bit/s
    public var throughputBps: Estimate
    /// Seconds.
    public var delay: LatencyEstimate
}

/// Results of one link, both directions.
public struct LinkResults: Sendable, Equatable {
    public var id: String
    /// bit/s per direction.
    public var bandwidth: Double
    /// from → to.
    public var forward: DirectionResults
    /// to → from.
    public var reverse: DirectionResults
}

/// Results of one workload, end to end. Counts are means per replication over the measured period.
public struct WorkloadResults: Sendable, Equatable {
    public var id: String
    /// Requests that arrived (first attempts).
    public var arrived: Double
    /// Requests that completed (with a client: succeeded).
    public var completed: Double
    /// Seconds, over completed requests; with a client, from the first send to the success.
    public var response: LatencyEstimate
    /// Share of arrivals lost anywhere on the route (with a client: failed after every attempt).
    public var lostFraction: Estimate
    /// True when the workload has a client (timeouts, retries).
    public var hasClient: Bool
    /// Attempts sent, first ones included.
    public var attempts: Estimate
    /// Attempts per request (1 without retries).
    public var amplification: Estimate
    /// Requests that succeeded (= completed).
    public var succeeded: Estimate
    /// Requests that failed: lost with no attempt left (= lost requests without a client).
    public var failed: Estimate
    /// Attempts that completed after their client had given up on them (work done for nobody).
    public var orphaned: Estimate
    /// Successes per second.
    public var goodput: Estimate

    /// Requests (first attempts), the same as `arrived`.
    public var requests: Double { arrived }
}

/// Results of one limiter (token bucket).
public struct LimiterResults: Sendable, Equatable {
    public var id: String
    /// Tokens added per second.
    public var rate: Double
    /// Bucket size, tokens.
    public var burst: Double
    /// Requests that took a token, per second.
    public var passed: Estimate
    /// passed / rate: the share of the rate in use (may slightly exceed 1 in a short run that starts with a full
    /// bucket).
    public var utilization: Estimate
    /// Shares of the requests that reached the limiter: turned away (no token, or no waiting place), and gave up
    /// waiting.
    public var rejectedFraction: Estimate
    public var abandonedFraction: Estimate
    /// Time-average number waiting for a token.
    public var queueLength: Estimate
    /// Seconds from reaching the limiter to taking a token, over requests that took one.
    public var wait: LatencyEstimate
    /// Requests reaching the limiter per second (its demand).
    public var arrivalRate: Estimate
}

/// One evaluated target.
public struct TargetResult: Sendable, Equatable {
    public var target: Target
    /// The estimate (seconds or fraction).
    public var value: Double
    /// The end of the 95% interval on the unsafe side (value + half-width).
    public var bound: Double
    /// True when `bound` <= limit: met with 95% confidence.
    public var met: Bool

    public init(target: Target, value: Double, bound: Double, met: Bool) {
        self.target = target
        self.value = value
        self.bound = bound
        self.met = met
    }
}

/// Everything a run measured, aggregated over replications in replication order.
public struct RunResults: Sendable, Equatable {
    public var scenario: String
    public var seed: UInt64
    public var replications: Int
    /// Measured seconds per replication.
    public var duration: Double
    /// Warm-up seconds per replication.
    public var warmup: Double
    /// Calendar events over all replications.
    public var events: UInt64
    public var pools: [PoolResults]
    public var links: [LinkResults]
    public var workloads: [WorkloadResults]
    public var limiters: [LimiterResults]
    public var targets: [TargetResult]
    /// Time series, when they were requested.
    public var series: RunSeries?
    /// Plain-language warnings (overload, early stops).
    public var warnings: [String]

    /// True when every target is met.
    public var allTargetsMet: Bool { targets.allSatisfy(\.met) }
}
