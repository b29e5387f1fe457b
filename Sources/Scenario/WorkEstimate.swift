import Foundation
import InfraModel

/// What one simulation of a scenario will cost, estimated before it is built: channels, latency histograms, route
/// shapes and events. `RunGuard` compares it with `RunLimits`.
///
/// Events per replication = Σ over workloads of expected arrivals × events per request + failure events, where
/// expected arrivals integrate the arrival rate (base rate × hourly profile × weekly profile × peaks) over the
/// warm-up and the measured time from `simulation.start`, and a request takes one arrival event plus its steps'
/// events (`eventsPerRequest`).
public struct WorkEstimate: Sendable {
    /// One part of the events of a replication: a workload's requests or a pool's failures and repairs.
    public struct Share: Sendable {
        /// "workload 'login'" or "failures of pool 'auth'".
        public var subject: String
        /// Expected events per replication.
        public var events: Double
        /// Where the value driving it is written (the workload's rate, or the pool's failures).
        public var location: SourceLocation?
    }

    /// A route's shape: steps (a nested step counts with every step inside it) and nesting depth (1 = flat).
    public struct RouteShape: Sendable, Equatable {
        public var steps: Int
        public var depth: Int
        public init(steps: Int, depth: Int) {
            self.steps = steps
            self.depth = depth
        }

        /// Counts the steps of a route nested in one of this route's steps, one level deeper.
        mutating func add(nested inner: RouteShape) {
            steps += inner.steps
            depth = max(depth, 1 + inner.depth)
        }
    }

    /// The simulated year and the settings in force (overrides applied).
    public var year: Int
    public var simulation: SimulationSettings
    /// Expected events per replication by cause, largest first.
    public var shares: [Share]
    /// Latency histograms of one replication: 2 per pool, 1 per link direction, 1 per workload.
    public var histogramsPerReplication: Int

    /// Estimates a simulation of `scenario` in `year` with `simulation` settings, with `servers` servers per pool
    /// (default: as installed).
    public init(_ scenario: Scenario, year: Int, simulation: SimulationSettings,
                servers: ((PoolSpec) -> Int)? = nil) {
        self.year = year
        self.simulation = simulation
        let length = simulation.warmup + simulation.duration
        let patience = Set(scenario.pools.filter { $0.configuration.patience != nil }.map(\.id))
        var shares: [Share] = []
        for workload in scenario.workloads {
            var pattern = workload.configuration.arrivals
            pattern.rate *= scenario.growthFactor(of: workload, year: year)
            let arrivals = Self.expectedArrivals(pattern, start: simulation.start, length: length)
            var perRequest = Self.eventsPerRequest(workload.configuration.route, patience: patience)
            // A client may send every attempt (each with a timeout timer and a backoff wake-up): the upper bound.
            if let client = workload.configuration.client {
                perRequest = Double(client.attempts) * (perRequest + (client.timeout == nil ? 1 : 2))
            }
            shares.append(Share(subject: "workload '\(workload.id)'", events: arrivals * perRequest,
                                location: scenario.locations.rates[workload.id]))
        }
        for pool in scenario.pools {
            guard let f = pool.configuration.failures else { continue }
            let count = Double(servers?(pool) ?? pool.configuration.servers)
            shares.append(Share(subject: "failures of pool '\(pool.id)'", events: count * 2 * length / (f.mtbf + f.mttr),
                                location: ValueLocations.first(scenario.locations.failures[pool.id], scenario.locations.pools[pool.id])))
        }
        self.shares = shares.sorted { $0.events > $1.events }
        histogramsPerReplication = 2 * scenario.pools.count + 2 * scenario.links.count + scenario.workloads.count
    }

    /// Expected events of one replication (the start and stop events included).
    public var eventsPerReplication: Double { shares.reduce(2) { $0 + $1.events } }
    /// Expected events of all replications.
    public var events: Double { eventsPerReplication * Double(simulation.replications) }
    /// Latency histograms held before the replications are aggregated (saturating).
    public var histograms: Int {
        histogramsPerReplication.multipliedReportingOverflow(by: simulation.replications).overflow
            ? Int.max : histogramsPerReplication * simulation.replications
    }

    // MARK: Routes

    /// Events one request causes: its arrival, then per pool step the end of service (and, at a pool with
    /// patience, an abandonment timer), per link step the end of transmission and the delivery.
    ///
    /// Steps that contain steps (branches, forks) add the expected events of what they run: the
    /// probability-weighted sum over branches, all branches of a fork.
    public static func eventsPerRequest(_ route: [RouteStep], patience: Set<String>) -> Double {
        1 + stepEvents(route, patience: patience)
    }

