import Foundation
import InfraModel

/// A limit exceeded because of a setting given outside the scenario file (a command-line option, or a baseline's
/// replications and duration): the CLI exits with 64 (usage).
public struct SettingLimitError: Error, Sendable, CustomStringConvertible {
    /// The setting as given, e.g. `--duration 1e300s`.
    public var setting: String
    /// What is wrong, the estimate and the limit, and how to proceed.
    public var message: String

    public init(setting: String, message: String) {
        self.setting = setting
        self.message = message
    }

    public var description: String { "capsim: error: \(setting): \(message)" }
}

/// Checks a simulation of a scenario against `RunLimits` before anything is allocated: sizes first (channels,
/// replications, histograms, routes, clock), then the estimated events (`WorkEstimate`). A problem of the file is
/// thrown as `ScenarioError.invalid`, located at the value to change; a problem caused by a setting given outside
/// the file as `SettingLimitError`.
public enum RunGuard {
    /// Where the replications and duration in force come from: nil = the scenario file, else how they were given
    /// (e.g. `--replications 20`, or `baseline RESULTS.json`).
    public struct SettingSources: Sendable, Equatable {
        public var replications: String?
        public var duration: String?

        public init(replications: String? = nil, duration: String? = nil) {
            self.replications = replications
            self.duration = duration
        }
    }

    /// Checks the sizes of a simulation of `scenario` with `simulation` settings.
    public static func checkSizes(_ scenario: Scenario, simulation: SimulationSettings, sources: SettingSources,
                                  limits: RunLimits) throws {
        let at = scenario.locations
        var problems: [Diagnostic] = []
        func report(_ location: SourceLocation?, _ message: String) {
            let l = location ?? SourceLocation(file: scenario.sourcePath, line: 1, column: 1)
            problems.append(Diagnostic(at: l, message: message))
        }
        let span = scenario.horizon.to.subtractingReportingOverflow(scenario.horizon.baseYear)
        if span.overflow || span.partialValue >= limits.maxYears {
            report(ValueLocations.first(at.horizonTo, at.horizon),
                   "the horizon from \(scenario.horizon.baseYear) to \(scenario.horizon.to) spans more than \(limits.maxYears) years; expected at most \(limits.maxYears) (plan sizes every year)")
        }
        var total = 0
        var largest: (pool: PoolSpec, channels: Int)?
        for pool in scenario.pools {
            let c = pool.configuration
            let channels = c.servers.multipliedReportingOverflow(by: c.concurrency)
            let count = channels.overflow ? Int.max : channels.partialValue
            total = total.addingReportingOverflow(count).overflow ? Int.max : total + count
            if largest == nil || count > largest!.channels { largest = (pool, count) }
            if count > limits.maxChannelsPerPool {
                report(ValueLocations.first(at.servers[pool.id], at.pools[pool.id]),
                       "pool '\(pool.id)' has \(c.servers) servers × concurrency \(c.concurrency) = \(Approximate.count(Double(c.servers) * Double(c.concurrency))) channels; expected at most \(Approximate.count(Double(limits.maxChannelsPerPool))) per pool (every channel is simulated and takes memory); model fewer servers, or a lower concurrency")
            }
            if pool.redundancy > limits.maxChannelsPerPool {
                report(ValueLocations.first(at.redundancy[pool.id], at.pools[pool.id]),
                       "redundancy n+\(pool.redundancy) of pool '\(pool.id)' keeps more spare servers than a pool may have channels (\(Approximate.count(Double(limits.maxChannelsPerPool)))); expected a few spares, like n+1 or n+2")
            }
            if let max = pool.maxServers {
                let bound = Double(max) * Double(c.concurrency)
                if bound > Double(limits.maxChannelsPerPool) {
                    report(ValueLocations.first(at.maxServers[pool.id], at.pools[pool.id]),
                           "max_servers \(max) of pool '\(pool.id)' lets sizing reach \(Approximate.count(bound)) channels (× concurrency \(c.concurrency)); expected at most \(Approximate.count(Double(limits.maxChannelsPerPool))) per pool; lower max_servers")
                }
            }
        }
        if total > limits.maxChannels, problems.isEmpty, let largest {
            report(ValueLocations.first(at.servers[largest.pool.id], at.pools[largest.pool.id]),
                   "the pools have \(Approximate.count(Double(total))) channels in all (servers × concurrency; the largest is pool '\(largest.pool.id)' with \(Approximate.count(Double(largest.channels)))); expected at most \(Approximate.count(Double(limits.maxChannels))) (every channel is simulated and takes memory)")
        }
        for workload in scenario.workloads {
            let shape = WorkEstimate.shape(of: workload.configuration.route)
            let place = ValueLocations.first(at.routes[workload.id], at.workloads[workload.id])
            if shape.steps > limits.maxRouteSteps {
                report(place, "the route of workload '\(workload.id)' has \(shape.steps) steps; expected at most \(limits.maxRouteSteps)")
            }
            if shape.depth > limits.maxRouteDepth {
                report(place, "the route of workload '\(workload.id)' nests steps \(shape.depth) levels deep; expected at most \(limits.maxRouteDepth)")
            }
        }
        let replications = simulation.replications
        if replications > limits.maxReplications {
            try fail(sources.replications, ValueLocations.first(at.replications, at.simulation), problems: &problems, file: scenario.sourcePath,
                     "\(replications) replications is more than the \(limits.maxReplications) capsim runs; the 95% interval narrows with the square root of the replications, so 5 to 100 are usually enough")
        } else {
            let estimate = WorkEstimate(scenario, year: scenario.horizon.baseYear, simulation: simulation)
            if estimate.histograms > limits.maxHistograms {
                try fail(sources.replications, ValueLocations.first(at.replications, at.simulation), problems: &problems, file: scenario.sourcePath,
                         "\(replications) replications × \(estimate.histogramsPerReplication) latency histograms (2 per pool, 1 per link direction, 1 per workload) = \(Approximate.count(Double(estimate.histograms))) histograms of 40 KiB held until they are aggregated; expected at most \(Approximate.count(Double(limits.maxHistograms))) (2 GiB); lower the replications")
            }
        }
        if !problems.isEmpty { throw ScenarioError.invalid(ScenarioLoader.sorted(problems)) }
    }

