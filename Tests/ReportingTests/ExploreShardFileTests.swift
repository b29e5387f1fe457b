import Foundation
import Planning
import Reporting
import Scenario
import Testing

/// A small closed-form study: one pool, exponential service 1 s, 10/s growing by an uncertain 0–40%, a 70%
/// utilisation target; 6 samples + base + low/high + 1 noise run = 10 runs, planned in well under a second.
let shardStudyYAML = """
name: shard-study
seed: 5
simulation: {duration: 2m, warmup: 20s, replications: 1}
horizon: {base_year: 2025, to: 2027}
agencies: [{id: a, name: Agency A}, {id: b, name: Agency B}]
sites: [{id: dc, agency: a}]
pools:
  - {id: p, site: dc, servers: 10, unit: {name: server, cost: 100000000, opex_per_year: 10000000}, max_servers: 200}
workloads:
  - id: w
    arrivals: {rate: 10/s, growth: 20%}
    route:
      - {pool: p, service: {dist: exponential, mean: 1s}}
targets:
  - {pool: p, max_utilization: 70%}
uncertainty:
  samples: 6
  noise_check: 1
  inputs:
    - {path: workloads.w.arrivals.growth, dist: uniform, min: 0%, max: 40%}

"""

enum ShardFixture {
    static let study: ExploreStudy = {
        try! ExploreStudy(source: ScenarioSource.parse(yaml: shardStudyYAML, path: "shard-study.yaml", baseDirectory: "/tmp"))
    }()
    /// Every run, planned once for the suite.
    static let results: [ExploreRunResult] = { try! study.execute(jobs: 2) }()

    static func shard(_ i: Int, _ n: Int) -> ExploreShard { ExploreShard(index: i, count: n)! }

    /// The text of shard i of n's file, from the suite's results.
    static func file(_ i: Int, _ n: Int, results: [ExploreRunResult] = results) -> String {
        let s = shard(i, n)
        return ExploreShardFile.json(study, identity: ExploreIdentity(study), shard: s,
                                     results: results.filter { s.contains(run: $0.index) }).rendered()
    }

    /// A fresh folder.
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func write(_ text: String, _ dir: String, _ name: String) throws {
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
    }
}

@Suite("explore shard files and merge")
struct ExploreShardFileTests {
    @Test func numbersReadBackToTheSameBits() throws {
        let values: [Double] = [0, -0.0, 0.1, 1.0 / 3, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 1e15,
                                1e15 + 0.5, Double(1 << 53) + 2, 123_456_789.123_456_789, -7.25e-9, .infinity,
                                -.infinity, .nan, 1_745_000_000]
        let text = JSONValue.array(values.map(ExactNumber.json)).rendered()
        let back = try #require(try JSONValue.parse(text).items).map { ExactNumber.value($0) }
        for (x, y) in zip(values, back) {
            let y = try #require(y)
            #expect(x.isNaN ? y.isNaN : x.bitPattern == y.bitPattern, "\(x) read back as \(y)")
        }
    }

    @Test func anInfeasibleRunsFirstInfeasibleYearReadsBack() throws {
        var results = ShardFixture.results
        let k = try #require(results.firstIndex { $0.index % 3 == 1 })
        results[k].feasible = false
        results[k].infeasibleFrom = 2026
        let contents = try ExploreShardFile.decode(try JSONValue.parse(ShardFixture.file(1, 3, results: results)))
        #expect(contents.results.first { $0.index == results[k].index }?.infeasibleFrom == 2026)
        #expect(contents.results.filter { $0.index != results[k].index }.allSatisfy { $0.infeasibleFrom == nil })
    }

