import Foundation
import Scenario
import Testing

/// Warnings about valid values that are probably slips: bare numbers read in the base unit, and pools without a price.
@Suite struct UnitTrapTests {
    /// A small valid scenario; `pool`, `arrivals`, `target` and `extra` replace its parts.
    static func scenario(simulation: String = "{duration: 10m, warmup: 1m, replications: 3, start: 9h}",
                         pool: String = "{id: p, site: s, servers: 2, max_servers: 2, failures: {mtbf: 2000h, mttr: 4h}}",
                         arrivals: String = "{rate: 1/s, growth: 25%}", service: String = "200ms",
                         target: String = "{workload: w, p95: 2s, max_lost: 0.1%}", sizes: String = "request_size: 4KB") -> String {
        """
        name: traps
        simulation: \(simulation)
        horizon: {base_year: 2025, to: 2026}
        agencies: [{id: a}]
        sites: [{id: s, agency: a}]
        pools:
          - \(pool)
        workloads:
          - id: w
            arrivals: \(arrivals)
            \(sizes)
            route: [{pool: p, service: \(service)}]
        targets:
          - \(target)

        """
    }

    static func warnings(_ yaml: String, overrides: [ScenarioOverride] = []) throws -> [ScenarioWarning] {
        try ScenarioLoader.parse(yaml: yaml, path: "t.yaml", baseDirectory: "", overrides: overrides).warnings
    }

    @Test func theBaseScenarioHasNoWarnings() throws {
        #expect(try Self.warnings(Self.scenario()).isEmpty)
    }

    @Test func aBareGrowthAboveOneIsWarnedAtItsValue() throws {
        let w = try Self.warnings(Self.scenario(arrivals: "{rate: 1/s, growth: 25}"))
        #expect(w.count == 1)
        #expect(w.first?.location == SourceLocation(file: "t.yaml", line: 10, column: 35))
        #expect(w.first?.description.hasPrefix("t.yaml:10:35: warning: workloads.w.arrivals.growth: 25 is a growth of +2,500% a year") == true)
        #expect(w.first?.message.contains("write 25% if you mean +25% a year") == true)
        // With a unit the value is deliberate, however large; and 1 (+100%) is plausible.
        #expect(try Self.warnings(Self.scenario(arrivals: "{rate: 1/s, growth: 2500%}")).isEmpty)
        #expect(try Self.warnings(Self.scenario(arrivals: "{rate: 1/s, growth: 1}")).isEmpty)
    }

    @Test func aBareMaxLostAboveFivePercentIsWarned() throws {
        let w = try Self.warnings(Self.scenario(target: "{workload: w, p95: 2s, max_lost: 0.1}"))
        #expect(w.map(\.message) == ["targets[0].max_lost: 0.1 lets 10% of requests be lost (a bare number is a fraction); write 0.1% if you mean 0.1 percent"])
        #expect(try Self.warnings(Self.scenario(target: "{workload: w, p95: 2s, max_lost: 0.05}")).isEmpty)
    }

    @Test func bareFailureTimesMeantInHoursAreWarned() throws {
        let w = try Self.warnings(Self.scenario(pool: "{id: p, site: s, servers: 2, max_servers: 2, failures: {mtbf: 4380, mttr: 4}}"))
        #expect(w.count == 2)
        #expect(w.contains { $0.message.hasPrefix("pools.p.failures.mtbf: 4380 is 4380 seconds") && $0.message.hasSuffix("write 4380h if you mean hours") })
        #expect(w.contains { $0.message.hasPrefix("pools.p.failures.mttr: 4 is 4 seconds") })
        // A bare MTBF of a week or more is plausible in seconds.
        #expect(try Self.warnings(Self.scenario(pool: "{id: p, site: s, servers: 2, max_servers: 2, failures: {mtbf: 604800, mttr: 3600}}")).isEmpty)
    }

