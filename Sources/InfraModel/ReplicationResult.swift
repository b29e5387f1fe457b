import SimKernel

/// Measurements of one pool in one replication (measured period only).
public struct PoolSample: Sendable {
    /// Busy channel time / (servers × concurrency × measured time), fraction.
    public var utilization: Double
    /// Completions per second.
    public var throughput: Double
    /// Time-average number waiting (not in service).
    public var queueLength: Double
    /// Time-average fraction of installed servers that are up.
    public var availability: Double
    public var arrivals: Int
    public var blocked: Int
    public var abandoned: Int
    public var completed: Int
    /// Arrival to start of service, seconds.
    public var wait: LatencyHistogram
    /// Arrival to end of service at this pool, seconds.
    public var response: LatencyHistogram
    /// Time-average number of requests at the pool (waiting + in service).
    public var inSystem: Double
}

/// Measurements of one link direction in one replication.
public struct DirectionSample: Sendable {
    /// Fraction of measured time with at least one transfer in progress.
    public var utilization: Double
    /// Bits delivered per second.
    public var throughputBps: Double
    /// Entering the link to arriving at the far end, seconds.
    public var delay: LatencyHistogram
}

/// Measurements of one workload in one replication.
public struct WorkloadSample: Sendable {
    /// Requests that arrived (first attempts).
    public var arrived: Int
    /// Requests that completed (with a client: succeeded).
    public var completed: Int
    /// Requests lost (with a client: failed after every attempt).
    public var lost: Int
    /// Attempts after the first.
    public var retries: Int
    /// Attempts that completed after their client had given up on them.
    public var orphaned: Int
    /// Arrival (first send) to completion of the last step, seconds.
    public var response: LatencyHistogram
}

/// Measurements of one limiter in one replication.
public struct LimiterSample: Sendable {
    public var arrivals: Int
    public var passed: Int
    /// Turned away: no token (`excess: reject`) or no waiting place.
    public var rejected: Int
    /// Gave up waiting for a token.
    public var abandoned: Int
    /// Time-average number waiting for a token.
    public var queueLength: Double
    /// Arrival at the limiter to taking a token, seconds (0 for requests that found one).
    public var wait: LatencyHistogram
}

/// Everything one replication measured.
public struct ReplicationResult: Sendable {
    public var pools: [PoolSample]
    /// Link directions: index 2 × link is forward (from → to), 2 × link + 1 reverse.
    public var directions: [DirectionSample]
    public var workloads: [WorkloadSample]
    public var limiters: [LimiterSample]
    /// Time series, when they were requested.
    public var series: ReplicationSeries?
    /// Events taken from the calendar.
    public var events: UInt64
    /// Measured simulated time, seconds.
    public var measured: Double
    /// Simulated time at which the run stopped early because too many requests were in flight.
    public var stoppedEarlyAt: Double?
}

extension Replication {
    /// Ends the warm-up: forgets everything measured so far.
    mutating func startMeasuring() {
        for p in pools.indices {
            pools[p].busy.restart(at: now)
            pools[p].queueLength.restart(at: now)
            pools[p].up.restart(at: now)
            pools[p].arrivals = 0
            pools[p].blocked = 0
            pools[p].abandoned = 0
            pools[p].completed = 0
            histograms.reset(waitHistogram(pool: p))
            histograms.reset(responseHistogram(pool: p))
        }
        for d in directions.indices {
            directions[d].busy.restart(at: now)
            directions[d].bitsDelivered = 0
            histograms.reset(delayHistogram(direction: d))
        }
        for w in workloads.indices {
            workloads[w].resetMeasurements()
            histograms.reset(responseHistogram(workload: w))
        }
        for l in limiters.indices {
            limiters[l].queueLength.restart(at: now)
            limiters[l].arrivals = 0
            limiters[l].passed = 0
            limiters[l].rejected = 0
            limiters[l].abandoned = 0
            histograms.reset(waitHistogram(limiter: l))
        }
    }

    func result(at t: Double) -> ReplicationResult {
        let measured = max(t - warmup, 0)
        let span = measured > 0 ? measured : 1
        let poolSamples = pools.indices.map { p -> PoolSample in
            let s = pools[p]
            let cp = model.pools[p]
            let channels = Double(cp.servers * cp.concurrency)
            let busy = s.busy.average(until: t)
            let waiting = s.queueLength.average(until: t)
            return PoolSample(
                utilization: channels > 0 ? busy / channels : 0,
                throughput: Double(s.completed) / span,
                queueLength: waiting,
                availability: cp.servers > 0 ? s.up.average(until: t) / Double(cp.servers) : 1,
                arrivals: s.arrivals, blocked: s.blocked, abandoned: s.abandoned, completed: s.completed,
                wait: histograms.histogram(waitHistogram(pool: p)),
                response: histograms.histogram(responseHistogram(pool: p)), inSystem: busy + waiting)
        }
        let directionSamples = directions.indices.map { d in
            DirectionSample(utilization: directions[d].busy.average(until: t), throughputBps: directions[d].bitsDelivered / span,
                            delay: histograms.histogram(delayHistogram(direction: d)))
        }
        let workloadSamples = workloads.indices.map { w in
            WorkloadSample(arrived: workloads[w].arrived, completed: workloads[w].completed, lost: workloads[w].lost,
                           retries: workloads[w].retries, orphaned: workloads[w].orphaned,
                           response: histograms.histogram(responseHistogram(workload: w)))
        }
        let limiterSamples = limiters.indices.map { l in
            LimiterSample(arrivals: limiters[l].arrivals, passed: limiters[l].passed, rejected: limiters[l].rejected,
                          abandoned: limiters[l].abandoned, queueLength: limiters[l].queueLength.average(until: t),
                          wait: histograms.histogram(waitHistogram(limiter: l)))
        }
        return ReplicationResult(pools: poolSamples, directions: directionSamples, workloads: workloadSamples,
                                 limiters: limiterSamples, series: seriesResult(until: t),
                                 events: events, measured: measured, stoppedEarlyAt: stoppedEarlyAt)
    }
}
