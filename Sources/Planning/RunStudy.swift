import InfraModel
import Scenario

/// What `capsim run` does: simulate the installed infrastructure under one year's load.
public enum RunStudy {
    /// Options that override the scenario file.
    public struct Overrides: Sendable {
        public var year: Int?
        public var seed: UInt64?
        public var replications: Int?
        /// Measured simulated seconds per replication.
        public var duration: Double?
        /// How `replications` and `duration` were given, for messages (e.g. "baseline RESULTS.json"); nil =
        /// command-line options.
        public var givenBy: String?
        public init(year: Int? = nil, seed: UInt64? = nil, replications: Int? = nil, duration: Double? = nil,
                    givenBy: String? = nil) {
            self.year = year
            self.seed = seed
            self.replications = replications
            self.duration = duration
            self.givenBy = givenBy
        }
    }

    /// The model configuration for `scenario` with the overrides applied.
    public static func configuration(_ scenario: Scenario, _ o: Overrides) -> ModelConfiguration {
        var c = scenario.model(year: o.year ?? scenario.horizon.baseYear)
        if let s = o.seed { c.seed = s }
        if let r = o.replications { c.simulation.replications = r }
        if let d = o.duration { c.simulation.duration = d }
        return c
    }

    /// Simulates `scenario` and returns the results (targets evaluated).
    /// - Parameters:
    ///   - jobs: threads for replications (results do not depend on it).
    ///   - series: record time series every this many seconds of measured time (nil = none).
    ///   - progress: called with the number of finished replications.
    ///   - limits: checked before anything is simulated (`StudyGuard`).
    public static func run(_ scenario: Scenario, _ overrides: Overrides = Overrides(), jobs: Int, series: Double? = nil,
                           progress: (@Sendable (Int) -> Void)? = nil, limits: RunLimits = .standard) throws -> RunResults {
        try StudyGuard.check(scenario, overrides, study: .run(year: overrides.year ?? scenario.horizon.baseYear), limits: limits)
        let c = configuration(scenario, overrides)
        if let series { try checkSeriesInterval(series, duration: c.simulation.duration) }
        let model = try CompiledModel(c)
        return Simulator.run(model, jobs: jobs, series: series, progress: progress)
    }

    /// Throws when `interval` (seconds) is not positive or would give more than 100,000 intervals.
    public static func checkSeriesInterval(_ interval: Double, duration: Double) throws {
        guard interval > 0, interval.isFinite else { throw ModelError("the series interval must be > 0 seconds") }
        guard duration / interval <= 100_000 else {
            throw ModelError("a series interval of \(interval) s gives more than 100,000 intervals over \(duration) s measured; expected a longer interval")
        }
    }

    /// A series interval for a chart of `duration` measured seconds: about 120 points, rounded to 1, 2, 5, 10,
    /// 15, 30 s or whole minutes.
    public static func chartInterval(duration: Double) -> Double {
        let raw = duration / 120
        let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600]
        return steps.first { $0 >= raw } ?? (raw / 3600).rounded(.up) * 3600
    }

    /// The time series of the last plan year on its planned capacity, when the scenario has events (load spikes,
    /// capacity losses): the report's view of how the planned system rides them out. Nil without events.
    public static func eventSeries(_ scenario: Scenario, plan: ProcurementPlan, jobs: Int) throws -> RunResults? {
        guard !scenario.events.isEmpty, let last = plan.capacity.last else { return nil }
        let model = try CompiledModel(last.configuration)
        return Simulator.run(model, jobs: jobs, series: chartInterval(duration: last.configuration.simulation.duration))
    }
}
