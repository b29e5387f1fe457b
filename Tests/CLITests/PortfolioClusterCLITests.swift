import Foundation
import Testing

/// Options every portfolio run of these tests passes (shorter simulations than the fixture's own; they must reach
/// every shard and be part of the portfolio's identity).
let portfolioOptions = ["--duration", "3m", "--replications", "2"]

@Suite("portfolio plans in shards, merged, and on Slurm")
struct PortfolioClusterCLITests {
    /// A copy of Tests/Data/portfolio (a listed member and two generated from a table) in a temporary folder, and
    /// its unsharded document with 2 threads, computed once.
    static let unsharded: (workspace: Workspace, file: String, json: String, summary: String) = {
        let ws = try! Workspace()
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/portfolio")
        for name in try! FileManager.default.contentsOfDirectory(atPath: data.path) {
            try! FileManager.default.copyItem(at: data.appendingPathComponent(name), to: ws.url.appendingPathComponent(name))
        }
        let file = ws.path("portfolio.yaml")
        let r = try! CapsimProcess.run(["portfolio", "plan", file, "--json", "-", "--jobs", "2"] + portfolioOptions)
        precondition(r.status == 0, r.stderr)
        // The summary without its last line (the wall time).
        let summary = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n") + "\n"
        return (ws, file, r.stdout, summary)
    }()

    static func shard(_ i: Int, _ n: Int, out: String, jobs: Int = 1, options: [String] = portfolioOptions) throws -> CapsimProcess.Output {
        try CapsimProcess.run(["portfolio", "plan", unsharded.file, "--shard", "\(i)/\(n)", "--out", out, "--jobs", String(jobs)] + options)
    }

