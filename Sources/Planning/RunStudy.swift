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
    ///   - progress: called with the number of finished replications.
    ///   - limits: checked before anything is simulated (`StudyGuard`).
    public static func run(_ scenario: Scenario, _ overrides: Overrides = Overrides(), jobs: Int,
                           progress: (@Sendable (Int) -> Void)? = nil, limits: RunLimits = .standard) throws -> RunResults {
        try StudyGuard.check(scenario, overrides, study: .run(year: overrides.year ?? scenario.horizon.baseYear), limits: limits)
        let model = try CompiledModel(configuration(scenario, overrides))
        return Simulator.run(model, jobs: jobs, progress: progress)
    }
}
