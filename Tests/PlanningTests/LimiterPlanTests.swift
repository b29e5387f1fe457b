import Foundation
import InfraModel
import Planning
import Scenario
import Testing

@Suite("limiter rate in plans")
struct LimiterPlanTests {
    /// An SMS gateway leased in steps of 50/s (7 per step-year) with a 75% utilisation target; demand 150/s
    /// growing 50% a year.
    static let yaml = """
    name: sms-plan
    seed: 4
    simulation: {duration: 5m, warmup: 30s, replications: 3}
    horizon: {base_year: 2025, to: 2026}
    agencies: [{id: a, name: Agency A}, {id: telco, name: Telco}]
    sites: [{id: dc, agency: a}]
    limiters:
      - {id: sms, site: dc, rate: 100/s, excess: reject, owner: telco, unit: {step: 50/s, cost_per_year: 7}, max_rate: 1000/s}
    workloads:
      - id: otp
        arrivals: {rate: 150/s, growth: 50%}
        route: [{limit: sms}]
    targets:
      - {limiter: sms, max_utilization: 75%}
    """

    @Test func sizeBuysRateInStepsToTheClosedFormBound() throws {
        // 150 tokens/s at most 75% busy: rate > 200/s, so 5 steps of 50/s = 250/s (passed/rate = 60%).
        let report = try SizeStudy.run(try PlanningFixtures.scenario(Self.yaml), jobs: 2)
        #expect(report.outcome.feasible)
        #expect(report.line(.limiter("sms"))?.required == 250)
        let util = try #require(report.outcome.results.limiters.first?.utilization.mean)
        #expect(abs(util - 0.6) < 0.01)
    }

    @Test func planLeasesRateLikeBandwidth() throws {
        // 2025: 100/s installed, 250/s needed: 3 steps leased (21 a year). 2026: 225 tokens/s needs > 300/s, so
        // 350/s: 2 more steps (14 a year). Total: 21 + 21 (2026 lease of 2025's steps) + 14 = 56.
        let plan = try PlanStudy.run(try PlanningFixtures.scenario(Self.yaml), jobs: 2)
        let items = try #require(plan.agencies.first { $0.id == "telco" }).items
        #expect(items.map(\.kind) == [.rate, .rate])
        #expect(items.map(\.quantity) == [3, 2])
        #expect(items.map(\.cost) == [21, 14] && items.map(\.opexPerYear) == [21, 14])
        #expect(items.map(\.ratePerSecond) == [150, 100])
        #expect(plan.totalCost == 56)
        #expect(plan.capacity.last?.capacity(of: .limiter("sms")) == 350)
    }
}
