import Foundation
import Planning
import Scenario
import Testing

/// A portfolio in a temporary folder: two small scenario files and a table of two rows generated from one of them.
struct PortfolioFixture {
    let folder: URL

    static let central = """
    name: central
    seed: 2
    simulation: {duration: 10m, warmup: 1m, replications: 3}
    horizon: {base_year: 2025, to: 2026}
    agencies: [{id: ministry, name: Ministry}, {id: aggregate, name: All provinces together}]
    sites: [{id: hq, agency: ministry}, {id: regions, agency: aggregate}]
    pools:
      - {id: core, site: hq, servers: 1, unit: {name: server, cost: 1000, opex_per_year: 100}, max_servers: 30}
      - {id: regional, site: regions, servers: 1, unit: {name: server, cost: 700, opex_per_year: 70}, max_servers: 30}
    workloads:
      - {id: c, arrivals: {rate: 4/s, growth: 20%}, route: [{pool: core, service: {dist: exponential, mean: 1s}}]}
      - {id: r, arrivals: {rate: 2/s}, route: [{pool: regional, service: {dist: exponential, mean: 1s}}]}
    targets:
      - {pool: core, max_utilization: 70%}
      - {pool: regional, max_utilization: 70%}

    """

    static let province = """
    name: province-template
    seed: 2
    simulation: {duration: 10m, warmup: 1m, replications: 3}
    horizon: {base_year: 2025, to: 2026}
    agencies: [{id: province, name: Province}, {id: ministry, name: Ministry}]
    sites: [{id: dc, agency: province}]
    pools:
      - {id: app, site: dc, servers: 1, unit: {name: vm, cost: 500, opex_per_year: 50}, max_servers: 30}
    workloads:
      - {id: w, agency: province, arrivals: {rate: 1/s, growth: 10%}, route: [{pool: app, service: {dist: exponential, mean: 1s}}]}
    targets:
      - {pool: app, max_utilization: 70%}

    """

    static let table = "id,name,rate\nnorth,Northern Province,3\nsouth,\"Southern, Province\",5\n"

    static let portfolio = """
    portfolio: test-portfolio
    members:
      - {file: central.yaml, id: national, agencies: {aggregate: exclude}}
    generate:
      template: province.yaml
      table: provinces.csv
      id: "{id}"
      set:
        name: "p-{id}"
        workloads.w.arrivals.rate: "{rate}/s"
      agencies:
        province: {id: "ubnd-{id}", name: "People's Committee of {name}"}

    """

    init(table: String = Self.table, portfolio: String = Self.portfolio) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-portfolio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in [("central.yaml", Self.central), ("province.yaml", Self.province), ("provinces.csv", table),
                             ("portfolio.yaml", portfolio)] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    var path: String { folder.appendingPathComponent("portfolio.yaml").path }
}

@Suite("portfolios")
struct PortfolioTests {
    static let planned: (portfolio: Portfolio, plan: PortfolioPlan, members: [ProcurementPlan]) = {
        let f = try! PortfolioFixture()
        let p = try! PortfolioLoader.load(path: f.path)
        let (plan, members) = try! PortfolioStudy.plan(p, jobs: 2)
        return (p, plan, members)
    }()

    @Test func membersAreTheListedFilesThenOnePerTableRow() {
        let p = Self.planned.portfolio
        #expect(p.members.map(\.id) == ["national", "north", "south"])
        #expect(p.members.map(\.generated) == [false, true, true])
        #expect(p.members[1].scenario.name == "p-north")
        #expect(p.members[2].scenario.workload("w")?.configuration.arrivals.rate == 5)
    }

    @Test func consolidatedAgencyTotalsAreTheSumsOfTheMembersOwnPlans() throws {
        let (_, plan, members) = Self.planned
        // The ministry appears in the national member only (the provinces buy nothing for it here); each province's
        // committee is renamed; the national aggregate is left out.
        #expect(plan.agencies.map(\.id).sorted() == ["ministry", "ubnd-north", "ubnd-south"])
        #expect(plan.excluded["national"] == ["aggregate"])
        let north = try #require(plan.agencies.first { $0.id == "ubnd-north" })
        #expect(north.name == "People's Committee of Northern Province")
        #expect(north.totalCost == members[1].agencies.first { $0.id == "province" }!.totalCost)
        // The consolidated total: every member's included agency totals, added member by member.
        var expected = 0.0
        for (member, own) in zip(Self.planned.portfolio.members, members) {
            for a in own.agencies where member.agencies[a.id] != .exclude { expected += a.totalCost }
        }
        #expect(plan.totalCost == expected)
        // Each year's consolidated cost is the sum of the members' costs that year.
        for a in plan.agencies {
            for year in plan.years {
                let sum = zip(Self.planned.portfolio.members, members).reduce(0.0) { total, pair in
                    let (member, own) = pair
                    return total + own.agencies.filter { agency in
                        switch member.agencies[agency.id] {
                        case .rename(let id, _)?: return id == a.id
                        case .exclude?: return false
                        case nil: return agency.id == a.id
                        }
                    }.reduce(0) { $0 + $1.cost(inYear: year) }
                }
                #expect(abs((a.byYear[year] ?? 0) - sum) == 0, "\(a.id) \(year)")
            }
        }
    }

