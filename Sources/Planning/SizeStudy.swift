import InfraModel
import Scenario

/// What `capsim size` does: the smallest servers per pool and bandwidth per link meeting every
/// target in one year, starting from nothing (installed capacity is reported, not assumed).
public enum SizeStudy {
    public static func run(_ scenario: Scenario, _ overrides: RunStudy.Overrides = RunStudy.Overrides(), jobs: Int) throws -> SizingReport {
        let year = overrides.year ?? scenario.horizon.baseYear
        var search = try SizingSearch(scenario: scenario, year: year, overrides: overrides, floor: nil, jobs: jobs)
        let outcome = try search.run()
        return SizingReport(scenario: scenario, outcome: outcome)
    }
}

/// Current and required capacity of each resource in one year.
public struct SizingReport: Sendable {
    public struct PoolLine: Sendable, Equatable {
        public var id: String
        public var current: Int
        public var required: Int
    }
    public struct LinkLine: Sendable, Equatable {
        public var id: String
        /// bit/s
        public var currentBps: Double
        public var requiredBps: Double
    }
    public var year: Int
    public var pools: [PoolLine]
    public var links: [LinkLine]
    public var outcome: SizingOutcome

    public init(scenario: Scenario, outcome: SizingOutcome) {
        year = outcome.year
        var pools: [PoolLine] = []
        var links: [LinkLine] = []
        for (v, x) in zip(outcome.variables, outcome.values) {
            switch v.kind {
            case .pool(let i):
                pools.append(PoolLine(id: scenario.pools[i].id, current: scenario.pools[i].configuration.servers, required: x))
            case .link(let i):
                links.append(LinkLine(id: scenario.links[i].id, currentBps: scenario.links[i].configuration.bandwidth, requiredBps: v.bandwidth(x)))
            }
        }
        self.pools = pools
        self.links = links
        self.outcome = outcome
    }
}
