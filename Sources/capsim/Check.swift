import ArgumentParser
import Foundation
import Planning
import Reporting
import Scenario

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rerun a scenario with a baseline's seed and replications and fail on metrics that regressed.",
        discussion: """
        A metric regresses when it moved in the worse direction by more than sqrt(h_old² + h_new²), where h are \
        the two 95% confidence half-widths, or when a target met in the baseline is no longer met. Exit 1 on regression.
        """)

    @Argument(help: "Scenario file (YAML).")
    var file: String
    @Option(help: ArgumentHelp("Results document written earlier by capsim run --json.", valueName: "RESULTS.json"))
    var baseline: String
    @Option(help: "Threads for replications (results do not depend on it).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var what: WhatIfOptions
    @Flag(help: "Run even when the estimated events exceed the work limit (10⁹ per simulation).")
    var allowLong = false
    @OptionGroup var output: JSONOutput

    func run() throws {
        try Failures.guarded {
            let base = try BaselineDocument.load(path: baseline)
            // The baseline's own overrides first, so the rerun is the baseline's scenario; then the new ones.
            let scenario = try ScenarioFile.load(file, overrides: base.overrides + what.overrides())
            let overrides = RunStudy.Overrides(year: base.year, seed: base.seed, replications: base.replications,
                                               duration: base.duration, givenBy: "baseline \(baseline)")
            let results = try RunStudy.run(scenario, overrides, jobs: jobs, limits: RunLimits.standard.allowingLong(allowLong))
            let current = ResultsDocument.json(results, year: base.year ?? scenario.horizon.baseYear, overrides: scenario.overrides)
            let outcome = RegressionCheck.compare(baseline: base.json, current: current)
            try output.emit(RegressionCheck.json(outcome))
            output.human(RegressionCheck.table(outcome))
            if !outcome.passed { throw ExitCode(1) }
        }
    }
}
