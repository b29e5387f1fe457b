import Foundation
import Planning
import PropertyBased
import Scenario
import Testing

/// Invariants of procurement plans on random small scenarios: capacity only grows, and the costs add up exactly.
@Suite("plan invariants")
struct PlanProperties {
    /// Two agencies, a pool each and a leased link between their sites; load grows by `growth` a year. Prices are
    /// whole amounts, so every sum of them is exact in floating point and can be compared with ==.
    static func scenario(rate: Double, growth: Int, years: Int, servers: Int, price: Int, upkeep: Int, lease: Int) throws -> Scenario {
        let yaml = """
        name: plan-property
        seed: 3
        simulation: {duration: 3m, warmup: 20s, replications: 2}
        horizon: {base_year: 2025, to: \(2025 + years - 1)}
        agencies: [{id: a}, {id: b}]
        sites: [{id: sa, agency: a}, {id: sb, agency: b}]
        pools:
          - {id: front, site: sa, servers: \(servers), unit: {cost: \(price), opex_per_year: \(upkeep)}, max_servers: 200}
          - {id: back, site: sb, servers: 1, concurrency: 2, unit: {cost: \(2 * price), opex_per_year: \(upkeep)}, max_servers: 200}
        links:
          - {id: ab, from: sa, to: sb, bandwidth: 10Mbps, unit: {step: 10Mbps, cost_per_year: \(lease)}, max_bandwidth: 1Gbps}
        workloads:
          - id: w
            arrivals: {rate: \(rate), growth: \(growth)%}
            request_size: 20KB
            route:
              - {pool: front, service: {dist: exponential, mean: 200ms}}
              - {link: ab}
              - {pool: back, service: {dist: exponential, mean: 100ms}}
              - {link: ab}
        targets:
          - {workload: w, p95: 3s}
          - {pool: front, max_utilization: 80%}
          - {link: ab, max_utilization: 70%}
        """
        return try ScenarioLoader.parse(yaml: yaml, path: "plan-property.yaml", baseDirectory: "/tmp")
    }

    @Test func installedCapacityNeverDecreasesAndTheCostsAddUpExactly() async throws {
        await propertyCheck(count: 6, input: Gen.double(in: 1...8), Gen.int(in: 0...60), Gen.int(in: 2...4),
                            Gen.int(in: 1...6)) { rate, growth, years, servers in
            let s = try Self.scenario(rate: (rate * 10).rounded() / 10, growth: growth, years: years, servers: servers,
                                      price: 1_000_000 * (servers + 1), upkeep: 50_000 * years, lease: 7_000_000 + growth)
            let plan = try PlanStudy.run(s, jobs: 1)
            // Capacity of every resource, year after year, never below what it was.
            for (before, after) in zip(plan.capacity, plan.capacity.dropFirst()) {
                for (resource, capacity) in after.capacity {
                    let old = before.capacity.first { $0.0 == resource }?.1 ?? 0
                    #expect(capacity >= old, "\(resource) went from \(old) to \(capacity) in \(after.year)")
                }
            }
            // Nothing below what is installed now.
            for (resource, capacity) in plan.capacity.first?.capacity ?? [] {
                #expect(capacity >= s.resource(resource)?.installed ?? 0)
            }
            // An agency's total: every item's cost, plus its upkeep in every later year of the horizon.
            let last = s.horizon.to
            for agency in plan.agencies {
                let costs = agency.items.map(\.cost).reduce(0, +)
                let upkeep = agency.items.map { $0.opexPerYear * Double(last - $0.year) }.reduce(0, +)
                #expect(agency.totalCost == costs + upkeep)
                for item in agency.items { #expect(item.agency == agency.id) }
            }
            #expect(plan.totalCost == plan.agencies.map(\.totalCost).reduce(0, +))
        }
    }
}
