import Foundation
import InfraModel
import Planning
import Scenario
import Testing

/// One pool of at most 22 servers (exponential service 1 s, 10/s growing at g), a 70% utilisation target: a future
/// needs ⌈10 (1 + g)^(Y − 2025) / 0.7⌉ servers in year Y (possibly one more from simulation noise). With g = 40% that is
/// 15, 20, 28: from 2027 on no configuration within the bound meets the target. With 0% and 10% the need stays at or
/// below 21 through 2028. Sample 0 (g = 40%) is also the first one the noise check replans.
let boundedGrowthStudy = """
name: bounded-growth
seed: 3
simulation: {duration: 10m, warmup: 1m, replications: 2}
horizon: {base_year: 2025, to: 2028}
agencies: [{id: a, name: Agency A}]
sites: [{id: dc, agency: a}]
pools:
  - {id: p, site: dc, servers: 10, unit: {name: server, cost: 100000000}, max_servers: 22}
workloads:
  - id: w
    arrivals: {rate: 10/s, growth: 20%}
    route:
      - {pool: p, service: {dist: exponential, mean: 1s}}
targets:
  - {pool: p, max_utilization: 70%}
uncertainty:
  method: grid
  noise_check: 2
  inputs:
    - {path: workloads.w.arrivals.growth, values: [40%, 0%, 10%]}

"""

enum BoundedGrowthFixture {
    static let planned: (study: ExploreStudy, results: [ExploreRunResult], analysis: ExploreAnalysis) = {
        let s = try! ExploreFixture.study(boundedGrowthStudy)
        let results = try! s.execute(jobs: 2)
        return (s, results, ExploreAnalysis(study: s, results: results))
    }()
}

@Suite("explore: infeasible futures")
struct ExploreInfeasibleTests {
    @Test func anInfeasibleFutureRecordsItsFirstInfeasibleYear() throws {
        let (_, _, a) = BoundedGrowthFixture.planned
        #expect(a.samples.map(\.inputs[0]) == [0.4, 0, 0.1])
        #expect(a.samples.map(\.feasible) == [false, true, true])
        #expect(a.samples.map(\.infeasibleFrom) == [2027, nil, nil])
    }

    @Test func anExplorePlanStopsAtItsFirstInfeasibleYear() throws {
        let (study, _, _) = BoundedGrowthFixture.planned
        let variant = try study.source.scenario(overrides: study.overrides(for: [0.4]), collectInputs: false)
        let stopped = try PlanStudy.run(variant, jobs: 1, stopAtInfeasibleYear: true)
        let whole = try PlanStudy.run(variant, jobs: 1)
        #expect(stopped.capacity.map(\.year) == [2025, 2026, 2027])
        #expect(whole.capacity.map(\.year) == [2025, 2026, 2027, 2028])
        #expect(whole.infeasibleYears == [2027, 2028])
    }

    @Test func yearsAfterTheStopKeepTheCapacityOfTheLastYearPlanned() throws {
        let (_, _, a) = BoundedGrowthFixture.planned
        let servers = a.samples[0].capacity[0]
        #expect(servers.count == 4)
        #expect(servers[1] >= 20 && servers[1] <= 21, "10 × 1.4 / 0.7 = 20 servers in 2026: \(servers)")
        #expect(servers[2] == servers[1] && servers[3] == servers[1], "nothing bought from 2027: \(servers)")
    }

    @Test func purchaseProbabilitiesCountOnlyFeasibleFutures() throws {
        let (_, _, a) = BoundedGrowthFixture.planned
        // 2025: both feasible futures need 15 servers (10 installed). 2027: g = 10% needs 18 (after 16 in 2026),
        // g = 0 needs nothing more: 1 of the 2 feasible futures buys (1 of 3 if the infeasible one counted).
        #expect(a.purchaseProbability[0][0] == 1)
        #expect(a.purchaseProbability[0][2] == 0.5)
    }

    @Test func theNoiseCheckPairsOnlyFeasiblePlans() throws {
        let (_, results, a) = BoundedGrowthFixture.planned
        #expect(results.filter { if case .noise = $0.role { return true } else { return false } }.count == 2)
        #expect(try #require(a.noise).runs == 1, "sample 0 is infeasible; only sample 1's pair measures noise")
    }
}
