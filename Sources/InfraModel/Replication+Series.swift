import SimKernel

/// Time series of one replication: per interval of measured time, rates and time averages. Arrays are indexed
/// [element][interval]; a replication that stopped early has fewer intervals.
public struct ReplicationSeries: Sendable {
    /// Start of each recorded interval, seconds from time 0, and its length, seconds.
    public var starts: [Double]
    public var lengths: [Double]
    /// Per pool: busy share of installed channels, mean number waiting, completions per second.
    public var poolUtilization: [[Double]]
    public var poolQueueLength: [[Double]]
    public var poolThroughput: [[Double]]
    /// Per workload, per second: first attempts, all attempts, successes, failures (lost requests).
    public var requests: [[Double]]
    public var attempts: [[Double]]
    public var goodput: [[Double]]
    public var lost: [[Double]]
    /// Per limiter, per second: requests that took a token, requests rejected.
    public var limiterPassed: [[Double]]
    public var limiterRejected: [[Double]]
    /// Per workload with a client, per event of the configuration: seconds from the end of the event until goodput
    /// over the next 10 s is at least 90% of the first attempts in those 10 s; nil when that never happens within
    /// the run. Empty for workloads without a client.
    public var recovery: [[Double?]]
}

/// Records time series during a replication by snapshotting cumulative counters at each interval's end.
struct SeriesRecorder {
    /// Seconds.
    let interval: Double
    /// Number of intervals (the last may be shorter).
    let count: Int
    let warmup: Double
    let end: Double
    var poolBusy: [Double]
    var poolWaiting: [Double]
    var poolCompleted: [Int]
    var arrived: [Int]
    var retries: [Int]
    var completed: [Int]
    var lost: [Int]
    var passed: [Int]
    var rejected: [Int]
    var out: ReplicationSeries

    init(interval: Double, model: CompiledModel, warmup: Double, end: Double) {
        self.interval = interval
        self.warmup = warmup
        self.end = end
        count = max(Int(((end - warmup) / interval - 1e-9).rounded(.up)), 1)
        let p = model.pools.count, w = model.workloads.count, l = model.limiters.count
        poolBusy = Array(repeating: 0, count: p)
        poolWaiting = Array(repeating: 0, count: p)
        poolCompleted = Array(repeating: 0, count: p)
        arrived = Array(repeating: 0, count: w)
        retries = Array(repeating: 0, count: w)
        completed = Array(repeating: 0, count: w)
        lost = Array(repeating: 0, count: w)
        passed = Array(repeating: 0, count: l)
        rejected = Array(repeating: 0, count: l)
        let empty = { (n: Int) in Array(repeating: [Double](), count: n) }
        out = ReplicationSeries(starts: [], lengths: [], poolUtilization: empty(p), poolQueueLength: empty(p),
                                poolThroughput: empty(p), requests: empty(w), attempts: empty(w), goodput: empty(w),
                                lost: empty(w), limiterPassed: empty(l), limiterRejected: empty(l), recovery: [])
    }

    /// End of interval k (0-based), seconds from time 0.
    func tickTime(_ k: Int) -> Double { k == count - 1 ? end : warmup + Double(k + 1) * interval }
}

extension Replication {
    /// Schedules the first interval's end and the last one's (ahead of the stop event at the same time); each
    /// tick schedules the next.
    mutating func scheduleFirstTick(_ s: SeriesRecorder) {
        calendar.schedule(at: s.tickTime(0), kind: EventKind.seriesTick, item: 0)
        if s.count > 1 { calendar.schedule(at: s.tickTime(s.count - 1), kind: EventKind.seriesTick, item: Int32(s.count - 1)) }
    }

    /// Interval `k` ends now: records the change of every counter since the previous interval.
    mutating func seriesTick(_ k: Int) {
        guard var s = series else { return }
        series = nil  // `s` owns the arrays while they grow
        if k + 1 < s.count - 1 { calendar.schedule(at: s.tickTime(k + 1), kind: EventKind.seriesTick, item: Int32(k + 1)) }
        let start = k == 0 ? s.warmup : s.tickTime(k - 1)
        let length = max(now - start, 1e-12)
        s.out.starts.append(start)
        s.out.lengths.append(length)
        for p in pools.indices {
            let busy = cumulative(pools[p].busy), waiting = cumulative(pools[p].queueLength)
            let channels = Double(model.pools[p].servers * model.pools[p].concurrency)
            s.out.poolUtilization[p].append(channels > 0 ? (busy - s.poolBusy[p]) / (channels * length) : 0)
            s.out.poolQueueLength[p].append((waiting - s.poolWaiting[p]) / length)
            s.out.poolThroughput[p].append(Double(pools[p].completed - s.poolCompleted[p]) / length)
            s.poolBusy[p] = busy
            s.poolWaiting[p] = waiting
            s.poolCompleted[p] = pools[p].completed
        }
        for w in workloads.indices {
            let x = workloads[w]
            s.out.requests[w].append(Double(x.arrived - s.arrived[w]) / length)
            s.out.attempts[w].append(Double(x.arrived - s.arrived[w] + x.retries - s.retries[w]) / length)
            s.out.goodput[w].append(Double(x.completed - s.completed[w]) / length)
            s.out.lost[w].append(Double(x.lost - s.lost[w]) / length)
            s.arrived[w] = x.arrived
            s.retries[w] = x.retries
            s.completed[w] = x.completed
            s.lost[w] = x.lost
        }
        for l in limiters.indices {
            s.out.limiterPassed[l].append(Double(limiters[l].passed - s.passed[l]) / length)
            s.out.limiterRejected[l].append(Double(limiters[l].rejected - s.rejected[l]) / length)
            s.passed[l] = limiters[l].passed
            s.rejected[l] = limiters[l].rejected
        }
        series = s
    }

    /// The integral of a time average since the start of measuring, up to now.
    func cumulative(_ a: TimeAverage) -> Double { a.integral + a.value * (now - a.lastTime) }

    /// The recorded series with the recovery times, for a run that ended at `t`; nil without series.
    func seriesResult(until t: Double) -> ReplicationSeries? {
        guard var out = series?.out else { return nil }
        let events = model.configuration.events
        out.recovery = clients.map { c in
            guard !c.successesPerSecond.isEmpty else { return [] }
            return events.map { Self.recoveryTime(after: $0.end, firsts: c.firstsPerSecond, successes: c.successesPerSecond, until: t) }
        }
        return out
    }

    /// Seconds r >= 0 (whole) from `eventEnd` until successes in [end + r, end + r + 10) reach 90% of the first
    /// attempts in the same window, using per-second counts; nil if no such window ends by `t`.
    static func recoveryTime(after eventEnd: Double, firsts: [Int32], successes: [Int32], until t: Double) -> Double? {
        let window = 10
        let start = Int(eventEnd.rounded(.up))
        let last = min(Int((t + 1e-9).rounded(.down)), firsts.count)  // windows must end by t
        guard start + window <= last else { return nil }
        var f = 0, s = 0
        for i in start..<start + window {
            f += Int(firsts[i])
            s += Int(successes[i])
        }
        var r = 0
        while true {
            if Double(s) >= 0.9 * Double(f) { return Double(r) }
            let next = start + r + window
            guard next < last else { return nil }
            f += Int(firsts[next]) - Int(firsts[start + r])
            s += Int(successes[next]) - Int(successes[start + r])
            r += 1
        }
    }
}
