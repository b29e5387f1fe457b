import SimKernel

/// Time series of a run (`capsim run --series INTERVAL`): per interval of measured time, the mean over replications
/// of each quantity. Rates are per second within the interval.
public struct RunSeries: Sendable, Equatable {
    /// Interval length, seconds.
    public var interval: Double
    /// Start of each interval, seconds from time 0 (the first starts at the end of the warm-up); the last interval
    /// may be shorter.
    public var starts: [Double]
    /// Length of each interval, seconds.
    public var lengths: [Double]
    public var pools: [PoolSeries]
    public var workloads: [WorkloadSeries]
    public var limiters: [LimiterSeries]
    /// The scenario's events, for placing them on a chart.
    public var events: [ScheduledEvent]

    public struct PoolSeries: Sendable, Equatable {
        public var id: String
        /// Busy share of installed capacity.
        public var utilization: [Double]
        /// Mean number waiting.
        public var queueLength: [Double]
        /// Completions per second.
        public var throughput: [Double]
    }

    public struct WorkloadSeries: Sendable, Equatable {
        public var id: String
        /// Per second: first attempts, all attempts, successes, failed requests.
        public var requests: [Double]
        public var attempts: [Double]
        public var goodput: [Double]
        public var lost: [Double]
        /// Per event, for workloads with a client; nil otherwise.
        public var recovery: [RecoveryTime]?
    }

    public struct LimiterSeries: Sendable, Equatable {
        public var id: String
        /// Per second: requests that took a token, requests turned away.
        public var passed: [Double]
        public var rejected: [Double]
    }

    /// How long a workload took to recover after one event.
    public struct RecoveryTime: Sendable, Equatable {
        public var event: String
        /// End of the event, seconds from time 0.
        public var end: Double
        /// Seconds from the end of the event until goodput over the next 10 s reaches 90% of the first attempts in
        /// those 10 s, over replications; nil when some replication never got there within the run.
        public var seconds: Estimate?
        /// Replications that recovered within the run.
        public var recovered: Int
        public var replications: Int
    }

    /// Aggregates replications' series (in replication order).
    static func aggregate(_ model: CompiledModel, _ series: [ReplicationSeries], interval: Double) -> RunSeries {
        let longestSeries = series.max { $0.starts.count < $1.starts.count }
        let longest = longestSeries?.starts ?? []
        func mean(_ pick: (ReplicationSeries) -> [Double]) -> [Double] {
            longest.indices.map { k in
                let values = series.compactMap { s -> Double? in
                    let v = pick(s)
                    return k < v.count ? v[k] : nil
                }
                return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
            }
        }
        let events = model.configuration.events
        let pools = model.pools.indices.map { p in
            PoolSeries(id: model.pools[p].id, utilization: mean { $0.poolUtilization[p] },
                       queueLength: mean { $0.poolQueueLength[p] }, throughput: mean { $0.poolThroughput[p] })
        }
        let workloads = model.workloads.indices.map { w -> WorkloadSeries in
            var recovery: [RecoveryTime]?
            if model.workloads[w].client != nil, series.allSatisfy({ w < $0.recovery.count && !$0.recovery[w].isEmpty }) {
                recovery = events.indices.map { e in
                    let values = series.map { $0.recovery[w][e] }
                    let got = values.compactMap { $0 }
                    return RecoveryTime(event: events[e].name, end: events[e].end,
                                        seconds: got.count == values.count ? Estimate(replicationValues: got) : nil,
                                        recovered: got.count, replications: values.count)
                }
            }
            return WorkloadSeries(id: model.workloads[w].id, requests: mean { $0.requests[w] }, attempts: mean { $0.attempts[w] },
                                  goodput: mean { $0.goodput[w] }, lost: mean { $0.lost[w] }, recovery: recovery)
        }
        let limiters = model.limiters.indices.map { l in
            LimiterSeries(id: model.limiters[l].id, passed: mean { $0.limiterPassed[l] }, rejected: mean { $0.limiterRejected[l] })
        }
        return RunSeries(interval: interval, starts: longest, lengths: longestSeries?.lengths ?? [], pools: pools, workloads: workloads, limiters: limiters,
                         events: events)
    }
}