    @Test(arguments: [1, 2, 3])
    func mergedPortfolioShardsAreByteIdenticalToTheUnshardedDocument(shards n: Int) throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        for i in 0..<n {
            // Threads per shard vary: results must not depend on them.
            let r = try Self.shard(i, n, out: out, jobs: 2 - i % 2)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("wrote \(out)/shard-\(i)-of-\(n).json"), "\(r.stdout)")
        }
        let merged = try CapsimProcess.run(["merge", out, "--json", "-"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == Self.unsharded.json)
        #expect(merged.stderr.hasPrefix(Self.unsharded.summary), "the human summary is the unsharded one: \(merged.stderr)")
        #expect(merged.stderr.contains("3 member plans merged from \(n) shard file(s) of portfolio fnv1a64:"))
    }

    @Test func theUnshardedPortfolioDocumentDoesNotDependOnThreads() throws {
        let r = try CapsimProcess.run(["portfolio", "plan", Self.unsharded.file, "--json", "-", "--jobs", "1"] + portfolioOptions)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Self.unsharded.json)
    }

    @Test func portfolioMergeExits66NamingEveryMissingShard() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(1, 3, out: out).status == 0)
        let r = try CapsimProcess.run(["merge", out, "--json", ws.path("portfolio.json")])
        #expect(r.status == 66)
        for i in [0, 2] { #expect(r.stderr.contains("\(out)/shard-\(i)-of-3.json"), "\(r.stderr)") }
        #expect(!r.stderr.contains("shard-1-of-3.json"))
        #expect(r.stderr.contains("capsim portfolio plan FILE --shard I/3"), "\(r.stderr)")
        #expect(!ws.exists("portfolio.json"))
    }

    @Test func portfolioMergeExits65OnShardsPlannedWithOtherOptions() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(0, 2, out: out).status == 0)
        #expect(try Self.shard(1, 2, out: out, options: portfolioOptions + ["--seed", "5"]).status == 0)
        let r = try CapsimProcess.run(["merge", out, "--json", ws.path("portfolio.json")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(out)/shard-0-of-2.json") && r.stderr.contains("\(out)/shard-1-of-2.json"), "\(r.stderr)")
        #expect(r.stderr.contains("portfolio hashes"))
        #expect(!ws.exists("portfolio.json"))
    }

    @Test func portfolioMergeExits65OnAShardOfAnotherPortfolio() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(0, 2, out: out).status == 0)
        // Another portfolio: the same members, one more row in the table.
        let other = try Workspace()
        for name in ["central.yaml", "province.yaml", "portfolio.yaml"] {
            try FileManager.default.copyItem(atPath: Self.unsharded.workspace.path(name), toPath: other.path(name))
        }
        try other.write("provinces.csv", "id,name,rate\nnorth,Northern Province,3\nsouth,\"Southern, Province\",5\neast,Eastern Province,2\n")
        let r1 = try CapsimProcess.run(["portfolio", "plan", other.path("portfolio.yaml"), "--shard", "1/2", "--out", out] + portfolioOptions)
        #expect(r1.status == 0, "\(r1.stderr)")
        let r = try CapsimProcess.run(["merge", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("portfolio hashes"), "\(r.stderr)")
    }

    @Test func aPortfolioShardFileUnderAnotherShardsNameIsRefused() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        for i in 0..<2 { #expect(try Self.shard(i, 2, out: out).status == 0) }
        try FileManager.default.removeItem(atPath: out + "/shard-0-of-2.json")
        try FileManager.default.copyItem(atPath: out + "/shard-1-of-2.json", toPath: out + "/shard-0-of-2.json")
        let r = try CapsimProcess.run(["merge", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(out)/shard-0-of-2.json: error: the shard file holds shard 1/2, not 0/2"), "\(r.stderr)")
    }

    @Test func portfolioAndExploreShardsInOneFolderExit65() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(0, 2, out: out).status == 0)
        let explore = try CapsimProcess.run(["explore", ClusterCLITests.unsharded.file, "--shard", "1/2", "--out", out] + clusterOptions)
        #expect(explore.status == 0, "\(explore.stderr)")
        let r = try CapsimProcess.run(["merge", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("kinds of study differ"), "\(r.stderr)")
    }

    @Test func aCompletePortfolioShardIsKeptNotRecomputed() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(2, 3, out: out).status == 0)
        let path = out + "/shard-2-of-3.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let again = try Self.shard(2, 3, out: out, jobs: 2)
        #expect(again.status == 0)
        #expect(again.stdout.contains("kept \(path)") && again.stdout.contains("not recomputed"), "\(again.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aPortfolioShardPlannedWithOtherOptionsIsRecomputed() throws {
        let ws = try Workspace()
        let out = ws.path("shards")
        #expect(try Self.shard(2, 3, out: out, options: portfolioOptions + ["--seed", "9"]).status == 0)
        let r = try Self.shard(2, 3, out: out)
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: recomputing") && r.stderr.contains("another portfolio or other options"), "\(r.stderr)")
        #expect(r.stdout.contains("wrote"))
    }

    @Test(arguments: [["--shard", "0/2"], ["--out", "x"], ["--shard", "0/2", "--out", "x", "--json", "-"], ["--shard", "3/3", "--out", "x"],
                      ["--set", "pools.app.servers=2"]])
    func portfolioPlanShardOptionsAreCheckedBeforeAnythingRuns(_ options: [String]) throws {
        let ws = try Workspace()
        let r = try CapsimProcess.run(["portfolio", "plan", Self.unsharded.file] + options, in: ws.url)
        #expect(r.status == 64, "\(options): \(r.stderr)")
        #expect(ws.files().isEmpty)
    }

    @Test func portfolioExploreIsNotShardedAndSaysSo() throws {
        let ws = try Workspace()
        let r = try CapsimProcess.run(["portfolio", "explore", Self.unsharded.file, "--shard", "0/2"], in: ws.url)
        #expect(r.status == 64)
        #expect(r.stderr.contains("not sharded") && r.stderr.contains("capsim explore MEMBER.yaml --shard"), "\(r.stderr)")
    }

    // MARK: capsim slurm on a portfolio

    @Test func slurmOnAPortfolioWritesAPlanArrayAndAMergeJob() throws {
        let ws = try Workspace()
        let dir = ws.path("run 1")
        let r = try CapsimProcess.run(["slurm", Self.unsharded.file, "--shards", "2", "--out", dir, "--cpus-per-task", "2", "--"] + portfolioOptions)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("job array 0-1, 2 shard(s) of the portfolio's 3 members (up to 2 each)"), "\(r.stdout)")
        let plan = try String(contentsOfFile: dir + "/plan.sbatch", encoding: .utf8)
        let merge = try String(contentsOfFile: dir + "/merge.sbatch", encoding: .utf8)
        #expect(plan.contains("#SBATCH --array=0-1\n"))
        #expect(plan.contains("#SBATCH --cpus-per-task=2\n"))
        #expect(plan.contains("portfolio=\(Self.unsharded.file)\n") || plan.contains("portfolio='\(Self.unsharded.file)'\n"), "\(plan)")
        #expect(plan.contains(#"portfolio plan "$portfolio" --shard "$SLURM_ARRAY_TASK_ID/2" --out "$out""#))
        #expect(plan.contains(#"--jobs "${SLURM_CPUS_PER_TASK:-1}" --duration 3m --replications 2"#), "\(plan)")
        #expect(merge.contains(#"merge "$out" --json "$out/portfolio.json""#))
        #expect(!ws.exists("run 1/explore.sbatch"))
        #expect(r.stdout.contains("sbatch --parsable '\(dir)/plan.sbatch'"))
    }

    @Test(arguments: [["--", "--samples", "8"], ["--", "--set", "pools.app.servers=2"], ["--", "--shard", "0/2"], ["--", "--json", "x"]])
    func slurmOnAPortfolioRejectsOptionsItsPlanDoesNotTake(_ arguments: [String]) throws {
        let ws = try Workspace()
        let r = try CapsimProcess.run(["slurm", Self.unsharded.file, "--shards", "2", "--out", ws.path("run 1")] + arguments)
        #expect(r.status == 64, "\(arguments): \(r.stderr)")
        #expect(!ws.exists("run 1"))
        if arguments.contains("--samples") { #expect(r.stderr.contains("explore option"), "\(r.stderr)") }
    }
}
