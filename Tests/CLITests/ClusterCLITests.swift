import Foundation
import Testing

/// A closed-form study that plans in about a second: one pool, exponential service 1 s, 10/s growing by an
/// uncertain 0-40%, a 70% utilisation target; 6 samples + base + low/high + 1 noise run = 10 runs.
let clusterStudy = """
name: cluster-study
seed: 7
simulation: {duration: 2m, warmup: 20s, replications: 1}
horizon: {base_year: 2025, to: 2027}
agencies: [{id: a, name: Agency A}]
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

/// Options every run of these tests passes, to check that they reach the shards and the merge.
let clusterOptions = ["--set", "pools.p.unit.cost=90000000", "--design-seed", "11", "--quantile", "0.8"]

@Suite("explore shards, merge and slurm on the command line")
struct ClusterCLITests {
    /// The unsharded document, computed once.
    static let unsharded: (workspace: Workspace, file: String, json: String) = {
        let ws = try! Workspace()
        let file = try! ws.write("study.yaml", clusterStudy)
        let r = try! CapsimProcess.run(["explore", file, "--json", "-", "--jobs", "2"] + clusterOptions)
        precondition(r.status == 0, r.stderr)
        return (ws, file, r.stdout)
    }()

    static func shard(_ i: Int, _ n: Int, out: String, jobs: Int = 1, file: String = unsharded.file,
                      options: [String] = clusterOptions) throws -> CapsimProcess.Output {
        try CapsimProcess.run(["explore", file, "--shard", "\(i)/\(n)", "--out", out, "--jobs", String(jobs)] + options)
    }

    @Test(arguments: [1, 2, 3, 12])
    func mergedShardsAreByteIdenticalToTheUnshardedDocument(shards n: Int) throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        for i in 0..<n {
            // Threads per shard vary: results must not depend on them.
            let r = try Self.shard(i, n, out: out, jobs: 1 + i % 2)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("wrote \(out)/shard-\(i)-of-\(n).json"))
        }
        let merged = try CapsimProcess.run(["merge", out, "--json", "-"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == Self.unsharded.json)
        #expect(merged.stderr.contains("P50"), "the human summary goes to stderr with --json -")
        #expect(merged.stderr.contains("merged from \(n) shard file(s)"))
    }

    @Test func mergeToAFileWritesTheSameBytesAndPrintsTheSummary() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        for i in 0..<2 { #expect(try Self.shard(i, 2, out: out).status == 0) }
        let r = try CapsimProcess.run(["merge", out, "--json", ws.path("explore.json")])
        #expect(r.status == 0)
        #expect(r.stdout.contains("P50"))
        #expect(try String(contentsOfFile: ws.path("explore.json"), encoding: .utf8) == Self.unsharded.json)
    }

    @Test func mergeExits66NamingEveryMissingShard() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(1, 4, out: out).status == 0)
        let r = try CapsimProcess.run(["merge", out, "--json", ws.path("explore.json")])
        #expect(r.status == 66)
        for i in [0, 2, 3] { #expect(r.stderr.contains("\(out)/shard-\(i)-of-4.json"), "\(r.stderr)") }
        #expect(!r.stderr.contains("shard-1-of-4.json"))
        #expect(!ws.exists("explore.json"))
    }

    @Test func mergeExits65OnShardsOfDifferentStudies() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(0, 2, out: out).status == 0)
        #expect(try Self.shard(1, 2, out: out, options: ["--set", "pools.p.unit.cost=95000000"]).status == 0)
        let r = try CapsimProcess.run(["merge", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(out)/shard-0-of-2.json") && r.stderr.contains("\(out)/shard-1-of-2.json"), "\(r.stderr)")
        #expect(r.stderr.contains("study hashes differ"))
    }

    @Test func aCompleteShardIsKeptNotRecomputed() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(0, 3, out: out).status == 0)
        let path = out + "/shard-0-of-3.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        let again = try Self.shard(0, 3, out: out)
        #expect(again.status == 0)
        #expect(again.stdout.contains("kept \(path)"), "\(again.stdout)")
        #expect(again.stdout.contains("not recomputed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
    }

    @Test func aCorruptShardFileIsRecomputed() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(0, 2, out: out).status == 0)
        let path = out + "/shard-0-of-2.json"
        let whole = try String(contentsOfFile: path, encoding: .utf8)
        try String(whole.prefix(whole.count / 2)).write(toFile: path, atomically: true, encoding: .utf8)
        let r = try Self.shard(0, 2, out: out)
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: recomputing \(path)"), "\(r.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == whole)
    }

    @Test func aShardOfAnotherStudyIsRecomputed() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(0, 2, out: out, options: ["--samples", "5"]).status == 0)
        let r = try Self.shard(0, 2, out: out)
        #expect(r.status == 0)
        #expect(r.stderr.contains("belongs to another study"), "\(r.stderr)")
        #expect(r.stdout.contains("wrote"))
    }

    @Test(arguments: [["--shard", "0/2"], ["--shard", "2/2", "--out", "x"], ["--out", "x"],
                      ["--shard", "0/2", "--out", "x", "--json", "-"], ["--shard", "a", "--out", "x"]])
    func shardOptionsAreCheckedBeforeAnythingRuns(_ options: [String]) throws {
        let ws = try Workspace()
        let r = try CapsimProcess.run(["explore", Self.unsharded.file] + options, in: ws.url)
        #expect(r.status == 64, "\(options): \(r.stderr)")
        #expect(ws.files().isEmpty)
    }

    // MARK: capsim slurm

    static func slurm(_ ws: Workspace, _ arguments: [String], environment: [String: String]? = nil) throws -> CapsimProcess.Output {
        try CapsimProcess.run(["slurm", Self.unsharded.file, "--out", ws.path("run 1")] + arguments, environment: environment)
    }

    @Test func slurmWritesAJobArrayAndAMergeJobWithAbsolutePaths() throws {
        let ws = try Workspace()
        let r = try Self.slurm(ws, ["--shards", "5", "--"] + clusterOptions)
        #expect(r.status == 0, "\(r.stderr)")
        let dir = ws.path("run 1")
        let explore = try String(contentsOfFile: dir + "/explore.sbatch", encoding: .utf8)
        let merge = try String(contentsOfFile: dir + "/merge.sbatch", encoding: .utf8)
        let capsim = CapsimProcess.executable.resolvingSymlinksInPath().path
        #expect(explore.contains("#SBATCH --array=0-4\n"))
        #expect(explore.contains("capsim=\(capsim)\n") || explore.contains("capsim='\(capsim)'\n"), "\(explore)")
        #expect(explore.contains("scenario=\(Self.unsharded.file)\n") || explore.contains("scenario='\(Self.unsharded.file)'\n"))
        #expect(explore.contains("out='\(dir)'\n"))
        #expect(explore.contains(#"--shard "$SLURM_ARRAY_TASK_ID/5" --out "$out""#))
        #expect(explore.contains(#"--jobs "${SLURM_CPUS_PER_TASK:-1}" --set pools.p.unit.cost=90000000 --design-seed 11 --quantile 0.8"#))
        #expect(!explore.contains("--partition") && !explore.contains("--time") && !explore.contains("--cpus-per-task"))
        #expect(merge.contains(#"merge "$out" --json "$out/explore.json""#))
        #expect(r.stdout.contains("sbatch --parsable '\(dir)/explore.sbatch'"))
        #expect(r.stdout.contains("sbatch --dependency=afterok:JOBID '\(dir)/merge.sbatch'"))
    }

    @Test func slurmWritesTheSchedulerSettingsThatAreGiven() throws {
        let ws = try Workspace()
        let r = try Self.slurm(ws, ["--shards", "2", "--partition", "batch", "--time", "30:00", "--cpus-per-task", "4"])
        #expect(r.status == 0, "\(r.stderr)")
        let explore = try String(contentsOfFile: ws.path("run 1") + "/explore.sbatch", encoding: .utf8)
        #expect(explore.contains("#SBATCH --partition=batch\n#SBATCH --time=30:00\n#SBATCH --cpus-per-task=4\n"))
    }

    @Test(arguments: [["--shards", "3", "--", "--samples", "1"], ["--shards", "3", "--", "--jobs", "4"],
                      ["--shards", "3", "--", "--shard", "0/3"], ["--shards", "3", "--", "--set", "nowhere.x=1"],
                      ["--shards", "0"], ["--shards", "3", "--time", "1h"], ["--shards", "3", "--", "--bogus"]])
    func slurmRejectsBadOptionsBeforeWritingAnything(_ arguments: [String]) throws {
        let ws = try Workspace()
        let r = try Self.slurm(ws, arguments)
        #expect(r.status == 64, "\(arguments): \(r.stderr)")
        #expect(!ws.exists("run 1"))
    }

    @Test func slurmRejectsAnInvalidScenarioBeforeWritingAnything() throws {
        let ws = try Workspace()
        let file = try ws.write("bad.yaml", clusterStudy.replacingOccurrences(of: "max: 40%", with: "max: lots"))
        let r = try CapsimProcess.run(["slurm", file, "--shards", "2", "--out", ws.path("run 1")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.yaml:"))
        #expect(!ws.exists("run 1"))
    }

    @Test func slurmSubmitWithoutSbatchSaysSo() throws {
        let ws = try Workspace()
        let r = try Self.slurm(ws, ["--shards", "2", "--submit"], environment: ["PATH": ws.path("no-bin")])
        #expect(r.status == 69)
        #expect(r.stderr.contains("sbatch"), "\(r.stderr)")
        #expect(ws.exists("run 1/explore.sbatch"), "the scripts are written, to submit by hand")
    }
}
