import Foundation
import InfraModel
import Scenario
import SimKernel
import Testing

@Suite struct ScenarioParsingTests {
    @Test func fullScenarioParsesTopLevelSettings() throws {
        let s = try parse(fullScenario)
        #expect(s.name == "mmc-example")
        #expect(s.description == "free text")
        #expect(s.currency == "VND")
        #expect(s.seed == 42)
        #expect(s.simulation == SimulationSettings(duration: 7200, warmup: 600, replications: 5, start: 19 * 3600))
        #expect(s.horizon == Horizon(baseYear: 2025, to: 2030))
        #expect(s.agencies.map(\.id) == ["mps", "mic"])
        #expect(s.sites.map(\.id) == ["national-dc", "hcm-dc"])
        #expect(s.sites[0].region == "hanoi")
        #expect(s.sourcePath == "test.yaml")
    }

    @Test func fullScenarioParsesPools() throws {
        let s = try parse(fullScenario)
        let auth = try #require(s.pool("auth"))
        #expect(auth.configuration == PoolConfiguration(
            id: "auth", site: "national-dc", servers: 8, concurrency: 2, queueCapacity: nil, discipline: .fifo,
            patience: .deterministic(value: 5), failures: FailureModel(mtbf: 2000 * 3600, mttr: 4 * 3600)))
        #expect(auth.agency == "mps")
        #expect(auth.unit == ServerUnit(name: "2-socket # server", cost: 350_000_000, opexPerYear: 30_000_000))
        #expect(auth.maxServers == 200)
        #expect(auth.redundancy == 1)
        #expect(auth.location?.line == 19)
        let db = try #require(s.pool("popdb"))
        #expect(db.configuration.queueCapacity == 100)
        #expect(db.configuration.discipline == .priority)
        #expect(db.configuration.patience == .exponential(mean: 30))
        #expect(db.redundancy == 0)
        #expect(db.unit == nil)
    }

    @Test func fullScenarioParsesLinksInBitsPerSecond() throws {
        let link = try #require(try parse(fullScenario).link("hn-hcm"))
        #expect(link.configuration == LinkConfiguration(id: "hn-hcm", from: "national-dc", to: "hcm-dc",
                                                        bandwidth: 1e9, latency: 0.012, sharing: .fifo))
        #expect(link.owner == "mic")
        #expect(link.unit == BandwidthUnit(stepBps: 1e8, costPerYear: 60_000_000))
        #expect(link.maxBandwidth == 1e10)
    }

    @Test func fullScenarioParsesWorkloadWithUnits() throws {
        let w = try #require(try parse(fullScenario).workload("vneid-login"))
        let c = w.configuration
        #expect(abs(c.arrivals.rate - 3.6e6 / 86400) < 1e-9)
        #expect(abs(c.arrivals.rate - 41.666_666_666) < 1e-6)
        #expect(w.growth == 0.25)
        #expect(w.agency == "mps")
        #expect(c.origin == "national-dc")
        #expect(c.priority == 1)
        #expect(c.requestSize == .deterministic(value: 4096))
        #expect(c.responseSize == .lognormal(mean: 200_000, cv: 2))
        #expect(c.route == [
            .pool(id: "auth", service: .exponential(mean: 0.25)),
            .link(id: "hn-hcm", size: nil),
            .pool(id: "popdb", service: .lognormal(mean: 0.02, cv: 0.8)),
            .link(id: "hn-hcm", size: .deterministic(value: 16_000)),
        ])
    }

    @Test func profileAndWeeklyAreNormalisedToMeanOne() throws {
        let arrivals = try #require(try parse(fullScenario).workload("vneid-login")).configuration.arrivals
        let hourly = try #require(arrivals.hourly)
        #expect(hourly.count == 24)
        #expect(abs(hourly.reduce(0, +) / 24 - 1) < 1e-12)
        #expect(hourly[0] == 0.5 && hourly[23] == 1.5)
        let weekly = try #require(arrivals.weekly)
        #expect(weekly == [1, 1, 1, 1, 1, 0.5, 1.5])
        #expect(arrivals.peaks == [Peak(name: "tet", day: 2, fromHour: 19, toHour: 22, multiplier: 3)])
    }

    @Test func workloadDefaultsComeFromTheFirstStep() throws {
        let w = try #require(try parse(fullScenario).workload("batch"))
        #expect(abs(w.configuration.arrivals.rate - 2) < 1e-12)   // 120/min
        #expect(w.configuration.origin == "hcm-dc")
        #expect(w.agency == "mps")
        #expect(w.growth == 0)
        #expect(w.configuration.route == [.pool(id: "popdb", service: .deterministic(value: 0.05))])
        #expect(w.configuration.requestSize == .deterministic(value: 0))
    }

    @Test func targetsBecomeOnePerMetric() throws {
        let targets = try parse(fullScenario).targets
        #expect(targets == [
            Target(subject: .workload("vneid-login"), metric: .p95, limit: 2),
            Target(subject: .workload("vneid-login"), metric: .maxLost, limit: 0.005),
            Target(subject: .pool("auth"), metric: .maxUtilization, limit: 0.7),
            Target(subject: .link("hn-hcm"), metric: .maxUtilization, limit: 0.6),
            Target(subject: .link("hn-hcm"), metric: .p99, limit: 0.1),
        ])
    }

    @Test func defaultsApplyWhenOptionalKeysAreAbsent() throws {
        let s = try parse(baseScenario)
        #expect(s.currency == "VND")
        #expect(s.seed == 1)
        #expect(s.simulation == SimulationSettings(duration: 3600, warmup: 0, replications: 10, start: 0))
        #expect(s.horizon == Horizon(baseYear: 2025, to: 2025))
        let web = try #require(s.pool("web")).configuration
        #expect(web.concurrency == 1 && web.queueCapacity == nil && web.discipline == .fifo)
        #expect(web.patience == nil && web.failures == nil)
        let link = try #require(s.link("l1"))
        #expect(link.configuration.sharing == .ps)
        #expect(link.owner == "a")
        #expect(s.link("l2")?.configuration.latency == 0)
    }

    @Test func modelAppliesCompoundGrowth() throws {
        let s = try parse(fullScenario)
        let base = s.model(year: 2025)
        let later = s.model(year: 2028)
        let rate0 = try #require(base.workloads.first { $0.id == "vneid-login" }).arrivals.rate
        let rate3 = try #require(later.workloads.first { $0.id == "vneid-login" }).arrivals.rate
        #expect(abs(rate3 - rate0 * 1.25 * 1.25 * 1.25) < 1e-9)
        #expect(later.workloads.first { $0.id == "batch" }?.arrivals.rate == base.workloads.first { $0.id == "batch" }?.arrivals.rate)
        // The scenario itself keeps the base-year rate.
        #expect(s.workload("vneid-login")?.configuration.arrivals.rate == rate0)
    }

    @Test func modelCarriesEverySection() throws {
        let s = try parse(fullScenario)
        let m = s.model(year: 2026)
        #expect(m.name == "mmc-example" && m.seed == 42)
        #expect(m.simulation == s.simulation)
        #expect(m.sites == ["national-dc", "hcm-dc"])
        #expect(m.pools == s.pools.map(\.configuration))
        #expect(m.links == s.links.map(\.configuration))
        #expect(m.targets == s.targets)
        #expect(m.workloads.map(\.id) == ["vneid-login", "batch"])
    }

    @Test func empiricalCSVIsReadRelativeToTheScenarioDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "seconds\n0.1, 0.2\n0.3\n\n0.4\n".write(to: dir.appendingPathComponent("data/service.csv"), atomically: true, encoding: .utf8)
        let yaml = variant("service: 10ms", "service: {dist: empirical, file: data/service.csv}")
        try yaml.write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let s = try ScenarioLoader.load(path: dir.appendingPathComponent("s.yaml").path)
        #expect(s.workload("w")?.configuration.route.first == .pool(id: "web", service: .empirical(samples: [0.1, 0.2, 0.3, 0.4])))
    }

    @Test func bareSizeAndSizeDistributionsAreInBytes() throws {
        let yaml = variant("- {link: l1}", "- {link: l1, size: {dist: uniform, min: 1MiB, max: 2MiB}}")
        let route = try #require(try parse(yaml).workload("w")).configuration.route
        #expect(route[1] == .link(id: "l1", size: .uniform(min: 1_048_576, max: 2_097_152)))
    }

    @Test func everyDistributionNameIsAccepted() throws {
        let cases: [(String, Distribution)] = [
            ("{dist: deterministic, value: 2s}", .deterministic(value: 2)),
            ("{dist: gamma, mean: 1s, cv: 0.5}", .gamma(mean: 1, cv: 0.5)),
            ("{dist: erlang, k: 3, mean: 30ms}", .erlang(k: 3, mean: 0.03)),
            ("{dist: weibull, shape: 1.5, scale: 2m}", .weibull(shape: 1.5, scale: 120)),
            ("{dist: hyperexponential, mean: 1s, cv: 2}", .hyperexponential(mean: 1, cv: 2)),
        ]
        for (text, expected) in cases {
            let s = try parse(variant("service: 10ms", "service: \(text)"))
            #expect(s.workload("w")?.configuration.route.first == .pool(id: "web", service: expected), "\(text)")
        }
    }

    @Test func linkStepMayBeTakenBackwards() throws {
        // l1 runs s1 -> s2; a request starting at s2 crosses it to s1.
        let yaml = variant("""
              - {pool: web, service: 10ms}
              - {link: l1}
              - {pool: db, service: {dist: exponential, mean: 5ms}}
        """, """
              - {pool: db, service: 10ms}
              - {link: l1}
              - {pool: web, service: 10ms}
        """)
        let w = try #require(try parse(yaml).workload("w"))
        #expect(w.configuration.origin == "s2")
    }

    @Test func mergeKeysShareSettingsFromAnXPrefixedAnchor() throws {
        let yaml = "x-pool: &pool {site: s2, servers: 3, concurrency: 4}\n" + variant("""
          - id: db
            site: s2
            servers: 1
        """, """
          - id: db
            <<: *pool
            servers: 1
        """)
        let db = try #require(try parse(yaml).pool("db")).configuration
        #expect(db.site == "s2" && db.servers == 1 && db.concurrency == 4)
    }

    @Test func extensionKeysParse() throws {
        let yaml = variant("    servers: 1\n", "    servers: 1\n    redundancy: n+2\n    max_servers: 10\n")
        let db = try #require(try parse(yaml).pool("db"))
        #expect(db.redundancy == 2)
        #expect(db.maxServers == 10)
    }
}
