import SimKernel

/// Runs replications of a model and aggregates them.
public enum Simulator {
    /// Simulates `model` with `replications` independent replications on up to `jobs` threads.
    ///
    /// Results do not depend on `jobs`: replication r always uses the streams of replication r,
    /// and aggregation runs in replication order.
    /// - Parameters:
    ///   - replications: overrides the configuration's count when given.
    ///   - series: record time series every this many seconds of measured time (nil = none). Recording adds no
    ///     randomness and changes no other result.
    ///   - progress: called with the number of finished replications.
    public static func run(_ model: CompiledModel, replications: Int? = nil, jobs: Int = 1, series: Double? = nil,
                           progress: (@Sendable (Int) -> Void)? = nil) -> RunResults {
        let n = replications ?? model.configuration.simulation.replications
        let samples = ReplicationRunner.run(count: n, jobs: jobs, progress: progress) { r in
            var replication = Replication(model: model, replication: r, seriesInterval: series)
            return replication.run()
        }
        return aggregate(model, samples, series: series)
    }

    /// Runs replications `indices` (numbered from 0, as in `run`) on up to `jobs` threads and returns their raw
    /// measurements in index order. `aggregate` of replications 0..<n gives exactly what `run` gives for n
    /// replications, so a study that wants more replications of a model it already ran only runs the new ones.
    public static func replications(_ model: CompiledModel, _ indices: Range<Int>, jobs: Int = 1) -> [ReplicationResult] {
        ReplicationRunner.run(count: indices.count, jobs: jobs) { r in
            var replication = Replication(model: model, replication: indices.lowerBound + r, seriesInterval: nil)
            return replication.run()
        }
    }

    /// Runs one replication (replication number `index`) and returns its raw measurements.
    public static func runReplication(_ model: CompiledModel, index: Int, series: Double? = nil) -> ReplicationResult {
        var replication = Replication(model: model, replication: index, seriesInterval: series)
        return replication.run()
    }

    /// Aggregates replication measurements (in the given order) into results.
    public static func aggregate(_ model: CompiledModel, _ samples: [ReplicationResult], series: Double? = nil) -> RunResults {
        let c = model.configuration
        func est(_ f: (ReplicationResult) -> Double) -> Estimate { Estimate(replicationValues: samples.map(f)) }
        func frac(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
        let pools = model.pools.indices.map { p in
            PoolResults(
                id: model.pools[p].id, servers: model.pools[p].servers, concurrency: model.pools[p].concurrency,
                utilization: est { $0.pools[p].utilization },
                throughput: est { $0.pools[p].throughput },
                queueLength: est { $0.pools[p].queueLength },
                inSystem: est { $0.pools[p].inSystem },
                wait: LatencyEstimate(samples.map { $0.pools[p].wait }),
                response: LatencyEstimate(samples.map { $0.pools[p].response }),
                blockedFraction: est { frac($0.pools[p].blocked, $0.pools[p].arrivals) },
                abandonedFraction: est { frac($0.pools[p].abandoned, $0.pools[p].arrivals) },
                availability: est { $0.pools[p].availability },
                arrivalRate: est { $0.measured > 0 ? Double($0.pools[p].arrivals) / $0.measured : 0 })
        }
        let links = c.links.indices.map { l in
            func direction(_ d: Int) -> DirectionResults {
                DirectionResults(utilization: est { $0.directions[d].utilization },
                                 throughputBps: est { $0.directions[d].throughputBps },
                                 delay: LatencyEstimate(samples.map { $0.directions[d].delay }))
            }
            return LinkResults(id: c.links[l].id, bandwidth: c.links[l].bandwidth, forward: direction(2 * l), reverse: direction(2 * l + 1))
        }
        let count = Double(max(samples.count, 1))
        let workloads = model.workloads.indices.map { w in
            WorkloadResults(
                id: model.workloads[w].id,
                arrived: Double(samples.reduce(0) { $0 + $1.workloads[w].arrived }) / count,
                completed: Double(samples.reduce(0) { $0 + $1.workloads[w].completed }) / count,
                response: LatencyEstimate(samples.map { $0.workloads[w].response }),
                lostFraction: est { frac($0.workloads[w].lost, $0.workloads[w].arrived) },
                hasClient: model.workloads[w].client != nil,
                attempts: est { Double($0.workloads[w].arrived + $0.workloads[w].retries) },
                amplification: est { $0.workloads[w].arrived > 0 ? Double($0.workloads[w].arrived + $0.workloads[w].retries) / Double($0.workloads[w].arrived) : 1 },
                succeeded: est { Double($0.workloads[w].completed) },
                failed: est { Double($0.workloads[w].lost) },
                orphaned: est { Double($0.workloads[w].orphaned) },
                goodput: est { $0.measured > 0 ? Double($0.workloads[w].completed) / $0.measured : 0 })
        }
        let limiters = model.limiters.indices.map { l in
            let rate = model.limiters[l].rate
            return LimiterResults(
                id: model.limiters[l].id, rate: rate, burst: model.limiters[l].burst,
                passed: est { $0.measured > 0 ? Double($0.limiters[l].passed) / $0.measured : 0 },
                utilization: est { $0.measured > 0 ? Double($0.limiters[l].passed) / ($0.measured * rate) : 0 },
                rejectedFraction: est { frac($0.limiters[l].rejected, $0.limiters[l].arrivals) },
                abandonedFraction: est { frac($0.limiters[l].abandoned, $0.limiters[l].arrivals) },
                queueLength: est { $0.limiters[l].queueLength },
                wait: LatencyEstimate(samples.map { $0.limiters[l].wait }),
                arrivalRate: est { $0.measured > 0 ? Double($0.limiters[l].arrivals) / $0.measured : 0 })
        }
        var warnings = LoadAnalysis(model).overloadWarnings()
        for (r, s) in samples.enumerated() {
            if let t = s.stoppedEarlyAt {
                warnings.append("replication \(r + 1) stopped early at t = \(Int(t)) s: too many requests in flight (the model is overloaded)")
            }
        }
        var results = RunResults(
            scenario: c.name, seed: c.seed, replications: samples.count,
            duration: c.simulation.duration, warmup: c.simulation.warmup,
            events: samples.reduce(0) { $0 &+ $1.events },
            pools: pools, links: links, workloads: workloads, limiters: limiters, targets: [],
            series: series.map { RunSeries.aggregate(model, samples.compactMap(\.series), interval: $0) }, warnings: warnings)
        results.targets = TargetEvaluator.evaluate(c.targets, on: results)
        return results
    }
}
