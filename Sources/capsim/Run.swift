import ArgumentParser
import Foundation
import Planning
import Reporting
import Scenario

/// `--year`: for the commands that simulate or size one year (run, size); plan, report and explore size every year.
struct YearOption: ParsableArguments {
    @Option(help: "Simulate this year's load, within the scenario's horizon (default: the base year).")
    var year: Int?
}

/// Options shared by commands that simulate.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Random seed (default: the scenario's seed).")
    var seed: UInt64?
    @Option(help: "Independent replications (default: the scenario's).")
    var replications: Int?
    @Option(help: ArgumentHelp("Measured simulated time per replication, e.g. 2h or 30m.", valueName: "D"))
    var duration: String?
    @Option(help: "Threads for replications (default: the number of cores). Results do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var what: WhatIfOptions
    @Flag(help: "Run even when the estimated events exceed the work limits (10⁹ per simulation, 10¹⁰ per study or plan of a study, 10¹¹ per uncertainty study); see README 'Limits and safety'.")
    var allowLong = false

    /// The limits in force.
    var limits: RunLimits { RunLimits.standard.allowingLong(allowLong) }

    func validate() throws {
        if let r = replications, r < 1 { throw ValidationError("--replications must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let d = duration, (try? Units.duration(d)) == nil { throw ValidationError("--duration '\(d)' is not a duration; expected e.g. 2h, 30m, 900s") }
    }

    /// The options as overrides of the scenario; `year` from `YearOption` where the command has it.
    func overrides(year: Int? = nil) throws -> RunStudy.Overrides {
        RunStudy.Overrides(year: year, seed: seed, replications: replications, duration: try duration.map { try Units.duration($0) })
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Simulate the installed infrastructure under one year's load.")

    @Argument(help: "Scenario file (YAML).")
    var file: String
    @OptionGroup var year: YearOption
    @OptionGroup var simulation: SimulationOptions
    @Option(help: ArgumentHelp("Add time series per interval of measured time to the JSON results (and recovery times after events), e.g. 10s or 1m.",
                               valueName: "INTERVAL"))
    var series: String?
    @OptionGroup var output: JSONOutput

    func validate() throws {
        if let s = series, !((try? Units.duration(s)).map { $0 > 0 } ?? false) {
            throw ValidationError("--series '\(s)' is not a duration > 0; expected e.g. 10s, 1m")
        }
    }

    func run() throws {
        try Failures.guarded {
            let scenario = try ScenarioFile.load(file, overrides: simulation.what.overrides())
            let overrides = try simulation.overrides(year: year.year)
            let year = overrides.year ?? scenario.horizon.baseYear
            let replications = overrides.replications ?? scenario.simulation.replications
            let interval = try series.map { try Units.duration($0) }
            if let interval {
                let duration = overrides.duration ?? scenario.simulation.duration
                do { try RunStudy.checkSeriesInterval(interval, duration: duration) } catch { throw ValidationError("--series: \(error)") }
            }
            let started = Date()
            let results = try RunStudy.run(scenario, overrides, jobs: simulation.jobs, series: interval,
                                           progress: Terminal.progress("replications", total: replications),
                                           limits: simulation.limits)
            let seconds = Date().timeIntervalSince(started)
            let window = SimulationWindow(scenario, overrides)
            try output.emit(ResultsDocument.json(results, year: year, overrides: scenario.overrides, window: window))
            output.human(RunSummary.text(results, year: year, window: window)
                + "\(results.events) events in \(NumberFormat.fixed(seconds, 2)) s wall time on \(simulation.jobs) thread(s)\n")
        }
    }
}
