import Foundation
import InfraModel
import Planning
import Reporting
import Scenario
import Testing

/// Status parts of the plan outputs: an infeasible plan leads with its diagnosis and prints no budget; unpriced
/// purchases, the simulated window, human target labels, the investment / running-cost split, CSV byte order marks
/// and Vietnamese without English.
@Suite struct PlanStatusReportTests {
    /// 2025 needs 9 + 1 servers (6 busy at 70%, n+1); +60% makes 2026 need 14 + 1, above max_servers 12: 2026 is
    /// infeasible. The pool has no unit in `unpriced`.
    static func yaml(unpriced: Bool = false, growth: String = "60%") -> String {
        let unit = unpriced ? "description: rented elsewhere" : "unit: {name: 2U, cost: 1000, opex_per_year: 100}"
        return """
        name: status
        seed: 8
        simulation: {duration: 10m, warmup: 1m, replications: 3, start: 19h}
        horizon: {base_year: 2025, to: 2026}
        agencies: [{id: a, name: Agency A}]
        sites: [{id: dc, agency: a}]
        pools:
          - {id: p, site: dc, servers: 2, redundancy: n+1, max_servers: 12, \(unit)}
        workloads:
          - id: w
            arrivals: {rate: 6/s, growth: \(growth)}
            route: [{pool: p, service: 1s}]
        targets:
          - {workload: w, p95: 10s, max_lost: 0.1%}
          - {pool: p, max_utilization: 70%}

        """
    }

    static let infeasible = Result<(Scenario, ProcurementPlan), any Error> {
        let s = try ScenarioLoader.parse(yaml: yaml(), path: "status.yaml", baseDirectory: "")
        return (s, try PlanStudy.run(s, jobs: 2))
    }

    static let unpriced = Result<(Scenario, ProcurementPlan), any Error> {
        let s = try ScenarioLoader.parse(yaml: yaml(unpriced: true, growth: "10%"), path: "unpriced.yaml", baseDirectory: "")
        return (s, try PlanStudy.run(s, jobs: 2))
    }

