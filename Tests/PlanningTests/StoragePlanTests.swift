import Foundation
import InfraModel
import Planning
import Scenario
import Testing

/// Storage and energy in plans (contract §6).
@Suite("storage and energy in plans")
struct StoragePlanTests {
    /// The example of issue 13: 100M records × 600 KB growing 5% a year, plus 2/s of 2 KB logs kept 2 years,
    /// 3 copies, 20% headroom, 100 TB installed, 50 TB steps. Agency `mps` also runs pool `auth`, whose load grows
    /// 40% a year; agency `prov` runs pool `lgsp` (never bought) and pays only its energy.
    static let yaml = """
    name: storage-energy
    seed: 11
    simulation: {duration: 10m, warmup: 1m, replications: 3}
    horizon: {base_year: 2025, to: 2029}
    agencies: [{id: mps, name: Public Security}, {id: prov, name: Province}]
    sites: [{id: ndc, agency: mps}, {id: pdc, agency: prov}]
    pools:
      - {id: auth, site: ndc, servers: 2, unit: {name: server, cost: 300000000, opex_per_year: 30000000}, max_servers: 40}
      - {id: lgsp, site: pdc, servers: 2, power: 300W}
    workloads:
      - id: portal
        arrivals: {rate: 1/s, growth: 40%}
        route:
          - {pool: auth, service: {dist: exponential, mean: 1s}}
      - id: login
        arrivals: {rate: 2/s}
        route:
          - {pool: lgsp, service: 100ms}
    targets:
      - {workload: portal, mean: 2s}
    storage:
      - id: npd-store
        site: ndc
        installed: 100TB
        copies: 3
        headroom: 20%
        data:
          - {name: records, count: 100M, size: 600KB, growth: 5%}
          - {name: auth log, per_request: [login], size: 2KB, retention: 2y}
        unit: {name: disk shelf, step: 50TB, cost: 1000000000, opex_per_year: 100000000}
    facilities:
      - {site: ndc, power_per_server: 500W, pue: 1.5, electricity: 2000}
      - {site: pdc, power_per_server: 450W, pue: 2, electricity: 3000}

    """

    static func scenario(_ text: String = yaml) throws -> Scenario {
        try ScenarioLoader.parse(yaml: text, path: "test.yaml", baseDirectory: "")
    }

    static let plan: ProcurementPlan = try! PlanStudy.run(scenario(), jobs: 2)

    static func storageItems(_ p: ProcurementPlan) -> [ProcurementItem] {
        p.agencies.flatMap(\.items).filter { $0.kind == .storage }
    }

