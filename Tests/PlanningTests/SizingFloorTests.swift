import Foundation
import Planning
import Scenario
import Testing

/// A plan year tries every resource at its lower bound (closed forms, and what is already installed) before
/// searching: when that meets every target, nothing smaller is allowed, so it is the answer after one simulation.
@Suite struct SizingFloorTests {
    /// 2 requests/s of 1 s each on 4 installed servers with a 3 s mean target: M/M/4 at ρ = 1/2 has a mean response
    /// of 1 + C(4, 2)/(4 − 2) ≈ 1.09 s (Erlang C ≈ 0.17), so every year of a flat load is met by what is installed.
    /// The search's generous start would be 6 servers (Erlang C at most 5%), so without the first try at the lower
    /// bounds each year would take a simulation of 6 servers and a binary search down to 4.
    @Test func aYearWhoseInstalledCapacityMeetsEveryTargetTakesOneSimulation() throws {
        var yaml = PlanningFixtures.singlePool(rate: "2/s", meanLimit: "3s", servers: 4, replications: 4)
        yaml += "horizon: {base_year: 2025, to: 2027}\n"
        let plan = try PlanStudy.run(try PlanningFixtures.scenario(yaml), jobs: 2)
        #expect(plan.capacity.map(\.simulations) == [1, 1, 1])
        #expect(plan.agencies.flatMap(\.items).isEmpty)
    }

    /// The same pool with a load growing 60% a year: each year buys exactly up to the smallest server count that
    /// `capsim size` finds from scratch for that year (or keeps last year's, never less).
    @Test func aGrowingLoadStillBuysTheSmallestCapacityThatMeetsTheTargets() throws {
        var yaml = PlanningFixtures.singlePool(rate: "2/s", meanLimit: "1.2s", servers: 2, replications: 4)
        yaml = yaml.replacingOccurrences(of: "arrivals: {rate: 2/s}", with: "arrivals: {rate: 2/s, growth: 60%}")
        yaml += "horizon: {base_year: 2025, to: 2027}\n"
        let scenario = try PlanningFixtures.scenario(yaml)
        let plan = try PlanStudy.run(scenario, jobs: 2)
        var installed = 2.0
        for year in plan.capacity {
            let servers = try #require(year.capacity.first { $0.resource == .pool("p") }?.value)
            let sized = try SizeStudy.run(scenario, RunStudy.Overrides(year: year.year), jobs: 2)
            let fromScratch = try #require(sized.line(.pool("p"))?.required)
            #expect(servers == max(installed, fromScratch), "\(year.year)")
            installed = servers
        }
        #expect(installed > 2)
    }
}
