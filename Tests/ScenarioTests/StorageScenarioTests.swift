import Foundation
import InfraModel
import Scenario
import Testing

/// `baseScenario` with a storage resource and facilities appended.
let storageScenario = baseScenario + "\n" + """
storage:
  - id: records
    site: s2
    installed: 100TB
    copies: 3
    headroom: 20%
    data:
      - {name: citizen records, count: 100M, size: 600KB, growth: 5%}
      - {name: audit log, per_request: [w], size: 2KB, retention: 2y}
    unit: {name: disk shelf, step: 50TB, cost: 1000000000, opex_per_year: 100000000}
    max_capacity: 2PB
facilities:
  - {site: s1, power_per_server: 450W, pue: 1.4, electricity: 3160}
  - {site: s2, power_per_server: 0.5kW, pue: 1.9, electricity: 2000}

"""

@Suite struct StorageScenarioTests {
    @Test func storageIsReadInBaseUnits() throws {
        let s = try parse(storageScenario)
        let r = try #require(s.storage.first)
        #expect(r.id == "records" && r.site == "s2")
        #expect(r.owner == "a", "the owner defaults to the agency of the site")
        #expect(r.installed == 100e12 && r.copies == 3 && r.headroom == 0.2 && r.maxCapacity == 2e15)
        #expect(r.unit == StorageUnit(name: "disk shelf", step: 50e12, cost: 1e9, opexPerYear: 1e8))
        #expect(r.data.map(\.name) == ["citizen records", "audit log"])
        #expect(r.data[0].volume == .count(100e6, growth: 0.05) && r.data[0].size == 600e3)
        #expect(r.data[1].volume == .perRequest(workloads: ["w"], retention: 2 * 365 * 86_400) && r.data[1].size == 2e3)
    }

    @Test func storageIsAResourceInBytesBoughtOutright() throws {
        let s = try parse(storageScenario)
        let spec = try #require(s.resource(.storage("records")))
        #expect(spec.installed == 100e12 && spec.step == 50e12 && spec.maximum == 2e15 && spec.agency == "a")
        #expect(spec.purchase == PurchaseUnit(kind: .storage, cost: 1e9, opexPerYear: 1e8, name: "disk shelf"))
        #expect(s.resources.map(\.id).last == .storage("records"), "storage comes after pools and links")
    }

