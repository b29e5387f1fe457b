import Foundation
import InfraModel
import Planning
import Reporting
import Scenario
import Testing

/// A pool at each of two sites, storage that is bought in 2025 and 2028, and facilities: agency `prov` only pays
/// energy.
let storageReportYAML = """
name: storage-report
seed: 3
simulation: {duration: 5m, warmup: 30s, replications: 3}
horizon: {base_year: 2025, to: 2028}
agencies: [{id: mps, name: Public Security}, {id: prov, name: Province}]
sites: [{id: ndc, agency: mps}, {id: pdc, agency: prov}]
pools:
  - {id: auth, site: ndc, servers: 3, unit: {name: server, cost: 300000000, opex_per_year: 30000000}}
  - {id: lgsp, site: pdc, servers: 2, power: 300W}
workloads:
  - id: login
    arrivals: {rate: 2/s}
    route:
      - {pool: auth, service: {dist: exponential, mean: 500ms}}
  - id: lookup
    arrivals: {rate: 1/s}
    route:
      - {pool: lgsp, service: 100ms}
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

let storageReport = Result<ReportFixture, any Error> {
    let scenario = try ScenarioLoader.parse(yaml: storageReportYAML, path: "storage.yaml", baseDirectory: "/tmp")
    return ReportFixture(scenario: scenario, plan: try PlanStudy.run(scenario, jobs: 2))
}

@Suite struct StorageEnergyReportTests {
    func files(_ language: ReportLanguage) throws -> [String: String] {
        let f = try storageReport.get()
        return Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: f.plan, scenario: f.scenario, language: language))
    }

    /// auth: 3 servers × 500 W × 1.5 × 8,760 h / 1000 × 2,000 = 39,420,000 VND a year (no purchases: 2/s × 0.5 s is
    /// one server of load); lgsp: 2 × 300 W × 2 × 8,760 / 1000 × 3,000 = 31,536,000 VND a year.
    @Test func planJSONHasEnergyPerAgencyAndYearInTheTotals() throws {
        let f = try storageReport.get()
        let json = PlanDocument.plan(f.plan).rendered()
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let agencies = try #require(doc["agencies"] as? [String: [String: Any]])
        let prov = try #require(agencies["prov"])
        #expect((prov["items"] as? [Any])?.isEmpty == true)
        let provEnergy: [String: Double] = ["2025": 31_536_000, "2026": 31_536_000, "2027": 31_536_000, "2028": 31_536_000]
        #expect(prov["energy"] as? [String: Double] == provEnergy)
        #expect(prov["total_cost"] as? Double == 4 * 31_536_000.0)
        let mps = try #require(agencies["mps"])
        let mpsEnergy: [String: Double] = ["2025": 39_420_000, "2026": 39_420_000, "2027": 39_420_000, "2028": 39_420_000]
        #expect(mps["energy"] as? [String: Double] == mpsEnergy)
        let items = try #require(mps["items"] as? [[String: Any]])
        #expect(items.map { $0["kind"] as? String } == ["storage", "storage"])
        #expect(items.map { $0["capacity_bytes"] as? Double } == [150e12, 50e12])
        // 3 steps in 2025 (cost 3e9, opex 3e8 in 2026-2028) + 1 in 2028 (cost 1e9) + energy 4 × 39.42M.
        let mpsTotal: Double = 3e9 + 3 * 3e8 + 1e9 + 4 * 39_420_000
        let provTotal: Double = 4 * 31_536_000
        #expect(mps["total_cost"] as? Double == mpsTotal)
        #expect(doc["total_cost"] as? Double == mpsTotal + provTotal)
        let capacity = try #require(doc["capacity"] as? [[String: Any]])
        let installed: [Double?] = capacity.map { ($0["capacity_bytes"] as? [String: Double])?["npd-store"] }
        #expect(installed == [250e12, 250e12, 250e12, 300e12])
        #expect(capacity.allSatisfy { ($0["need_bytes"] as? [String: Double])?["npd-store"] != nil })
    }

    @Test func energyCSVHasOneRowPerYearAndPoolThatAddsUpToThePlan() throws {
        let f = try storageReport.get()
        let (header, rows) = records(try #require(try files(.en)["energy.csv"]))
        #expect(header == ["year", "agency", "pool", "site", "servers", "power_w", "pue", "electricity_per_kwh", "energy_kwh", "cost"])
        #expect(rows.count == 4 * 2)
        let first = try #require(rows.first { $0["pool"] == "lgsp" && $0["year"] == "2025" })
        #expect(first == ["year": "2025", "agency": "prov", "pool": "lgsp", "site": "pdc", "servers": "2", "power_w": "300",
                          "pue": "2", "electricity_per_kwh": "3000", "energy_kwh": "10512", "cost": "31536000"])
        for a in f.plan.agencies {
            let sum = rows.filter { $0["agency"] == a.id }.compactMap { Double($0["cost"] ?? "") }.reduce(0, +)
            #expect(sum == a.energyTotal)
        }
    }

    @Test func procurementAndCapacityCSVCarryStorageInBytes() throws {
        let all = try files(.en)
        let procurement = records(try #require(all["procurement.csv"]))
        #expect(procurement.header.contains("capacity_bytes"))
        let storageRows = procurement.rows.filter { $0["kind"] == "storage" }
        #expect(storageRows.map { $0["capacity_bytes"] } == ["150000000000000", "50000000000000"])
        #expect(storageRows.allSatisfy { $0["bandwidth_bps"] == "" })
        let capacity = records(try #require(all["capacity.csv"]))
        #expect(capacity.header.contains("capacity_bytes") && capacity.header.contains("need_bytes"))
        let rows = capacity.rows.filter { $0["kind"] == "storage" }
        #expect(rows.map { $0["capacity_bytes"] } == ["250000000000000", "250000000000000", "250000000000000", "300000000000000"])
        #expect(rows.first?["need_bytes"] == "225946080000000")
        #expect(rows.allSatisfy { $0["servers"] == "" && $0["demand_servers"] == "" })
    }

    @Test func reportsShowStorageAndEnergyInBothLanguages() throws {
        let f = try storageReport.get()
        let phrases: [ReportLanguage: [String]] = [
            .en: ["Energy", "Energy cost per agency and year", "× PUE", "8,760 h", "Storage need per year", "Storage need and capacity",
                  "Storage <b", "disk shelf", "3 steps", "+150 TB", "records"],
            .vi: ["Điện năng", "Tiền điện theo cơ quan và năm", "8.760 giờ", "Nhu cầu lưu trữ theo năm", "Nhu cầu và dung lượng lưu trữ",
                  "Lưu trữ <b", "disk shelf", "3 gói", "+150 TB", "tỷ lệ sử dụng dung lượng"],
        ]
        for language in ReportLanguage.allCases {
            let all = try files(language)
            let html = try #require(all["index.html"]), md = try #require(all["report.md"])
            for p in phrases[language]! { #expect(html.contains(p), "index.html (\(language)) lacks '\(p)'") }
            #expect(md.contains(language == .en ? "## Energy" : "## Điện năng"))
            let energy = language.money(f.plan.agencies.reduce(0) { $0 + $1.energyTotal }, currency: "VND")
            #expect(html.contains(energy) && md.contains(energy), "energy total \(energy) missing (\(language))")
            let total = language.money(f.plan.totalCost, currency: "VND")
            #expect(html.contains(total) && md.contains(total))
            // Province has energy and no purchases: it appears in the cost table all the same.
            #expect(html.contains("Province <span class=\"small\">(prov)</span>"))
            // Charts: demand for two pools, storage, utilisation, latency, cost.
            #expect(html.components(separatedBy: "<svg ").count - 1 == 6)
        }
    }

    @Test func costPerYearIncludesEnergy() throws {
        let f = try storageReport.get()
        let mps = try #require(f.plan.agencies.first { $0.id == "mps" })
        #expect(PlanSummary.yearCost(mps, year: 2025) == 3e9 + 39_420_000)
        #expect(PlanSummary.yearCost(mps, year: 2026) == 3e8 + 39_420_000)
        #expect(PlanSummary.yearCost(mps, year: 2028) == 1e9 + 3e8 + 39_420_000)
        let years = f.plan.years.map { PlanSummary.yearCost(mps, year: $0) }.reduce(0, +)
        #expect(years == mps.totalCost)
    }

    @Test func storageReasonsAreWrittenInEachLanguage() {
        let r = PurchaseReason(.storageNeed(bytes: 225.94608e12), kind: .storage)
        #expect(ReportLanguage.en.reason(r) == "storage need: data × copies / (1 − headroom) = 225.9 TB")
        #expect(ReportLanguage.vi.reason(r) == "nhu cầu lưu trữ: dữ liệu × số bản sao / (1 − tỷ lệ dự phòng) = 225,9 TB")
    }

    /// A size written by reports reads back (to its 3 significant digits) as a scenario size.
    @Test func bytesInReportsReadBackAsScenarioSizes() throws {
        for x in [950e9, 412e12, 1.25e15, 2e3, 600e3, 50e12] {
            let text = NumberFormat.bytes(x).replacingOccurrences(of: " ", with: "")
            #expect(abs(try Units.size(text) - x) <= x * 5e-3, "\(x) -> \(text)")
        }
        #expect(NumberFormat.bytes(412e12) == "412 TB" && NumberFormat.bytes(1.25e15) == "1.25 PB")
    }

    @Test func sizeJSONHasStorageCurrentRequiredAndNeed() throws {
        let f = try storageReport.get()
        let report = try SizeStudy.run(f.scenario, RunStudy.Overrides(year: 2028), jobs: 2)
        let json = PlanDocument.size(report).rendered()
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let storage = try #require((doc["storage"] as? [String: [String: Double]])?["npd-store"])
        #expect(storage["current_bytes"] == 100e12 && storage["required_bytes"] == 300e12)
        #expect(abs(storage["need_bytes"]! - 261.411705e12) < 1e3)
        #expect((doc["shortfalls"] as? [Any])?.isEmpty == true)
    }
}
