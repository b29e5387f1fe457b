import InfraModel
import Scenario

/// What `capsim size` does: the smallest servers per pool and bandwidth per link meeting every
/// target in one year, starting from nothing (installed capacity is reported, not assumed).
public enum SizeStudy {
    /// - Parameter limits: checked before anything is simulated (`StudyGuard`).
    public static func run(_ scenario: Scenario, _ overrides: RunStudy.Overrides = RunStudy.Overrides(), jobs: Int,
                           limits: RunLimits = .standard) throws -> SizingReport {
        let year = overrides.year ?? scenario.horizon.baseYear
        try StudyGuard.check(scenario, overrides, study: .size(year: year), limits: limits)
        var search = try SizingSearch(scenario: scenario, year: year, overrides: overrides, floor: nil, jobs: jobs)
        let outcome = try search.run()
        var report = SizingReport(scenario: scenario, outcome: outcome)
        report.window = SimulationWindow(scenario, overrides)
        return report
    }
}

/// Current and required capacity of each resource in one year.
public struct SizingReport: Sendable {
    /// One resource: capacity installed now and capacity required, in the resource's capacity unit.
    public struct Line: Sendable, Equatable {
        public var resource: ResourceID
        public var current: Double
        public var required: Double
        /// For storage: usable bytes needed this year (data × copies / (1 − headroom)); nil for simulated resources.
        public var need: Double? = nil
    }
    public var year: Int
    /// Every resource the search sized, in variable order (pools, then links, then storage).
    public var lines: [Line]
    public var outcome: SizingOutcome
    /// The `--set` overrides the scenario was sized with.
    public var overrides: [ScenarioOverride]
    /// The stretch of the design week the year was sized on.
    public var window: SimulationWindow? = nil

    public init(scenario: Scenario, outcome: SizingOutcome) {
        overrides = scenario.overrides
        year = outcome.year
        lines = zip(outcome.variables, outcome.values).map { v, x in
            Line(resource: v.resource, current: scenario.resource(v.resource)?.installed ?? 0, required: v.capacity(x),
                 need: v.resource.kind == .storage ? scenario.storage(v.resource.id).map { scenario.storageNeed($0, year: outcome.year) } : nil)
        }
        self.outcome = outcome
    }

    /// The line of `resource`, if it was sized.
    public func line(_ resource: ResourceID) -> Line? { lines.first { $0.resource == resource } }
}
