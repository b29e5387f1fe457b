import InfraModel
import Planning
import Scenario
import Testing

/// What plan items and plans say beyond quantities: the n+k reserve case, missing prices, the investment /
/// running-cost split and the simulated window.
@Suite struct PlanDetailsTests {
    /// A pool with n+1 whose utilisation target drives the purchase; `unit` is the pool's unit line (or empty).
    static func reservePool(unit: String = "unit: {name: server, cost: 1000, opex_per_year: 100}") -> String {
        """
        name: reserve
        seed: 6
        simulation: {duration: 10m, warmup: 1m, replications: 3}
        horizon: {base_year: 2025, to: 2026}
        agencies: [{id: a}]
        sites: [{id: dc, agency: a}]
        pools:
          - {id: p, site: dc, servers: 2, redundancy: n+1, max_servers: 40, \(unit)}
        links:
          - {id: l, from: dc, to: dc2, bandwidth: 10Mbps, latency: 1ms, unit: {step: 10Mbps, cost_per_year: 50}}
        workloads:
          - id: w
            arrivals: {rate: 5/s, growth: 30%}
            request_size: 200KB
            route:
              - {pool: p, service: 1s}
              - {link: l}
              - {link: l}
        targets:
          - {workload: w, p95: 20s}
          - {pool: p, max_utilization: 70%}
          - {link: l, max_utilization: 60%}

        """.replacingOccurrences(of: "sites: [{id: dc, agency: a}]", with: "sites: [{id: dc, agency: a}, {id: dc2, agency: a}]")
    }

    @Test func anN1PurchaseCarriesTheCaseWithOneServerDown() throws {
        let plan = try PlanStudy.run(try PlanningFixtures.scenario(Self.reservePool()), jobs: 2)
        let item = try #require(plan.agencies.flatMap(\.items).first { $0.resource == .pool("p") && $0.year == 2025 })
        let reserve = try #require(item.reason.reserveCase)
        #expect(reserve.down == 1)
        #expect(Double(reserve.servers) == item.capacityAfter)
        // Offered utilisation is offered load / servers (closed form), so with one of n down it is u_after x n / (n - 1).
        let n = Double(reserve.servers)
        #expect(abs(reserve.utilization - item.utilizationAfter * n / (n - 1)) < 1e-9)
        #expect(reserve.utilization <= 0.7, "the reserve case is what meets the 70% limit")
        #expect(item.utilizationAfter < reserve.utilization)
    }

    @Test func aPoolWithoutAUnitIsSizedAndFlaggedUnpriced() throws {
        let plan = try PlanStudy.run(try PlanningFixtures.scenario(Self.reservePool(unit: "description: no price")), jobs: 2)
        let items = plan.agencies.flatMap(\.items).filter { $0.resource == .pool("p") }
        #expect(!items.isEmpty, "the planner still needs the count")
        #expect(items.allSatisfy { $0.unpriced && $0.cost == 0 && $0.unitCost == 0 && $0.opexPerYear == 0 })
        #expect(plan.unpricedItems.count == items.count)
        #expect(plan.agencies.flatMap(\.items).filter { $0.resource == .link("l") }.allSatisfy { !$0.unpriced })
    }

    @Test func investmentAndRunningCostsAddUpToEachYearsCost() throws {
        let plan = try PlanStudy.run(try PlanningFixtures.scenario(Self.reservePool()), jobs: 2)
        let items = plan.agencies.flatMap(\.items)
        #expect(items.contains { $0.kind == .servers } && items.contains { $0.kind == .bandwidth })
        for year in plan.years {
            #expect(abs(plan.capex(inYear: year) + plan.opex(inYear: year) - plan.cost(inYear: year)) < 1e-6)
            // Investment: servers bought that year; a bandwidth lease is a running cost even in its first year.
            let bought = items.filter { $0.year == year && $0.kind == .servers }.reduce(0) { $0 + $1.cost }
            #expect(plan.capex(inYear: year) == bought)
        }
        #expect(abs(plan.capexTotal + plan.opexTotal - plan.totalCost) < 1e-6)
    }

    @Test func theWindowNamesWhatChangedIt() throws {
        let scenario = try ScenarioLoader.parse(yaml: Self.reservePool(), path: "t.yaml", baseDirectory: "",
                                                overrides: [try ScenarioOverride(argument: "simulation.start=12h")])
        let window = SimulationWindow(scenario, RunStudy.Overrides(replications: 20, duration: 14_400))
        #expect(window.start == 43_200)
        #expect(window.duration == 14_400)
        #expect(window.warmup == 60)
        #expect(window.replications == 20)
        #expect(window.changedBy == ["--set simulation.start=12h", "--duration 4h", "--replications 20"])
        let plain = SimulationWindow(try PlanningFixtures.scenario(Self.reservePool()), RunStudy.Overrides())
        #expect(plain.changedBy.isEmpty)
    }

    @Test func aYearOutsideTheHorizonIsRefusedWithTheValidRange() throws {
        let scenario = try PlanningFixtures.scenario(Self.reservePool())
        for year in [2024, 2027] {
            #expect(throws: SettingLimitError.self) { _ = try RunStudy.run(scenario, RunStudy.Overrides(year: year), jobs: 1) }
            do {
                _ = try SizeStudy.run(scenario, RunStudy.Overrides(year: year), jobs: 1)
                Issue.record("size --year \(year) should be refused")
            } catch let e as SettingLimitError {
                #expect(e.message.contains("expected a year from 2025 to 2026"))
            }
        }
    }
}

extension PlanDetailsTests {
    @Test func aUnitThatCostsTheSameEveryYearIsARentNotAnInvestment() throws {
        // Rented VMs: cost = the first year's rent, opex_per_year = the same rent every later year.
        let rented = Self.reservePool(unit: "unit: {name: rented VM, cost: 1000, opex_per_year: 1000}")
        let plan = try PlanStudy.run(try PlanningFixtures.scenario(rented), jobs: 2)
        let vms = plan.agencies.flatMap(\.items).filter { $0.resource == .pool("p") }
        #expect(!vms.isEmpty && vms.allSatisfy { !$0.isInvestment })
        #expect(plan.capexTotal == 0)
        #expect(abs(plan.opexTotal - plan.totalCost) < 1e-6)
    }
}