    @Test func aRunMarkedInfeasibleWithoutItsYearIsRefused() throws {
        var results = ShardFixture.results
        let k = try #require(results.firstIndex { $0.index % 3 == 1 })
        results[k].feasible = false
        #expect(throws: ExploreShardFile.Problem.self) {
            try ExploreShardFile.decode(try JSONValue.parse(ShardFixture.file(1, 3, results: results)))
        }
    }

    @Test func aShardFileReadsBackToTheSameResults() throws {
        let text = ShardFixture.file(1, 3)
        let contents = try ExploreShardFile.decode(try JSONValue.parse(text))
        let expected = ShardFixture.results.filter { $0.index % 3 == 1 }
        #expect(!expected.isEmpty)
        #expect(contents.results == expected)
        #expect(contents.shard == ShardFixture.shard(1, 3))
        #expect(contents.hash == ExploreIdentity(ShardFixture.study).hash)
        #expect(contents.identity == ExploreIdentity(ShardFixture.study))
        try ExploreShardFile.check(contents, against: ShardFixture.study)
    }

    @Test func aShardWithAMissingOrAlteredRunFailsTheCheck() throws {
        var missing = try ExploreShardFile.decode(try JSONValue.parse(ShardFixture.file(0, 2)))
        missing.results.removeLast()
        #expect(throws: ExploreShardFile.Problem.self) { try ExploreShardFile.check(missing, against: ShardFixture.study) }

        var altered = try ExploreShardFile.decode(try JSONValue.parse(ShardFixture.file(0, 2)))
        altered.results[0].inputs[0] = altered.results[0].inputs[0].nextUp
        #expect(throws: ExploreShardFile.Problem.self) { try ExploreShardFile.check(altered, against: ShardFixture.study) }

        var shortened = try ExploreShardFile.decode(try JSONValue.parse(ShardFixture.file(0, 2)))
        shortened.results[0].yearCosts.removeLast()
        #expect(throws: ExploreShardFile.Problem.self) { try ExploreShardFile.check(shortened, against: ShardFixture.study) }
    }

    @Test(arguments: [1, 2, 3, 4, 13])
    func mergedShardsGiveTheBytesOfTheUnshardedDocument(shards n: Int) throws {
        let study = ShardFixture.study
        let expected = ExploreDocument.json(study, ExploreAnalysis(study: study, results: ShardFixture.results)).rendered()
        let dir = try ShardFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<n { try ShardFixture.write(ShardFixture.file(i, n), dir, "shard-\(i)-of-\(n).json") }
        let merged = try ExploreMerge.load(directory: dir)
        #expect(merged.shards == n)
        #expect(merged.results == ShardFixture.results)
        #expect(ExploreDocument.json(merged.study, ExploreAnalysis(study: merged.study, results: merged.results)).rendered() == expected)
    }

    @Test func mergeNamesEveryMissingShard() throws {
        let dir = try ShardFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ShardFixture.write(ShardFixture.file(1, 4), dir, "shard-1-of-4.json")
        do {
            _ = try ExploreMerge.load(directory: dir)
            Issue.record("merge succeeded with 3 of 4 shards missing")
        } catch let e as ExploreMerge.Failure {
            #expect(e.exitStatus == 66)
            guard case .missing(_, let n, let indices, _) = e else { Issue.record("\(e)"); return }
            #expect(n == 4 && indices == [0, 2, 3])
            for i in [0, 2, 3] { #expect(e.description.contains("\(dir)/shard-\(i)-of-4.json")) }
        }
    }

    @Test func mergeRefusesShardsOfDifferentStudies() throws {
        let other = try ExploreStudy(source: ScenarioSource.parse(yaml: shardStudyYAML, path: "shard-study.yaml", baseDirectory: "/tmp"),
                                     options: .init(designSeed: 99))
        let otherResults = try other.execute([other.runs[1]], jobs: 1)
        let dir = try ShardFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ShardFixture.write(ShardFixture.file(0, 2), dir, "shard-0-of-2.json")
        try ShardFixture.write(ExploreShardFile.json(other, identity: ExploreIdentity(other), shard: ShardFixture.shard(1, 2),
                                                     results: otherResults).rendered(), dir, "shard-1-of-2.json")
        do {
            _ = try ExploreMerge.load(directory: dir)
            Issue.record("merge mixed two studies")
        } catch let e as ExploreMerge.Failure {
            #expect(e.exitStatus == 65)
            #expect(e.description.contains("shard-0-of-2.json") && e.description.contains("shard-1-of-2.json"))
            #expect(e.description.contains(ExploreIdentity(other).hash))
        }
    }

    @Test func mergeRefusesMixedShardCounts() throws {
        let dir = try ShardFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ShardFixture.write(ShardFixture.file(0, 1), dir, "shard-0-of-1.json")
        try ShardFixture.write(ShardFixture.file(0, 2), dir, "shard-0-of-2.json")
        let e = #expect(throws: ExploreMerge.Failure.self) { try ExploreMerge.load(directory: dir) }
        #expect(e?.exitStatus == 65)
    }

    @Test func mergeRefusesAShardWhoseHashDoesNotMatchItsRecordedStudy() throws {
        let dir = try ShardFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hash = ExploreIdentity(ShardFixture.study).hash
        try ShardFixture.write(ShardFixture.file(0, 1).replacingOccurrences(of: "\"quantile\": null", with: "\"quantile\": 0.8"),
                               dir, "shard-0-of-1.json")
        let e = #expect(throws: ExploreMerge.Failure.self) { try ExploreMerge.load(directory: dir) }
        guard case .invalid = e else { Issue.record("\(String(describing: e))"); return }
        #expect(e?.exitStatus == 65)
        #expect(e?.description.contains(hash) == true)
    }

    @Test func aFolderWithoutShardsIsMissingInput() throws {
        let dir = try ShardFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ShardFixture.write("{}", dir, "shard-x-of-2.json")
        let none = #expect(throws: ExploreMerge.Failure.self) { try ExploreMerge.load(directory: dir) }
        #expect(none?.exitStatus == 66)
        let absent = #expect(throws: ExploreMerge.Failure.self) { try ExploreMerge.load(directory: dir + "/absent") }
        #expect(absent?.exitStatus == 66)
    }

    @Test func aCompleteShardOfTheSameStudyIsKept() throws {
        let dir = try ShardFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let study = ShardFixture.study, identity = ExploreIdentity(study), shard = ShardFixture.shard(0, 3)
        guard case .absent = ExploreShardRun.existing(study, identity: identity, shard: shard, in: dir) else {
            Issue.record("an empty folder has a shard"); return
        }
        try ShardFixture.write(ShardFixture.file(0, 3), dir, "shard-0-of-3.json")
        guard case .complete(let runs) = ExploreShardRun.existing(study, identity: identity, shard: shard, in: dir) else {
            Issue.record("a complete shard is not kept"); return
        }
        #expect(runs == study.runs(in: shard).count)
    }

    @Test(arguments: ["truncated", "other study", "other shard"])
    func anUnusableShardFileIsRecomputed(_ damage: String) throws {
        let dir = try ShardFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let study = ShardFixture.study, identity = ExploreIdentity(study), shard = ShardFixture.shard(0, 3)
        let text: String
        switch damage {
        case "truncated": text = String(ShardFixture.file(0, 3).prefix(700))
        case "other study": text = ShardFixture.file(0, 3).replacingOccurrences(of: identity.hash, with: "fnv1a64:0000000000000000")
        default: text = ShardFixture.file(1, 3)
        }
        try ShardFixture.write(text, dir, "shard-0-of-3.json")
        guard case .unusable(let reason) = ExploreShardRun.existing(study, identity: identity, shard: shard, in: dir) else {
            Issue.record("a \(damage) shard file is kept"); return
        }
        #expect(!reason.isEmpty)
        let written = try ExploreShardRun.compute(study, identity: identity, shard: shard, in: dir, jobs: 2, limits: .standard)
        #expect(written.path == dir + "/shard-0-of-3.json")
        #expect(try String(contentsOfFile: written.path, encoding: .utf8) == ShardFixture.file(0, 3))
    }
}
