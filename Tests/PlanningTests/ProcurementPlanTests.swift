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
            for ((id, x), (_, y)) in zip(a.servers, b.servers) { #expect(y >= x, "\(id) went from \(x) to \(y)") }
            for ((id, x), (_, y)) in zip(a.bandwidth, b.bandwidth) { #expect(y >= x, "\(id) went from \(x) to \(y)") }
        }
    }

    @Test func itemsAreInYearOrderWithPositiveQuantities() {
        for a in Self.plan.agencies {
            #expect(a.items.map(\.year) == a.items.map(\.year).sorted())
            #expect(a.items.allSatisfy { $0.quantity > 0 })
        }
    }

    @Test func growthMakesLaterYearsBuyMoreServers() {
        let servers = Self.plan.capacity.map { $0.servers.first { $0.0 == "auth" }!.1 }
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
        #expect(p.agencies.first { $0.id == "mps" }?.items.allSatisfy { $0.resource == "auth" } == true)
        #expect(p.agencies.first { $0.id == "most" }?.items.allSatisfy { $0.resource == "wan" } ?? true)
    }

    @Test func everyItemSaysWhyItIsNeeded() {
        for a in Self.plan.agencies { for i in a.items { #expect(!i.reason.isEmpty) } }
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
            let s = try ScenarioLoader.load(path: Self.scenarioFolder.appendingPathComponent(f).path)
            _ = try ScenarioCheck.warnings(s)
        }
    }
}
