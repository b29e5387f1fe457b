import Foundation
import Planning
import Scenario
import Testing

@Suite("explore shards: assignment, identity, work guard")
struct ExploreShardTests {
    @Test func shardIOfNHoldsTheRunsWhoseIndexIsIModuloNInRunOrder() throws {
        let study = try ExploreFixture.study()
        // 12 samples, the base run, low/high of 2 inputs, 2 noise runs.
        #expect(study.runs.count == 12 + 1 + 4 + 2)
        for n in 1...6 {
            var seen: [Int] = []
            for i in 0..<n {
                let runs = study.runs(in: try #require(ExploreShard(index: i, count: n)))
                #expect(runs.allSatisfy { $0.index % n == i })
                #expect(runs.map(\.index) == runs.map(\.index).sorted())
                seen += runs.map(\.index)
            }
            #expect(seen.sorted() == Array(0..<study.runs.count), "N = \(n): every run in exactly one shard")
        }
    }

    @Test func shardsBeyondTheRunCountAreEmpty() throws {
        let study = try ExploreFixture.study()
        let n = study.runs.count + 5
        #expect(study.runs(in: try #require(ExploreShard(index: n - 1, count: n))).isEmpty)
        #expect(study.runs(in: try #require(ExploreShard(index: 0, count: n))).map(\.index) == [0])
    }

    @Test func shardTextIsIOverNFromZero() throws {
        #expect(try ExploreShard(parsing: "2/3") == ExploreShard(index: 2, count: 3))
        #expect(try ExploreShard(parsing: "0/1") == ExploreShard(index: 0, count: 1))
        for bad in ["3/3", "-1/3", "0/0", "1", "a/b", "1/2/3", "", "1/-2"] {
            #expect(throws: ExploreShard.Failure.self, "\(bad)") { try ExploreShard(parsing: bad) }
        }
    }

    @Test func theStudyHashDependsOnTextOverridesAndOptionsButNotOnThePath() throws {
        func hash(_ yaml: String = growthStudy, path: String = "study.yaml", overrides: [String] = [],
                  options: ExploreStudy.Options = .init()) throws -> String {
            let source = try ScenarioSource.parse(yaml: yaml, path: path, baseDirectory: "/somewhere")
            let study = try ExploreStudy(source: source, overrides: overrides.map { try ScenarioOverride(argument: $0) },
                                         options: options)
            return ExploreIdentity(study).hash
        }
        let base = try hash()
        #expect(base.hasPrefix("fnv1a64:") && base.count == 8 + 16)
        #expect(try hash() == base, "deterministic")
        #expect(try hash(path: "elsewhere/other-name.yaml") == base)
        #expect(try hash(growthStudy + "# a comment\n") != base)
        #expect(try hash(overrides: ["pools.p.servers=12"]) != base)
        #expect(try hash(overrides: ["pools.p.servers=12", "pools.p.max_servers=150"])
                != hash(overrides: ["pools.p.max_servers=150", "pools.p.servers=12"]))
        var changed: [ExploreStudy.Options] = []
        changed.append(.init(samples: 13))
        changed.append(.init(method: .random))
        changed.append(.init(quantile: 0.8))
        changed.append(.init(designSeed: 9))
        changed.append(.init(noiseCheck: 1))
        changed.append(.init(simulation: RunStudy.Overrides(seed: 4)))
        changed.append(.init(simulation: RunStudy.Overrides(replications: 3)))
        changed.append(.init(simulation: RunStudy.Overrides(duration: 300)))
        let hashes = try changed.map { try hash(options: $0) }
        #expect(!hashes.contains(base))
        #expect(Set(hashes).count == hashes.count, "each option changes the hash its own way")
    }

    @Test func theIdentityRebuildsTheSameStudy() throws {
        let source = try ScenarioSource.parse(yaml: growthStudy, path: "study.yaml", baseDirectory: "/tmp")
        let study = try ExploreStudy(source: source, overrides: [try ScenarioOverride(argument: "pools.p.servers=11")],
                                     options: .init(samples: 7, quantile: 0.8, designSeed: 5,
                                                    simulation: RunStudy.Overrides(replications: 1, duration: 120)))
        let identity = ExploreIdentity(study)
        let rebuilt = try identity.study()
        #expect(rebuilt.runs == study.runs)
        #expect(rebuilt.scenario.overrides == study.scenario.overrides)
        #expect(ExploreIdentity(rebuilt).hash == identity.hash)
        #expect(identity.baseDirectory == "/tmp")
    }

