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
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: JSONOutput

    func validate() throws {
        if let n = samples, n < 2 { throw ValidationError("--samples must be at least 2") }
        if let q = quantile, !(q > 0 && q < 1) { throw ValidationError("--quantile must be between 0 and 1 (exclusive)") }
        if let m = noiseCheck, m < 0 { throw ValidationError("--noise-check must be >= 0") }
    }

    func run() throws {
        try Failures.guarded {
            let source = try ScenarioSource.load(path: file)
            ScenarioFile.warn(try source.scenario(overrides: simulation.what.overrides()))
            let options = ExploreStudy.Options(samples: samples, method: method, quantile: quantile, designSeed: designSeed,
                                               noiseCheck: noiseCheck, simulation: try simulation.overrides())
            let study = try ExploreStudy(source: source, overrides: simulation.what.overrides(), options: options)
            let started = Date()
            let results = try study.execute(jobs: simulation.jobs, progress: Terminal.progressWithETA("plans", total: study.runs.count))
            let analysis = ExploreAnalysis(study: study, results: results)
            try output.emit(ExploreDocument.json(study, analysis))
            output.human(ExploreSummary.text(study, analysis)
                         + "\(study.runs.count) plans, wall time \(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s on \(simulation.jobs) thread(s)\n")
            if !analysis.robust.feasible { throw ExitCode(2) }
        }
    }
}