    @Test func bareTimesMeantInMillisecondsAreWarned() throws {
        let service = try Self.warnings(Self.scenario(service: "40"))
        #expect(service.map(\.message) == ["workloads.w.route[0].service: 40 is 40 seconds of service per request (a bare duration is in seconds); write 40ms if you mean milliseconds"])
        let mean = try Self.warnings(Self.scenario(service: "{dist: lognormal, mean: 40, cv: 1}"))
        #expect(mean.count == 1)
        let target = try Self.warnings(Self.scenario(target: "{workload: w, p95: 500, max_lost: 0.1%}"))
        #expect(target.first?.message.hasPrefix("targets[0].p95: 500 is 500 seconds") == true)
        #expect(try Self.warnings(Self.scenario(service: "2")).isEmpty, "2 s of service is plausible")
    }

    @Test func bareWindowTimesAreWarned() throws {
        let w = try Self.warnings(Self.scenario(simulation: "{duration: 2, warmup: 1m, replications: 3, start: 19}"))
        #expect(w.count == 2)
        #expect(w.contains { $0.message.contains("simulation.duration: 2 is 2 seconds") && $0.message.contains("write 2m or 2h") })
        #expect(w.contains { $0.message.contains("simulation.start: 19 is 19 seconds after Monday 00:00") && $0.message.contains("write 19h") })
    }

    @Test func bareSizesBandwidthsAndPowersAreWarned() throws {
        let sizes = try Self.warnings(Self.scenario(sizes: "request_size: 4"))
        #expect(sizes.first?.message.hasPrefix("workloads.w.request_size: 4 is 4 bytes") == true)
        let yaml = Self.scenario() + """
        links: [{id: l, from: s, to: s2, bandwidth: 100, latency: 12}]
        facilities: [{site: s, power_per_server: 0.45, pue: 1.5, electricity: 3000}]

        """
        let w = try Self.warnings(yaml.replacingOccurrences(of: "sites: [{id: s, agency: a}]", with: "sites: [{id: s, agency: a}, {id: s2, agency: a}]"))
        #expect(w.contains { $0.message.hasPrefix("links.l.bandwidth: 100 is 100 bit/s") })
        #expect(w.contains { $0.message.hasPrefix("links.l.latency: 12 is 12 seconds one way") })
        #expect(w.contains { $0.message.hasPrefix("facilities[0].power_per_server: 0.45 is 0.45 W per server") })
    }

    @Test func aGrowablePoolWithoutAUnitIsWarnedButAFixedOneIsNot() throws {
        let w = try Self.warnings(Self.scenario(pool: "{id: p, site: s, servers: 2, max_servers: 10}"))
        #expect(w.count == 1)
        #expect(w.first?.location.line == 7)
        #expect(w.first?.message.hasPrefix("pool 'p' has no unit:") == true)
        #expect(try Self.warnings(Self.scenario(pool: "{id: p, site: s, servers: 2}")).count == 1, "no max_servers: sizing may grow it")
        #expect(try Self.warnings(Self.scenario(pool: "{id: p, site: s, servers: 2, max_servers: 2}")).isEmpty, "a black box")
    }

    @Test func aWarningOnAValueSetByAnOverrideNamesIt() throws {
        let w = try Self.warnings(Self.scenario(), overrides: [try ScenarioOverride(argument: "workloads.w.arrivals.growth=30")])
        #expect(w.count == 1)
        #expect(w.first?.message.hasSuffix("(value set by --set workloads.w.arrivals.growth=30)") == true)
    }

    @Test func theShippedScenariosHaveNoWarnings() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Scenarios").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 4)
        for name in files {
            let path = folder.appendingPathComponent(name).path
            // Portfolio files (a top-level `portfolio:` key) name scenarios; PortfolioTests check their members.
            if try String(contentsOfFile: path, encoding: .utf8).contains("\nportfolio:") { continue }
            let scenario = try ScenarioLoader.load(path: path)
            #expect(scenario.warnings.isEmpty, "\(name): \(scenario.warnings)")
        }
    }
}