    static func stepEvents(_ steps: [RouteStep], patience: Set<String>) -> Double {
        steps.reduce(0) { total, step in
            switch step {
            case .pool(let id, _): return total + (patience.contains(id) ? 2 : 1)
            case .link: return total + 2
            case .limit, .delay: return total + 1
            case .branch(let alternatives):
                return total + alternatives.reduce(0) { $0 + $1.probability * stepEvents($1.route, patience: patience) }
            case .fork(let branches):
                return total + 1 + branches.reduce(0) { $0 + stepEvents($1, patience: patience) }
            }
        }
    }

    /// Steps and nesting depth of a route.
    public static func shape(of route: [RouteStep]) -> RouteShape {
        var shape = RouteShape(steps: 0, depth: route.isEmpty ? 0 : 1)
        for step in route {
            switch step {
            case .pool, .link, .limit, .delay: shape.steps += 1
            case .branch(let alternatives):
                shape.steps += 1
                for a in alternatives { shape.add(nested: Self.shape(of: a.route)) }
            case .fork(let branches):
                shape.steps += 1
                for b in branches { shape.add(nested: Self.shape(of: b)) }
            }
        }
        return shape
    }

    // MARK: Arrivals

    /// Expected arrivals of `pattern` (rate in requests per second, profiles normalised to mean 1) in `length`
    /// seconds from `start` seconds after Monday 00:00: the integral of the rate. Exact over up to two weeks;
    /// for longer runs, whole weeks count at the mean rate (the profiles' mean is 1) and each peak adds
    /// (multiplier − 1) × the profile's rate over its hours.
    public static func expectedArrivals(_ pattern: ArrivalPattern, start: Double, length: Double) -> Double {
        guard pattern.rate > 0, length > 0 else { return 0 }
        guard length.isFinite, pattern.rate.isFinite else { return .infinity }
        // Beyond a million years of clock, hours no longer resolve: the mean rate (profiles have mean 1).
        guard start + length <= 3e13 else { return pattern.rate * length }
        let week = 7 * 86_400.0
        let peaks = peakWindows(pattern, start: start)
        if length <= 2 * week {
            return pattern.rate * integral(pattern, peaks: peaks, from: start, to: start + length)
        }
        let weeks = (length / week).rounded(.down)
        var total = weeks * week + integral(pattern, peaks: [], from: start + weeks * week, to: start + length)
        for p in peaks {
            let from = max(p.start, start), to = min(p.end, start + length)
            if to > from { total += (p.multiplier - 1) * integral(pattern, peaks: [], from: from, to: to) }
        }
        return pattern.rate * total
    }

    /// Peak windows in clock seconds after Monday 00:00, as the simulator places them.
    static func peakWindows(_ pattern: ArrivalPattern, start: Double) -> [(start: Double, end: Double, multiplier: Double)] {
        let dayStart = (start / 86_400).rounded(.down) * 86_400
        return pattern.peaks.map { peak in
            let base = dayStart + Double(peak.day - 1) * 86_400
            return (base + peak.fromHour * 3600, base + peak.toHour * 3600, peak.multiplier)
        }
    }

    /// ∫ multiplier dt over clock seconds [from, to): the profiles and the given peaks are piecewise constant
    /// between hour boundaries and peak edges.
    static func integral(_ pattern: ArrivalPattern, peaks: [(start: Double, end: Double, multiplier: Double)],
                         from: Double, to: Double) -> Double {
        let edges = peaks.flatMap { [$0.start, $0.end] }.filter { $0 > from && $0 < to }.sorted()
        let profiled = pattern.hourly != nil || pattern.weekly != nil
        var total = 0.0, t = from, nextEdge = 0
        while t < to {
            var next = to
            if profiled { next = min(next, ((t / 3600).rounded(.down) + 1) * 3600) }
            while nextEdge < edges.count, edges[nextEdge] <= t { nextEdge += 1 }
            if nextEdge < edges.count { next = min(next, edges[nextEdge]) }
            if next <= t { next = to }  // no progress at this magnitude: one piece
            let mid = (t + next) / 2
            var m = 1.0
            if let h = pattern.hourly, !h.isEmpty { m *= h[Int((mid / 3600).rounded(.down)) % h.count] }
            if let w = pattern.weekly, !w.isEmpty { m *= w[Int((mid / 86_400).rounded(.down)) % w.count] }
            for p in peaks where mid >= p.start && mid < p.end { m *= p.multiplier }
            total += m * (next - t)
            t = next
        }
        return total
    }
}
