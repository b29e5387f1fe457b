import Foundation
import Testing

/// `Fixture.pool` with storage logged per login and a facilities entry for its site.
let storageFixture = Fixture.pool + """
storage:
  - id: store
    site: dc
    installed: 1TB
    copies: 2
    headroom: 20%
    data:
      - {name: login log, per_request: [login], size: 1KB, retention: 1y}
    unit: {step: 1TB, cost: 500, opex_per_year: 50}
facilities:
  - {site: dc, power_per_server: 500W, pue: 1.5, electricity: 2}

"""

@Suite("storage and energy on the command line")
struct StorageEnergyCLITests {
    @Test func planJSONListsStorageItemsAndEnergyAndIsIdenticalWhateverTheJobs() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", storageFixture)
        let one = try CapsimProcess.run(["plan", file, "--jobs", "1", "--json", "-"])
        let two = try CapsimProcess.run(["plan", file, "--jobs", "2", "--json", "-"])
        #expect(one.status == 0 && one.stdout == two.stdout)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let mps = try #require((doc["agencies"] as? [String: Any])?["mps"] as? [String: Any])
        let items = try #require(mps["items"] as? [[String: Any]])
        // 3/s × 86,400 × 365 × 1 KB = 94.6 GB; × 2 / 0.8 = 236.5 GB < 1 TB: nothing to buy in 2025 or 2026 (+10%).
        #expect(!items.contains { $0["kind"] as? String == "storage" })
        let energy = try #require(mps["energy"] as? [String: Double])
        #expect(Set(energy.keys) == ["2025", "2026"])
        #expect(one.stderr.contains("energy: 2025"))
    }

    @Test func anUnknownWorkloadInPerRequestExits65WithItsLocation() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", storageFixture.replacingOccurrences(of: "per_request: [login]", with: "per_request: [logn]"))
        let r = try CapsimProcess.run(["plan", file])
        #expect(r.status == 65)
        // Line 31 is `      - {name: login log, per_request: [logn], ...}`: 'logn' starts at column 8 + 32 + 1 = 41.
        #expect(r.stderr.contains("\(file):31:41: error: workload 'logn' is not defined"), "\(r.stderr)")
        #expect(r.stderr.contains("did you mean 'login'?"))
    }

    @Test func validateWarnsAboutASiteWithPoolsButNoFacilitiesEntry() throws {
        let ws = try Workspace()
        let yaml = storageFixture.replacingOccurrences(of: "  - {id: dc, agency: mps}", with: "  - {id: dc, agency: mps}\n  - {id: dc2, agency: mps}")
            .replacingOccurrences(of: "  - {site: dc, power_per_server", with: "  - {site: dc2, power_per_server")
        let file = try ws.write("s.yaml", yaml)
        let r = try CapsimProcess.run(["validate", file])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: site 'dc' (line 8) has pools (auth) but no facilities entry"), "\(r.stderr)")
    }
}