    @Test func aSharedAgencyIsSummedOverTheMembersThatBuyForIt() {
        let a = MemberPlanSummary.Agency(id: "mps", name: "MPS", totalCost: 100, byYear: [2025: 60, 2026: 40])
        let b = MemberPlanSummary.Agency(id: "mps", name: "MPS", totalCost: 30, byYear: [2026: 30])
        let m1 = MemberPlanSummary(id: "one", file: "1.yaml", origin: "1.yaml", currency: "VND", years: [2025, 2026], feasible: true,
                                   totalCost: 100, agencies: [a], demandGrowth: 0, demandAdded: 0)
        let m2 = MemberPlanSummary(id: "two", file: "2.yaml", origin: "2.yaml", currency: "VND", years: [2025, 2026], feasible: true,
                                   totalCost: 30, agencies: [b], demandGrowth: 0, demandAdded: 0)
        let plan = PortfolioPlan(name: "p", members: [m1, m2], treatments: [:])
        #expect(plan.agencies.count == 1)
        #expect(plan.agencies[0].totalCost == 130 && plan.agencies[0].byYear == [2025: 60, 2026: 70])
        #expect(plan.agencies[0].members == ["one", "two"])
        #expect(plan.totalCost == 130)
    }

    @Test func aBadCellIsReportedAtItsRowAndColumnInTheTable() throws {
        let f = try PortfolioFixture(table: "id,name,rate\nnorth,North,3\nsouth,South,fast\n")
        do {
            _ = try PortfolioLoader.load(path: f.path)
            Issue.record("expected an error")
        } catch ScenarioError.invalid(let diagnostics) {
            let d = try #require(diagnostics.first { $0.file.hasSuffix("provinces.csv") })
            #expect(d.line == 3)
            #expect(d.column == 13)   // where the cell 'fast' starts: "south,South," is 12 characters
            #expect(d.message.contains("member 'south'") && d.message.contains("column rate") && d.message.contains("'fast/s'"))
        }
    }

    @Test func anEmptyCellIsReportedAtItsRowAndColumn() throws {
        let f = try PortfolioFixture(table: "id,name,rate\nnorth,North,\n")
        do {
            _ = try PortfolioLoader.load(path: f.path)
            Issue.record("expected an error")
        } catch ScenarioError.invalid(let diagnostics) {
            #expect(diagnostics.contains { $0.file.hasSuffix("provinces.csv") && $0.line == 2 && $0.message.contains("'rate' is empty") })
        }
    }

    @Test func aPlaceholderThatIsNotAColumnIsLocatedWithTheClosestColumn() throws {
        let f = try PortfolioFixture(portfolio: PortfolioFixture.portfolio.replacingOccurrences(of: "\"{rate}/s\"", with: "\"{rates}/s\""))
        do {
            _ = try PortfolioLoader.load(path: f.path)
            Issue.record("expected an error")
        } catch ScenarioError.invalid(let diagnostics) {
            let d = try #require(diagnostics.first)
            #expect(d.file.hasSuffix("portfolio.yaml") && d.line == 10)   // the line of the set: entry with {rates}
            #expect(d.message.contains("'{rates}' is not a column") && d.message.contains("did you mean '{rate}'?"))
        }
    }

    @Test func aMissingMemberFileIsLocatedInThePortfolio() throws {
        let f = try PortfolioFixture(portfolio: PortfolioFixture.portfolio.replacingOccurrences(of: "central.yaml", with: "centre.yaml"))
        do {
            _ = try PortfolioLoader.load(path: f.path)
            Issue.record("expected an error")
        } catch ScenarioError.invalid(let diagnostics) {
            #expect(diagnostics.contains { $0.line == 3 && $0.message.contains("cannot read member scenario 'centre.yaml'") })
        }
    }

    @Test func thePlanDoesNotDependOnTheNumberOfThreads() throws {
        let f = try PortfolioFixture()
        let p = try PortfolioLoader.load(path: f.path)
        let one = try PortfolioStudy.plan(p, jobs: 1).plan
        #expect(one.totalCost == Self.planned.plan.totalCost)
        #expect(one.agencies == Self.planned.plan.agencies)
    }

    @Test func csvTablesReadQuotesBOMAndRefuseRaggedRows() throws {
        let t = try CSVTable(text: "\u{FEFF}a,b\n1,\"x, \"\"y\"\"\"\r\n2,z\n")
        #expect(t.header == ["a", "b"])
        #expect(t.rows == [["1", "x, \"y\""], ["2", "z"]])
        #expect(t.lines == [2, 3])
        #expect(throws: CSVTable.Failure.self) { try CSVTable(text: "a,b\n1,2,3\n") }
        #expect(throws: CSVTable.Failure.self) { try CSVTable(text: "a,a\n1,2\n") }
    }
}