    /// Hand computation (TB = 10^12 B), year k after 2025:
    ///   records = 100e6 × 600e3 B × 1.05^k = 60 TB × 1.05^k
    ///   log     = 2/s × 86,400 s × 365 × 2 years × 2,000 B = 0.252288 TB (the workload does not grow)
    ///   need    = (records + log) × 3 / (1 − 0.2)
    ///   k=0: (60 + 0.252288) × 3.75 = 225.95 TB > 100 installed: ceil(125.95 / 50) = 3 steps -> 250 TB
    ///   k=1: (63 + 0.252288) × 3.75 = 237.20 TB <= 250
    ///   k=2: (66.15 + 0.252288) × 3.75 = 249.01 TB <= 250
    ///   k=3: (69.4575 + 0.252288) × 3.75 = 261.41 TB > 250: ceil(11.41 / 50) = 1 step -> 300 TB (2028)
    ///   k=4: (72.930375 + 0.252288) × 3.75 = 274.43 TB <= 300 (exact values below from python3)
    @Test func issueExampleBuysThreeStepsInTheBaseYearAndOneInTheFourthYear() {
        let items = Self.storageItems(Self.plan)
        #expect(items.map(\.year) == [2025, 2028])
        #expect(items.map(\.quantity) == [3, 1])
        #expect(Self.plan.capacity.map { $0.capacity(of: .storage("npd-store"))! } == [250e12, 250e12, 250e12, 300e12, 300e12])
        let need = Self.plan.capacity.map { $0.demand[.storage("npd-store")]! / 1e12 }
        let expected = [225.94608, 237.19608, 249.00858, 261.411705, 274.43498625]   // python3, same formula
        for (n, e) in zip(need, expected) { #expect(abs(n - e) < 1e-6, "need \(n) TB, expected \(e) TB") }
    }

    @Test func storageItemsAreBoughtOutrightInSteps() throws {
        for i in Self.storageItems(Self.plan) {
            #expect(i.resource == .storage("npd-store") && i.agency == "mps" && i.site == "ndc")
            #expect(i.capacityBytes == Double(i.quantity) * 50e12 && i.bandwidthBps == nil)
            #expect(i.cost == Double(i.quantity) * 1e9 && i.unitCost == 1e9)
            #expect(i.opexPerYear == Double(i.quantity) * 1e8)
            #expect(i.capacityAfter == i.capacityBefore + i.addedCapacity)
            guard case .storageNeed(let bytes) = i.reason.cause else { Issue.record("reason \(i.reason)"); continue }
            #expect(bytes > i.capacityBefore && bytes <= i.capacityAfter, "the need falls in the step bought")
            #expect(i.utilizationAfter <= 0.8 + 1e-12, "after buying, the fill is within 1 − headroom")
        }
    }

    @Test func storageCapacityNeverDecreasesAndAlwaysCoversTheNeed() {
        var previous = 100e12
        for y in Self.plan.capacity {
            let c = y.capacity(of: .storage("npd-store"))!
            #expect(c >= previous && c >= y.demand[.storage("npd-store")]!)
            previous = c
        }
    }

    /// Storage is a closed form: planning with it runs exactly the simulations that planning without it runs,
    /// and sizes the pools the same.
    @Test func planRunsTheSameSimulationsWithAndWithoutStorage() throws {
        let start = Self.yaml.range(of: "storage:\n")!.lowerBound, end = Self.yaml.range(of: "facilities:\n")!.lowerBound
        var withoutStorage = Self.yaml
        withoutStorage.removeSubrange(start..<end)
        let bare = try PlanStudy.run(Self.scenario(withoutStorage), jobs: 2)
        #expect(bare.simulations == Self.plan.simulations && bare.replications == Self.plan.replications)
        #expect(bare.capacity.map { $0.capacity(of: .pool("auth")) } == Self.plan.capacity.map { $0.capacity(of: .pool("auth")) })
        #expect(Self.storageItems(bare).isEmpty)
    }

    /// Energy = servers installed that year × W × PUE × 8,760 h × price / 1000:
    ///   prov (lgsp, 2 servers, power 300 W overrides the site's 450 W): 2 × 300 × 2 × 8,760 / 1000 = 10,512 kWh
    ///   × 3,000 = 31,536,000 VND a year;
    ///   mps (auth): servers × 500 × 1.5 × 8,760 / 1000 = servers × 6,570 kWh × 2,000 = servers × 13,140,000 VND.
    @Test func energyMatchesTheHandComputation() throws {
        let prov = try #require(Self.plan.agencies.first { $0.id == "prov" })
        #expect(prov.energy == [2025: 31_536_000, 2026: 31_536_000, 2027: 31_536_000, 2028: 31_536_000, 2029: 31_536_000])
        let mps = try #require(Self.plan.agencies.first { $0.id == "mps" })
        for y in Self.plan.capacity {
            let servers = y.capacity(of: .pool("auth"))!
            #expect(mps.energy[y.year] == servers * 13_140_000, "\(y.year): \(servers) servers")
        }
        let line = try #require(Self.plan.energy.first { $0.pool == "lgsp" && $0.year == 2025 })
        #expect(line.kWh == 10_512 && line.watts == 300 && line.pue == 2 && line.electricity == 3000 && line.servers == 2)
    }

    @Test func energyCountsTheServersInstalledAfterEachYearsPurchases() throws {
        let servers = Self.plan.capacity.map { $0.capacity(of: .pool("auth"))! }
        #expect(servers.last! > servers.first!, "the growing load buys servers")
        let energy = Self.plan.energy.filter { $0.pool == "auth" }.map(\.servers)
        #expect(energy == servers.map { Int($0) })
    }

    @Test func anAgencyWithEnergyButNoPurchasesIsInThePlan() throws {
        let prov = try #require(Self.plan.agencies.first { $0.id == "prov" })
        #expect(prov.items.isEmpty)
        #expect(prov.totalCost == 5 * 31_536_000)
    }

    @Test func totalsAreItemsPlusOpexPlusEnergyExactly() {
        let p = Self.plan
        for a in p.agencies {
            let purchases = a.items.reduce(0.0) { $0 + $1.cost + $1.opexPerYear * Double(2029 - $1.year) }
            let energy = a.energy.keys.sorted().reduce(0.0) { $0 + a.energy[$1]! }
            #expect(a.totalCost == purchases + energy)
        }
        #expect(p.totalCost == p.agencies.reduce(0) { $0 + $1.totalCost })
    }

    @Test func storageBeyondItsMaximumMakesTheYearInfeasible() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "opex_per_year: 100000000}", with: "opex_per_year: 100000000}\n    max_capacity: 250TB")
        let s = try Self.scenario(yaml)
        var search = try SizingSearch(scenario: s, year: 2028, jobs: 2)
        let outcome = try search.run()
        #expect(!outcome.feasible)
        #expect(outcome.shortfalls.map(\.resource) == [.storage("npd-store")])
        #expect(outcome.shortfalls.first?.maximum == 250e12)
        #expect(try ScenarioCheck.warnings(s).contains { $0.hasPrefix("2028: storage:npd-store needs 261.4 TB but max_capacity is 250.0 TB") })
    }

    @Test func sizeReportsStorageCurrentRequiredAndNeed() throws {
        let report = try SizeStudy.run(Self.scenario(), RunStudy.Overrides(year: 2028), jobs: 2)
        let line = try #require(report.line(.storage("npd-store")))
        #expect(line.current == 100e12 && line.required == 300e12)
        #expect(abs(line.need! - 261.41170e12) < 1e8)
        #expect(report.line(.pool("auth"))?.need == nil)
    }

    @Test func siteWithPoolsButNoFacilitiesEntryIsWarned() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "  - {site: pdc, power_per_server: 450W, pue: 2, electricity: 3000}\n", with: "")
        let warnings = try ScenarioCheck.warnings(Self.scenario(yaml))
        #expect(warnings.contains { $0.contains("site 'pdc'") && $0.contains("no facilities entry") })
        #expect(try !ScenarioCheck.warnings(Self.scenario()).contains { $0.contains("facilities") })
    }

    @Test func withoutFacilitiesThereIsNoEnergy() throws {
        let yaml = String(Self.yaml[..<Self.yaml.range(of: "facilities:\n")!.lowerBound])
        let s = try Self.scenario(yaml)
        #expect(s.facilities.isEmpty)
        #expect(EnergyCost.lines(s, capacity: Self.plan.capacity).isEmpty)
    }
}
