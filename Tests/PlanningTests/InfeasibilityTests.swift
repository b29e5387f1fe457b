import InfraModel
import Planning
import Scenario
import Testing

/// The infeasibility screen of the sizing search and what an infeasible year leaves in a plan.
@Suite struct InfeasibilityTests {
    /// One pool with deterministic service `service`, a p95 target `p95`, at `rate`; `extra` is appended to the pool.
    static func onePool(rate: String, service: String, p95: String, servers: Int = 2, maxServers: Int = 40,
                        extraTargets: String = "", horizonTo: Int = 2025, growth: String = "0%") -> String {
        """
        name: floor
        seed: 4
        simulation: {duration: 10m, warmup: 1m, replications: 4}
        horizon: {base_year: 2025, to: \(horizonTo)}
        agencies: [{id: a}]
        sites: [{id: dc, agency: a}]
        pools:
          - {id: p, site: dc, servers: \(servers), unit: {name: server, cost: 100, opex_per_year: 10}, max_servers: \(maxServers)}
        workloads:
          - id: w
            arrivals: {rate: \(rate), growth: \(growth)}
            route:
              - {pool: p, service: \(service)}
        targets:
          - {workload: w, p95: \(p95)}
        \(extraTargets)
        """
    }

    @Test func aP95BelowTheServiceTimeIsUnreachableAndFoundWithTwoSimulations() throws {
        // Deterministic 500 ms service: every response takes at least 500 ms, so p95 <= 200 ms cannot be met by any
        // number of servers. The search simulates the generous start and the ample screen, then stops.
        let scenario = try PlanningFixtures.scenario(Self.onePool(rate: "5/s", service: "500ms", p95: "200ms"))
        let report = try SizeStudy.run(scenario, jobs: 2)
        #expect(!report.outcome.feasible)
        #expect(report.outcome.simulations <= 2)
        let causes = report.outcome.diagnosis.map(\.cause)
        #expect(causes.count == 1)
        guard case .unreachable(let t)? = causes.first else { Issue.record("expected unreachable, got \(causes)"); return }
        #expect(t.target.metric == .p95)
        #expect(abs(t.value - 0.5) < 0.01, "the floor is the 500 ms service time, measured \(t.value)")
    }

    @Test func aTargetMissedAtMaxServersNamesTheBound() throws {
        // 4.5/s x 1 s = 4.5 busy servers: stable at max_servers 5 (90% busy), but M/M/5 at 90% has a p95 response of
        // several seconds, far above 1.5 s; ample capacity would be ~90 servers.
        let yaml = Self.onePool(rate: "4.5/s", service: "{dist: exponential, mean: 1s}", p95: "1.5s", maxServers: 5)
        let report = try SizeStudy.run(try PlanningFixtures.scenario(yaml), jobs: 2)
        #expect(!report.outcome.feasible)
        guard case .boundReached(let t, let limited)? = report.outcome.diagnosis.first?.cause else {
            Issue.record("expected bound reached, got \(report.outcome.diagnosis)"); return
        }
        #expect(t.target.metric == .p95)
        #expect(limited.map(\.resource) == [.pool("p")])
        #expect(limited.first?.bound == 5)
        #expect((limited.first?.wanted ?? 0) >= 90, "20 x 4.5 busy servers")
    }

    @Test func aUtilisationTargetBeyondMaxServersIsAClosedFormDiagnosis() throws {
        // Offered 10 servers at a 70% limit needs ceil(10 / 0.7) = 15 servers; max_servers is 12.
        let yaml = Self.onePool(rate: "10/s", service: "1s", p95: "10s", maxServers: 12,
                                extraTargets: "  - {pool: p, max_utilization: 70%}")
        let report = try SizeStudy.run(try PlanningFixtures.scenario(yaml), jobs: 2)
        #expect(!report.outcome.feasible)
        let closedForm = report.outcome.diagnosis.compactMap { d -> (ResourceID, Double, Double)? in
            if case .needExceedsBound(let r, let needed, let bound, _) = d.cause { return (r, needed, bound) }
            return nil
        }
        #expect(closedForm.count == 1)
        #expect(closedForm.first?.0 == .pool("p"))
        #expect(closedForm.first?.1 == 15)
        #expect(closedForm.first?.2 == 12)
        // The utilisation target is explained by the closed form, not repeated as a bound reached.
        #expect(!report.outcome.diagnosis.contains { $0.target?.target.metric == .maxUtilization })
    }

    @Test func aFeasibleYearIsNotSlowedOrChangedByTheScreen() throws {
        // The generous start meets the target: no screen, the usual search.
        let yaml = Self.onePool(rate: "3/s", service: "{dist: exponential, mean: 1s}", p95: "6s")
        let report = try SizeStudy.run(try PlanningFixtures.scenario(yaml), jobs: 2)
        #expect(report.outcome.feasible)
        #expect(report.outcome.diagnosis.isEmpty)
    }

    @Test func anInfeasibleYearBuysNothingAndKeepsWhatItTriedApart() throws {
        // 2025 needs ceil(6 / 0.7) = 9 servers; +60% a year makes 2026 need ceil(9.6 / 0.7) = 14 > max_servers 12.
        let yaml = Self.onePool(rate: "6/s", service: "1s", p95: "10s", maxServers: 12,
                                extraTargets: "  - {pool: p, max_utilization: 70%}", horizonTo: 2026, growth: "60%")
        let plan = try PlanStudy.run(try PlanningFixtures.scenario(yaml), jobs: 2)
        #expect(!plan.feasible)
        #expect(plan.infeasibleYears == [2026])
        let items = plan.agencies.flatMap(\.items)
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0.year == 2025 }, "the infeasible year buys nothing")
        let y2025 = try #require(plan.capacity.first), y2026 = try #require(plan.capacity.last)
        #expect(y2026.capacity(of: .pool("p")) == y2025.capacity(of: .pool("p")))
        #expect(y2026.tried.first { $0.resource == .pool("p") }?.value == 12, "the screen tried the bound")
        #expect(!y2026.diagnosis.isEmpty)
        #expect(y2025.diagnosis.isEmpty && y2025.tried.isEmpty)
        #expect(plan.totalCost == PlanStudy.totalCost(items, lastYear: 2026))
    }
}