    /// Checks the estimated events of one simulation (all replications) against the run limit in force, and its
    /// simulated clock against `RunLimits.maxClockSeconds`.
    public static func checkEvents(_ scenario: Scenario, estimate: WorkEstimate, sources: SettingSources,
                                   limits: RunLimits) throws {
        var problems: [Diagnostic] = []
        let events = estimate.events
        let limit = limits.runEventLimit
        let s = estimate.simulation
        guard !(events <= limit) else {
            // Few events over an absurd span of simulated time (a zero rate, say) are refused too.
            let clock = s.start + s.warmup + s.duration
            guard !(clock <= limits.maxClockSeconds) else { return }
            try fail(sources.duration, ValueLocations.first(scenario.locations.duration, scenario.locations.simulation),
                     problems: &problems, file: scenario.sourcePath,
                     "start + warm-up + duration is \(Approximate.duration(clock)) of simulated time; expected at most \(Approximate.duration(limits.maxClockSeconds)) (beyond it event times lose sub-microsecond resolution); lower the duration")
            throw ScenarioError.invalid(problems)
        }
        let parts = estimate.shares.prefix(3).filter { $0.events > 0 }.map { share in
            let percent = Int((100 * share.events / max(estimate.eventsPerReplication, 1)).rounded())
            return "\(share.subject) \(percent.clamped(0, 100))%" + (share.location.map { " (line \($0.line))" } ?? "")
        }.joined(separator: ", ")
        let message = "a simulation of \(estimate.year) is estimated at \(Approximate.count(events)) events (\(s.replications) replications × \(Approximate.count(estimate.eventsPerReplication)) events over warm-up \(Approximate.duration(s.warmup)) + duration \(Approximate.duration(s.duration))\(parts.isEmpty ? "" : "; " + parts)), \(Approximate.time(events)); "
            + advice(limit: limit, limits: limits, study: false)
        try fail(sources.duration, ValueLocations.first(scenario.locations.duration, scenario.locations.simulation),
                 problems: &problems, file: scenario.sourcePath, message)
        throw ScenarioError.invalid(problems)
    }

    /// Checks the estimated events of a study against the study limit in force. `description` says what the study
    /// simulates, e.g. "a plan of 2025-2030 (6 years × about 5 simulations of 5 replications)".
    /// An uncertainty study (`explore: true`) is held to the limit of such studies.
    public static func checkStudy(_ scenario: Scenario, description: String, events: Double, sources: SettingSources,
                                  limits: RunLimits, explore: Bool = false) throws {
        let limit = explore ? limits.exploreEventLimit : limits.studyEventLimit
        guard !(events <= limit) else { return }
        let message = "\(description) is estimated at \(Approximate.count(events)) events, \(Approximate.time(events)); "
            + advice(limit: limit, limits: limits, study: true, explore: explore)
        var problems: [Diagnostic] = []
        try fail(sources.duration, ValueLocations.first(scenario.locations.duration, scenario.locations.simulation),
                 problems: &problems, file: scenario.sourcePath, message)
        throw ScenarioError.invalid(problems)
    }

    static func advice(limit: Double, limits: RunLimits, study: Bool, explore: Bool = false) -> String {
        let what = explore ? "an uncertainty study" : study ? "a study" : "one simulation"
        if limits.allowLong {
            return "expected at most \(Approximate.count(limit)) events for \(what) even with --allow-long; lower the duration or the replications"
        }
        return "expected at most \(Approximate.count(limit)) events for \(what) (\(Approximate.time(limit))); lower the duration or the replications, or pass --allow-long for a deliberate long run"
    }

    /// Throws `SettingLimitError` when `source` names a setting given outside the file; else adds a located problem.
    static func fail(_ source: String?, _ location: SourceLocation?, problems: inout [Diagnostic], file: String,
                     _ message: String) throws {
        if let source { throw SettingLimitError(setting: source, message: message) }
        problems.append(Diagnostic(at: location ?? SourceLocation(file: file, line: 1, column: 1), message: message))
    }
}

extension Int {
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(self, low), high) }
}
