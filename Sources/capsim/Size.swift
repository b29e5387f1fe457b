import ArgumentParser
import Foundation
import Planning
import Reporting
import Scenario

struct Size: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the smallest servers per pool, bandwidth per link and rate per limiter that meet every target in one year.",
        discussion: "Exit status 2 when no configuration within max_servers / max_bandwidth / max_rate meets the targets.")

    @Argument(help: "Scenario file (YAML).")
    var file: String
    @OptionGroup var year: YearOption
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: JSONOutput

    func run() throws {
        try Failures.guarded {
            let scenario = try ScenarioFile.load(file, overrides: simulation.what.overrides())
            let started = Date()
            let report = try SizeStudy.run(scenario, try simulation.overrides(year: year.year), jobs: simulation.jobs,
                                           limits: simulation.limits)
            try output.emit(PlanDocument.size(report))
            output.human(PlanSummary.size(report) + "wall time \(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s\n")
            if !report.outcome.feasible { throw ExitCode(2) }
        }
    }
}
