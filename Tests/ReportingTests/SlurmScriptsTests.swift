import Reporting
import Testing

@Suite("Slurm batch scripts")
struct SlurmScriptsTests {
    static let study = SlurmScripts.Study(
        capsim: "/opt/capsim/bin/capsim", scenario: "/home/planner/studies/national plan.yaml",
        directory: "/scratch/planner/run 7", shards: 12, runs: 280, name: "vn-national",
        exploreArguments: ["--set", "workloads.login.arrivals.growth=15%", "--samples", "256", "--design-seed", "7"])

    @Test func theArrayHasOneTaskPerShardRunningTheShardCommand() {
        let text = SlurmScripts.explore(Self.study, .init())
        #expect(text.hasPrefix("#!/bin/bash\n"))
        #expect(text.contains("\n#SBATCH --array=0-11\n"))
        #expect(text.contains("\ncapsim=/opt/capsim/bin/capsim\n"))
        #expect(text.contains("\nscenario='/home/planner/studies/national plan.yaml'\n"))
        #expect(text.contains("\nout='/scratch/planner/run 7'\n"))
        #expect(text.contains(#"exec "$capsim" explore "$scenario" --shard "$SLURM_ARRAY_TASK_ID/12" --out "$out" \"#))
        #expect(text.contains(#"--jobs "${SLURM_CPUS_PER_TASK:-1}" --set workloads.login.arrivals.growth=15% --samples 256 --design-seed 7"#))
        #expect(text.contains("#SBATCH --output=\"/scratch/planner/run 7/explore-%A_%a.out\"\n"))
        #expect(text.contains("#SBATCH --error=\"/scratch/planner/run 7/explore-%A_%a.err\"\n"))
    }

    @Test func siteDefaultsApplyUnlessASettingIsGiven() {
        let plain = SlurmScripts.explore(Self.study, .init()) + SlurmScripts.merge(Self.study, .init())
        #expect(!plain.contains("--partition"))
        #expect(!plain.contains("--time"))
        #expect(!plain.contains("--cpus-per-task"))
        let given = SlurmScripts.Resources(partition: "long", time: "2-00:00:00", cpusPerTask: 8)
        let explore = SlurmScripts.explore(Self.study, given)
        #expect(explore.contains("\n#SBATCH --partition=long\n#SBATCH --time=2-00:00:00\n#SBATCH --cpus-per-task=8\n"))
        let merge = SlurmScripts.merge(Self.study, given)
        #expect(merge.contains("\n#SBATCH --partition=long\n#SBATCH --time=2-00:00:00\n"))
        #expect(!merge.contains("--cpus-per-task"), "the merge is one thread")
    }

    @Test func theMergeJobWritesExploreJsonIntoTheFolder() {
        let text = SlurmScripts.merge(Self.study, .init())
        #expect(text.contains("\nout='/scratch/planner/run 7'\n"))
        #expect(text.contains(#"exec "$capsim" merge "$out" --json "$out/explore.json""#))
        #expect(text.contains("#SBATCH --kill-on-invalid-dep=yes"))
        #expect(!text.contains("--array"))
    }

    @Test func argumentsAreQuotedForBash() {
        #expect(SlurmScripts.shellQuoted("pools.eauth.servers=9") == "pools.eauth.servers=9")
        #expect(SlurmScripts.shellQuoted("a b") == "'a b'")
        #expect(SlurmScripts.shellQuoted("it's") == #"'it'\''s'"#)
        #expect(SlurmScripts.shellQuoted("$HOME") == "'$HOME'")
        #expect(SlurmScripts.shellQuoted("{dist: exponential, mean: 2s}") == "'{dist: exponential, mean: 2s}'")
        #expect(SlurmScripts.shellQuoted("") == "''")
        #expect(SlurmScripts.shellQuoted("đường") == "'đường'")
    }

    @Test func aPercentSignInTheFolderIsNotAnSbatchPattern() {
        var s = Self.study
        s.directory = "/scratch/100%"
        #expect(SlurmScripts.explore(s, .init()).contains("#SBATCH --output=/scratch/100%%/explore-%A_%a.out\n"))
        #expect(SlurmScripts.fitsSbatchLine("/scratch/a b"))
        #expect(!SlurmScripts.fitsSbatchLine("/scratch/a\"b"))
        #expect(!SlurmScripts.fitsSbatchLine("/scratch/a\nb"))
    }
}
