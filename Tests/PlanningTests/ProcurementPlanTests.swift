import Foundation
import Planning
import Scenario
import Testing

@Suite("procurement plan")
struct ProcurementPlanTests {
    static let plan: ProcurementPlan = {
        let s = try! PlanningFixtures.scenario(PlanningFixtures.growingPlan)
        return try! PlanStudy.run(s, jobs: 2)
    }()

    @Test func installedCapacityNeverDecreasesFromYearToYear() {
        let p = Self.plan
        #expect(p.capacity.map(\.year) == [2025, 2026, 2027])
        for (a, b) in zip(p.capacity, p.capacity.dropFirst()) {
            for ((id, x), (_, y)) in zip(a.capacity, b.capacity) { #expect(y >= x, "\(id) went from \(x) to \(y)") }
        }
    }

    @Test func itemsAreInYearOrderWithPositiveQuantities() {
        for a in Self.plan.agencies {
            #expect(a.items.map(\.year) == a.items.map(\.year).sorted())
            #expect(a.items.allSatisfy { $0.quantity > 0 })
        }
    }

    @Test func growthMakesLaterYearsBuyMoreServers() {
        let servers = Self.plan.capacity.map { $0.capacity(of: .pool("auth"))! }
        #expect(servers.first! > 3, "the base year needs more than the 3 installed servers")
        #expect(servers.last! > servers.first!)
    }

    @Test func itemCostsAreQuantityTimesUnitCost() {
        for a in Self.plan.agencies {
            for i in a.items {
                #expect(i.cost == Double(i.quantity) * i.unitCost)
                if i.kind == .bandwidth { #expect(i.opexPerYear == i.cost) }
            }
        }
    }

    @Test func agencyTotalsAreItemCostsPlusLaterYearsOpexExactly() {
        let p = Self.plan
        for a in p.agencies {
            let expected = a.items.reduce(0.0) { $0 + $1.cost + $1.opexPerYear * Double(2027 - $1.year) }
            #expect(a.totalCost == expected)
        }
        #expect(p.totalCost == p.agencies.reduce(0) { $0 + $1.totalCost })
    }

    @Test func eachAgencyBuysOnlyItsOwnResources() {
        let p = Self.plan
        #expect(p.agencies.first { $0.id == "mps" }?.items.allSatisfy { $0.resource == .pool("auth") } == true)
        #expect(p.agencies.first { $0.id == "most" }?.items.allSatisfy { $0.resource == .link("wan") } ?? true)
    }

    @Test func everyItemSaysWhyItIsNeeded() {
        // Something bought is never explained as "already installed".
        for a in Self.plan.agencies { for i in a.items { #expect(i.reason.cause != .installed) } }
    }
}

@Suite("resources named by kind and id")
struct SharedIDTests {
    /// A pool and a link may share an id: every table is keyed by the typed identity, so the overloaded pool
    /// `core` is bought for and the lightly used link `core` is not.
    @Test func aPoolAndALinkWithTheSameIDArePlannedSeparately() throws {
        let plan = try PlanStudy.run(try PlanningFixtures.scenario(PlanningFixtures.sharedID), jobs: 2)
        let items = plan.agencies.flatMap(\.items)
        let pool = try #require(items.first { $0.resource == .pool("core") })
        #expect(pool.kind == .servers)
        // 5/s × 0.5 s = 2.5 servers of offered load; at most 70% busy needs ceil(2.5 / 0.7) = 4 servers.
        #expect(pool.capacityAfter >= 4)
        #expect(pool.quantity == Int(pool.capacityAfter) - 1)
        #expect(!items.contains { $0.resource == .link("core") }, "1 Gbit/s carries 0.4 Mbit/s: nothing to buy")
        #expect(plan.capacity.last?.capacity(of: .link("core")) == 1e9)
        #expect(plan.capacity.last?.capacity(of: .pool("core")) == pool.capacityAfter)
    }
}

@Suite("shipped scenarios")
struct ShippedScenarioTests {
    static var scenarioFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios")
    }

    @Test func everyShippedScenarioValidatesAndCompiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scenarioFolder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 3)
        for f in files {
            let path = Self.scenarioFolder.appendingPathComponent(f).path
            if PortfolioLoader.isPortfolio(path: path) {
                let p = try PortfolioLoader.load(path: path)
                #expect(!p.members.isEmpty)
                continue
            }
            let s = try ScenarioLoader.load(path: path)
            _ = try ScenarioCheck.warnings(s)
        }
    }
}