    static func files(_ r: Result<(Scenario, ProcurementPlan), any Error>, _ language: ReportLanguage) throws -> [String: String] {
        let (s, p) = try r.get()
        return Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: p, scenario: s, language: language))
    }

    @Test func anInfeasiblePlanSummaryLeadsWithTheDiagnosisAndPrintsNoTotal() throws {
        let (_, plan) = try Self.infeasible.get()
        let text = PlanSummary.plan(plan)
        let lead = try #require(text.range(of: "NO FEASIBLE PLAN: 2026"))
        let diagnosis = try #require(text.range(of: "2026: pool p needs at least 15 servers"))
        let firstTable = try #require(text.range(of: "year  what"))
        #expect(lead.lowerBound < diagnosis.lowerBound && diagnosis.lowerBound < firstTable.lowerBound)
        #expect(text.contains("purchases in the feasible years"))
        #expect(!text.contains("Total:"))
        #expect(!text.contains("over the horizon"))
        #expect(text.contains("No total: the plan is infeasible"))
    }

    @Test func anInfeasiblePlanDocumentKeepsItsNumbersLabelled() throws {
        let (_, plan) = try Self.infeasible.get()
        let json = PlanDocument.plan(plan).rendered()
        #expect(json.contains("\"feasible\": false"))
        #expect(json.contains("\"infeasible_years\": [\n    2026\n  ]"))
        #expect(json.contains("\"cause\": \"need_exceeds_bound\""))
        #expect(json.contains("\"note\": \"no feasible plan: the infeasible years buy nothing, so the costs below cover the purchases of the feasible years (2025) only"))
        #expect(json.contains("\"tried\""))
    }

    @Test func anInfeasibleReportLabelsItsCostAsNotABudgetInBothLanguages() throws {
        let en = try Self.files(Self.infeasible, .en)
        let html = try #require(en["index.html"]), md = try #require(en["report.md"])
        for page in [html, md] {
            #expect(page.contains("No feasible plan") || page.contains("NO FEASIBLE PLAN"))
            #expect(page.contains("pool p needs at least 15 servers"))
            #expect(page.contains("Cost of the feasible years only"))
            #expect(page.contains("not a budget"))
            #expect(!page.contains("Total cost over the horizon"))
        }
        let vi = try #require(try Self.files(Self.infeasible, .vi)["index.html"])
        #expect(vi.contains("Không có phương án khả thi"))
        #expect(vi.contains("cụm máy chủ p cần ít nhất 15 máy chủ"))
        #expect(vi.contains("không phải dự toán"))
    }

    @Test func unpricedPurchasesAreFlaggedEverywhere() throws {
        let (_, plan) = try Self.unpriced.get()
        #expect(!plan.unpricedItems.isEmpty)
        let text = PlanSummary.plan(plan)
        #expect(text.contains("no price"))
        #expect(text.contains("warning: no price for pool:p"))
        #expect(text.contains("EXCLUDING the unpriced purchases of pool:p"))
        let json = PlanDocument.plan(plan).rendered()
        #expect(json.contains("\"unpriced\": true"))
        let files = try Self.files(Self.unpriced, .en)
        #expect(try #require(files["index.html"]).contains("No price for pool p"))
        #expect(try #require(files["report.md"]).contains("excluding the unpriced purchases of pool p"))
        let csv = records(try #require(files["procurement.csv"]))
        #expect(csv.rows.allSatisfy { $0["unpriced"] == "true" })
    }

    @Test func everyOutputStatesTheSimulatedWindow() throws {
        let (_, plan) = try Self.unpriced.get()
        #expect(PlanSummary.plan(plan).contains("window: Monday 19:00–19:11 of the design week: 1 min warm-up, then 10 min measured (19:01–19:11); 3 replications"))
        let en = try Self.files(Self.unpriced, .en), vi = try Self.files(Self.unpriced, .vi)
        #expect(try #require(en["index.html"]).contains("Simulated window"))
        #expect(try #require(vi["index.html"]).contains("Thứ Hai 19:00–19:11 của tuần thiết kế: khởi động 1 phút, rồi đo 10 phút (19:01–19:11); 3 lần lặp"))
        let window = SimulationWindow(start: 19 * 3600, warmup: 60, duration: 14_400, replications: 5, changedBy: ["--duration 4h"])
        #expect(ReportLanguage.en.window(window) == "Monday 19:00–23:01 of the design week: 1 min warm-up, then 4 h measured (19:01–23:01); 5 replications; changed from the scenario file by --duration 4h")
    }

    @Test func anN1ReasonShowsTheCaseWithOneServerDownInBothLanguages() throws {
        let t = TargetResult(target: Target(subject: .pool("eauth"), metric: .maxUtilization, limit: 0.7), value: 0.741, bound: 0.75, met: false)
        var r = PurchaseReason(.missedTarget(t), kind: .pool, reserve: 1)
        r.reserveCase = PurchaseReason.ReserveCase(servers: 9, down: 1, utilization: 0.65)
        #expect(ReportLanguage.en.reason(r) == "with 1 server down (n+1) and one server fewer, the utilisation of pool eauth would be 74.1% (limit 70.0%); with 1 of 9 servers down, utilisation is 65.0%")
        #expect(ReportLanguage.vi.reason(r) == "khi 1 máy chủ ngừng hoạt động (dự phòng n+1) và bớt 1 máy chủ, mức sử dụng của cụm máy chủ eauth sẽ là 74,1% (giới hạn 70,0%); với 9 máy chủ, khi 1 máy ngừng hoạt động, mức sử dụng là 65,0%")
        // An estimate within the limit whose 95% bound is not says so.
        let close = TargetResult(target: Target(subject: .workload("login"), metric: .p95, limit: 1), value: 0.98, bound: 1.05, met: false)
        #expect(ReportLanguage.en.reason(PurchaseReason(.missedTarget(close), kind: .pool)) == "with one server fewer, the p95 response time of workload login would be 980 ms (95% bound 1.05 s, above the limit 1 s)")
    }

    @Test func theTargetsTableUsesWordsNotKeys() throws {
        let f = try reportFixture.get()
        for language in ReportLanguage.allCases {
            let html = try #require(Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: language))["index.html"])
            let start = try #require(html.range(of: "<section id=\"targets\">")), end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
            let section = String(html[start.upperBound..<end.lowerBound])
            for key in ["max_lost", "max_utilization", "pool:web", "workload:portal", "link:wan"] { #expect(!section.contains(key), "\(language): \(key)") }
            #expect(section.contains(language == .en ? "utilisation" : "mức sử dụng"))
            #expect(section.contains(language == .en ? "pool web" : "cụm máy chủ web"))
        }
    }

    @Test func costTablesSplitInvestmentAndRunningCosts() throws {
        let f = try reportFixture.get()
        let files = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: .en))
        let md = try #require(files["report.md"])
        #expect(md.contains("### Investment and running costs per year"))
        #expect(md.contains("| Investment (capex) |") && md.contains("| Running costs (opex) |"))
        let costs = records(try #require(files["costs.csv"]))
        #expect(costs.header == ["year", "agency", "capex", "opex", "total"])
        for row in costs.rows {
            let capex = try #require(Double(row["capex"] ?? "")), opex = try #require(Double(row["opex"] ?? "")), total = try #require(Double(row["total"] ?? ""))
            #expect(abs(capex + opex - total) < 1e-6)
        }
        let sum = costs.rows.compactMap { Double($0["total"] ?? "") }.reduce(0, +)
        #expect(abs(sum - f.plan.totalCost) < 1)
        #expect(PlanSummary.plan(f.plan).contains("  investment"))
    }

    @Test func everyCSVStartsWithAUTF8ByteOrderMark() throws {
        let f = try reportFixture.get()
        for (name, text) in ReportBundle.render(plan: f.plan, scenario: f.scenario, language: .vi) where name.hasSuffix(".csv") {
            #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(name)")
        }
    }

    @Test func vietnameseDurationsUseVietnameseUnits() {
        let vi = ReportLanguage.vi
        #expect(vi.window(SimulationWindow(start: 9 * 3600, warmup: 600, duration: 3600, replications: 5))
                == "Thứ Hai 09:00–10:10 của tuần thiết kế: khởi động 10 phút, rồi đo 1 giờ (09:10–10:10); 5 lần lặp")
        #expect(vi.metricLabel(.p95, subject: .workload("x")) == "thời gian phản hồi p95")
        #expect(vi.targetValue(1.5, .p95) == "1,5 giây")
        #expect(vi.targetValue(0.25, .p95) == "250 ms")
        #expect(vi.targetValue(5400, .p95) == "90 phút")
        #expect(vi.targetValue(9000, .p95) == "2,5 giờ")
        #expect(ReportLanguage.en.targetValue(600, .p95) == "10 min")
    }

    @Test func theVietnameseReportHasNoEnglishLeft() throws {
        // Everything capsim writes itself; the scenario's own text (names, descriptions, the comments in the
        // assumptions register) is the author's and is left out.
        for fixture in [Self.infeasible, Self.unpriced] {
            var html = try #require(try Self.files(fixture, .vi)["index.html"])
            if let a = html.range(of: "<section id=\"assumptions\">"), let b = html.range(of: "</section>", range: a.upperBound..<html.endIndex) {
                html.removeSubrange(a.lowerBound..<b.upperBound)
            }
            // Scenario keys are named as written in the file.
            html = html.replacingOccurrences(of: "(cost, opex_per_year)", with: "")
            html = html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            for word in ["the", "with", "would", "limit", "servers", "server", "utilisation", "step", "steps", "replications",
                         "warm-up", "measured", "design week", "Monday", "no price", "total", "cost", "years", "bound", "offered",
                         "reserve", "down", "min"] {
                let pattern = "(?i)(^|[^\\p{L}_])\(word)([^\\p{L}_]|$)"
                #expect(html.range(of: pattern, options: .regularExpression) == nil, "English '\(word)' in the Vietnamese report")
            }
        }
    }
}