    @Test func theStudyHashCoversTheContentsOfEmpiricalFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("service.csv")
        let yaml = growthStudy.replacingOccurrences(of: "{dist: exponential, mean: 1s}", with: "{dist: empirical, file: service.csv}")
        func hash() throws -> String {
            ExploreIdentity(try ExploreStudy(source: ScenarioSource.parse(yaml: yaml, path: "s.yaml", baseDirectory: dir.path))).hash
        }
        try "0.9\n1.0\n1.1\n".write(to: csv, atomically: true, encoding: .utf8)
        let first = try hash()
        try "0.9\n1.0\n1.2\n".write(to: csv, atomically: true, encoding: .utf8)
        #expect(try hash() != first)
    }

    @Test func theWorkGuardCountsEveryPlanOfTheStudy() throws {
        let study = try ExploreFixture.study()
        let scenario = study.scenario
        func passes(_ s: StudyGuard.Study, _ limit: Double, explore: Double = .infinity, allowLong: Bool = false) -> Bool {
            (try? StudyGuard.check(scenario, study.simulation, study: s,
                                   limits: RunLimits(maxStudyEvents: limit, maxExploreEvents: explore, allowLong: allowLong))) != nil
        }
        // L: the smallest power of two that one plan fits in, so one plan is more than L / 2 events.
        let exponent = try #require((10...60).first { passes(.plan, pow(2, Double($0))) })
        let limit = pow(2, Double(exponent))
        #expect(passes(.explore(runs: 1), limit, explore: limit))
        #expect(!passes(.explore(runs: 4), limit, explore: limit), "4 plans are more than 2 L")
        #expect(passes(.explore(runs: 4), limit, explore: 4 * limit))
        #expect(passes(.explore(runs: 4), limit, explore: limit, allowLong: true))
        #expect(throws: (any Error).self) {
            try study.checkWork(limits: RunLimits(maxStudyEvents: limit, maxExploreEvents: limit))
        }
        try study.checkWork(limits: RunLimits(maxStudyEvents: limit, maxExploreEvents: limit * Double(study.runs.count)))
    }

    @Test func eachPlanOfAStudyIsHeldToThePlanLimit() throws {
        let study = try ExploreFixture.study()
        let scenario = study.scenario
        func passes(_ limit: Double) -> Bool {
            (try? StudyGuard.check(scenario, study.simulation, study: .explore(runs: 2),
                                   limits: RunLimits(maxStudyEvents: limit, maxExploreEvents: .infinity))) != nil
        }
        let exponent = try #require((10...60).first { passes(pow(2, Double($0))) })
        #expect((try? StudyGuard.check(scenario, study.simulation, study: .plan,
                                       limits: RunLimits(maxStudyEvents: pow(2, Double(exponent))))) != nil)
        #expect((try? StudyGuard.check(scenario, study.simulation, study: .plan,
                                       limits: RunLimits(maxStudyEvents: pow(2, Double(exponent - 1))))) == nil,
                "the study's plans pass exactly where a plan passes")
    }

    @Test func anUncertaintyStudyMayDoTenTimesThePlanLimit() {
        #expect(RunLimits.standard.maxExploreEvents == 10 * RunLimits.standard.maxStudyEvents)
        #expect(RunLimits.standard.allowingLong(true).exploreEventLimit == RunLimits.absurdEvents)
    }

    @Test func fnv1a64MatchesItsPublishedTestVectors() {
        // From the FNV reference test suite (Fowler, Noll, Vo): "" and "a" and "foobar".
        #expect(FNV1a64.digest(Array("".utf8)) == "fnv1a64:cbf29ce484222325")
        #expect(FNV1a64.digest(Array("a".utf8)) == "fnv1a64:af63dc4c8601ec8c")
        #expect(FNV1a64.digest(Array("foobar".utf8)) == "fnv1a64:85944171f73967e8")
    }
}