    @Test func facilitiesAreReadWithPowerInWatts() throws {
        let s = try parse(storageScenario)
        #expect(s.facilities == [
            Facility(site: "s1", powerPerServer: 450, pue: 1.4, electricity: 3160, location: s.facilities[0].location),
            Facility(site: "s2", powerPerServer: 500, pue: 1.9, electricity: 2000, location: s.facilities[1].location),
        ])
    }

    @Test func aPoolMayOverrideThePowerOfItsSite() throws {
        let s = try parse(variant("    site: s1\n    servers: 2", "    site: s1\n    servers: 2\n    power: 1.2kW", in: storageScenario))
        #expect(s.pool("web")?.power == 1200)
        #expect(s.serverPower(s.pool("web")!) == 1200)
        #expect(s.serverPower(s.pool("db")!) == 500, "db uses the power_per_server of its site")
    }

    /// Hand computation, base year 2025 (the default horizon):
    ///   records: 100e6 × 600e3 B = 6e13 B (60 TB); in 2027: × 1.05² = 6.615e13 B.
    ///   audit log: workload w at 10/s → 864,000 a day × 365 × 2 years × 2,000 B = 1.261_44e12 B.
    ///   need 2025 = (6e13 + 1.26144e12) × 3 / 0.8 = 2.297_304e14 B.
    @Test func volumesAndNeedMatchTheClosedForm() throws {
        let s = try parse(storageScenario)
        let r = try #require(s.storage.first)
        #expect(s.volume(of: r.data[0], year: 2025) == 6e13)
        #expect(abs(s.volume(of: r.data[0], year: 2027) - 6.615e13) < 1)
        #expect(abs(s.volume(of: r.data[1], year: 2025) - 1.26144e12) < 1e-3)
        #expect(abs(s.storageNeed(r, year: 2025) - 2.297304e14) < 1)
    }

    @Test func perRequestVolumeFollowsTheWorkloadsGrowth() throws {
        // w grows 10% a year: its log in 2027 is 1.1² times the 2025 log.
        let s = try parse(variant("arrivals: {rate: 10/s}", "arrivals: {rate: 10/s, growth: 10%}", in: storageScenario))
        let log = try #require(s.storage.first?.data[1])
        #expect(abs(s.volume(of: log, year: 2027) / s.volume(of: log, year: 2025) - 1.21) < 1e-12)
    }

    @Test func unknownWorkloadInPerRequestIsLocated() {
        let yaml = variant("per_request: [w]", "per_request: [w, wx]", in: storageScenario)
        expectError(yaml, at: "wx]", "workload 'wx' is not defined (per_request of data item 'audit log' of storage 'records'); defined workloads: w")
    }

    @Test func workloadListedTwiceInPerRequestIsAnError() {
        let yaml = variant("per_request: [w]", "per_request: [w, w]", in: storageScenario)
        expectError(yaml, at: "w]", "workload 'w' is listed twice")
    }

    @Test func badSizeUnitInStorageIsLocated() {
        let yaml = variant("installed: 100TB", "installed: 100Tb", in: storageScenario)
        expectError(yaml, at: "100Tb", "unknown unit 'Tb' in size '100Tb'; expected B, KB, MB, GB, TB, PB (decimal)")
    }

    @Test func badCountIsLocated() {
        let yaml = variant("count: 100M", "count: 100x", in: storageScenario)
        expectError(yaml, at: "100x", "unknown multiplier 'x' in count '100x'")
    }

    @Test func fewerThanOneCopyIsAnError() {
        let yaml = variant("copies: 3", "copies: 0.5", in: storageScenario)
        expectError(yaml, at: "0.5", "'copies' in storage 'records' must be at least 1")
    }

    @Test func headroomOfAHundredPercentIsAnError() {
        let yaml = variant("headroom: 20%", "headroom: 100%", in: storageScenario)
        expectError(yaml, at: "100%", "'headroom' in storage 'records' must be below 100%")
    }

    @Test func duplicateStorageIDIsAnError() {
        let second = "  - {id: records, site: s1, installed: 1TB, copies: 1, headroom: 0, data: [{name: x, count: 1, size: 1KB}], unit: {step: 1TB, cost: 1}}\nfacilities:"
        let yaml = variant("facilities:", second, in: storageScenario)
        expectError(yaml, at: "{id: records, site: s1", "duplicate storage id 'records'")
    }

    @Test func unknownSiteOrOwnerOfStorageIsLocated() {
        expectError(variant("    site: s2\n    installed", "    site: s9\n    installed", in: storageScenario),
                    at: "s9", "site 's9' is not defined")
        expectError(variant("    site: s2\n    installed", "    site: s2\n    owner: mps\n    installed", in: storageScenario),
                    at: "mps", "agency 'mps' is not defined (owner of storage 'records')")
    }

    @Test func aDataItemNeedsExactlyOneOfCountAndPerRequest() {
        let yaml = variant("count: 100M, size", "count: 100M, per_request: [w], size", in: storageScenario)
        expectError(yaml, at: "{name: citizen records", "has both of 'count' and 'per_request'")
    }

    @Test func retentionIsRequiredForPerRequestItemsAndMustBeADayOrMore() {
        expectError(variant(", retention: 2y}", "}", in: storageScenario), at: "{name: audit log",
                    "missing required key 'retention' in data item 'audit log'")
        expectError(variant("retention: 2y", "retention: 6m", in: storageScenario), at: "6m",
                    "is 6m, less than a day ('m' means minutes)")
    }

    @Test func growthOnAPerRequestItemIsAnError() {
        expectError(variant("retention: 2y}", "retention: 2y, growth: 5%}", in: storageScenario), at: "growth: 5%", occurrence: 2,
                    "'growth' in data item 'audit log' of storage 'records' applies only to count items")
    }

    @Test func aBadPurchaseUnitIsLocated() {
        expectError(variant("step: 50TB", "step: 0TB", in: storageScenario), at: "0TB, cost", "'step' in unit of storage 'records' must be a size > 0")
        expectError(variant("step: 50TB, cost: 1000000000,", "step: 50TB,", in: storageScenario), at: "{name: disk shelf",
                    "missing required key 'cost' in unit of storage 'records'")
        expectError(variant("cost: 1000000000, opex", "cost: 1bn, opex", in: storageScenario), at: "1bn", "invalid amount '1bn'")
    }

    @Test func storageRequiresCopiesHeadroomAndUnit() {
        let yaml = variant("    copies: 3\n", "", in: storageScenario)
        expectError(yaml, at: "id: records", "missing required key 'copies' in storage 'records'")
    }

    @Test func facilitiesErrorsAreLocated() {
        expectError(variant("pue: 1.4", "pue: 0.9", in: storageScenario), at: "0.9", "'pue' in facilities of site 's1' must be at least 1")
        expectError(variant("{site: s2, power_per_server", "{site: s1, power_per_server", in: storageScenario),
                    at: "{site: s1, power_per_server: 0.5kW", "duplicate facilities entry for site 's1'")
        expectError(variant("{site: s2, power_per_server", "{site: s7, power_per_server", in: storageScenario),
                    at: "s7", "site 's7' is not defined")
        expectError(variant("power_per_server: 450W", "power_per_server: 450x", in: storageScenario), at: "450x",
                    "unknown unit 'x' in power '450x'")
    }

    /// 7 servers × 800 W × 1.4 × 8,760 h / 1000 = 68,678.4 kWh; × 3,160 VND = 217,023,744 VND (exact decimals,
    /// although 1.4 has no exact binary form).
    @Test func energyOfAFacilityIsTheHandComputationWithoutBinaryNoise() {
        let f = Facility(site: "s1", powerPerServer: 450, pue: 1.4, electricity: 3160)
        #expect(f.yearlyEnergy(servers: 7, watts: 800) == 68_678.4)
        #expect(f.yearlyCost(servers: 7, watts: 800) == 217_023_744)
        #expect(f.yearlyCost(servers: 0, watts: 800) == 0)
    }

    @Test func poolPowerWithABadUnitIsLocated() {
        let yaml = variant("    site: s1\n    servers: 2", "    site: s1\n    servers: 2\n    power: 1kWh", in: storageScenario)
        expectError(yaml, at: "1kWh", "unknown unit 'kWh' in power '1kWh'")
    }

    @Test func storageValuesAreInTheInputRegister() throws {
        let s = try parse(storageScenario)
        let paths = Set(s.inputs.map(\.path))
        for p in ["storage.records.installed", "storage.records.copies", "storage.records.data[0].count",
                  "storage.records.data[1].retention", "storage.records.unit.step", "facilities[0].pue"] {
            #expect(paths.contains(p), "missing \(p)")
        }
    }
}
