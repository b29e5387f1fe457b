import ArgumentParser
import Foundation
import Planning
import Reporting
import Scenario

extension UncertaintySpec.Method: ExpressibleByArgument {}

struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan many futures drawn from the scenario's uncertainty block: budget percentiles, a robust plan, a tornado.",
        discussion: """
        Each sample is a whole plan with the scenario's simulation seed (common random numbers). Prints the P10/P50/P90 \
        of total and per-agency cost with 95% intervals, the robust plan at the quantile with its joint adequacy, \
        one-at-a-time sensitivity with Spearman rank correlations, purchase probabilities and a simulation-noise \
        check. Exit 2 when the robust plan cannot meet the targets within the bounds.

        With --shard I/N --out DIR, plans only the runs whose number is I modulo N and writes DIR/shard-I-of-N.json; \
        a complete file of the same study is kept (resume). capsim merge DIR combines the shards into exactly the \
        document explore --json writes; capsim slurm writes Slurm job arrays that do both.
        """)

    @Argument(help: "Scenario file (YAML) with an uncertainty: block.")
    var file: String
    @Option(help: "Samples (default: the block's samples, else 256).") var samples: Int?
    @Option(help: "Sampling method: lhs, sobol, random or grid (default: the block's, else lhs).") var method: UncertaintySpec.Method?
    @Option(help: "Share of futures the robust plan covers, in (0, 1) (default: the block's, else 0.9).") var quantile: Double?
    @Option(name: .customLong("design-seed"), help: "Seed of the sample design (default: the block's seed, else the scenario's).")
    var designSeed: UInt64?
    @Option(name: .customLong("noise-check"), help: "Samples planned again with another simulation seed (default: the block's, else 8).")
    var noiseCheck: Int?
    @Option(help: ArgumentHelp("Plan only shard I of N (from 0): the runs whose number is I modulo N; needs --out.", valueName: "I/N"))
    var shard: String?
    @Option(help: ArgumentHelp("Folder for the shard file shard-I-of-N.json (with --shard; created if needed).", valueName: "DIR"))
    var out: String?
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: JSONOutput

    func validate() throws {
        if let s = shard {
            do { _ = try ExploreShard(parsing: s) } catch { throw ValidationError("--shard \(error)") }
            if out == nil { throw ValidationError("--shard needs --out DIR, the folder for the shard file") }
            if output.json != nil { throw ValidationError("--shard writes a shard file, not the document; merge the shards with capsim merge DIR --json PATH") }
        } else if out != nil {
            throw ValidationError("--out is the folder of a shard file; give --shard I/N too (capsim report --out writes reports)")
        }
        if let n = samples, n < 2 { throw ValidationError("--samples must be at least 2") }
        if let q = quantile, !(q > 0 && q < 1) { throw ValidationError("--quantile must be between 0 and 1 (exclusive)") }
        if let m = noiseCheck, m < 0 { throw ValidationError("--noise-check must be >= 0") }
    }

    /// The study these options describe.
    func study() throws -> ExploreStudy {
        let source = try ScenarioSource.load(path: file)
        let options = ExploreStudy.Options(samples: samples, method: method, quantile: quantile, designSeed: designSeed,
                                           noiseCheck: noiseCheck, simulation: try simulation.overrides())
        return try ExploreStudy(source: source, overrides: simulation.what.overrides(), options: options)
    }

    func run() throws {
        try Failures.guarded {
            let study = try study()
            ScenarioFile.warn(study.scenario)
            try study.checkWork(limits: simulation.limits)
            if let text = shard, let directory = out {
                try runShard(study, try ExploreShard(parsing: text), directory: directory)
                return
            }
            let started = Date()
            let results = try study.execute(jobs: simulation.jobs, limits: simulation.limits,
                                            progress: Terminal.progressWithETA("plans", total: study.runs.count))
            let analysis = ExploreAnalysis(study: study, results: results)
            try output.emit(ExploreDocument.json(study, analysis))
            output.human(ExploreSummary.text(study, analysis)
                         + "\(study.runs.count) plans, wall time \(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s on \(simulation.jobs) thread(s)\n")
            if !analysis.robust.feasible { throw ExitCode(2) }
        }
    }

    /// Plans one shard into its file, unless a complete file of the same study is there.
    func runShard(_ study: ExploreStudy, _ shard: ExploreShard, directory: String) throws {
        let identity = ExploreIdentity(study)
        let path = ExploreShardRun.path(shard, in: directory)
        switch ExploreShardRun.existing(study, identity: identity, shard: shard, in: directory) {
        case .complete(let runs):
            Terminal.out("kept \(path): shard \(shard) of study \(identity.hash) is complete (\(runs) runs); not recomputed\n")
            return
        case .unusable(let reason):
            Terminal.error("capsim: warning: recomputing \(path): \(reason)")
        case .absent:
            break
        }
        let selected = study.runs(in: shard).count
        let started = Date()
        let written = try ExploreShardRun.compute(study, identity: identity, shard: shard, in: directory, jobs: simulation.jobs,
                                                  limits: simulation.limits,
                                                  progress: Terminal.progressWithETA("plans", total: selected))
        Terminal.out("wrote \(written.path): shard \(shard) of study \(identity.hash), \(written.runs) of \(study.runs.count) runs, "
                     + "wall time \(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s on \(simulation.jobs) thread(s)\n")
    }
}
