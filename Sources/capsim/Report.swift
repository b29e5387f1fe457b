import ArgumentParser
import Foundation
import Planning
import Reporting
import Scenario

extension ReportLanguage: ExpressibleByArgument {}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan the scenario and write an investment-proposal report (HTML, Markdown, CSV) into a folder.",
        discussion: """
        Writes DIR/index.html (one self-contained page: inline CSS and charts, prints on A4), DIR/report.md, \
        and CSV tables: procurement.csv (one row per plan item), capacity.csv, pools.csv, links.csv, limiters.csv, \
        workloads.csv, targets.csv and assumptions.csv. When the scenario has events, the last plan year is also \
        simulated with time series on its planned capacity: the report charts it and writes series.csv. \
        Exits with 2 after writing the report when the plan is infeasible.
        """)

    @Argument(help: "Scenario file (YAML).")
    var file: String
    @Option(name: .long, help: ArgumentHelp("Folder for the report files (created if missing).", valueName: "DIR"))
    var out: String
    @Option(name: .long, help: ArgumentHelp("Language of index.html and report.md: en or vi.", valueName: "en|vi"))
    var lang: ReportLanguage = .en
    @OptionGroup var simulation: SimulationOptions

    func validate() throws {
        if simulation.year != nil { throw ValidationError("report plans every year of the horizon; --year is for run and size") }
    }

    func run() throws {
        try Failures.guarded {
            let scenario = try ScenarioLoader.load(path: file)
            let started = Date()
            let years = scenario.horizon.years.count
            let progress = Terminal.progress("years sized", total: years).map { p in { @Sendable (done: Int, _: Int) in p(done) } }
            let plan = try PlanStudy.run(scenario, try simulation.overrides(), jobs: simulation.jobs, progress: progress)
            let eventSeries = try RunStudy.eventSeries(scenario, plan: plan, jobs: simulation.jobs)
            let paths = try ReportBundle.write(plan: plan, scenario: scenario, to: out, language: lang, eventSeries: eventSeries)
            Terminal.out(paths.map { $0 + "\n" }.joined())
            Terminal.error("capsim report: \(plan.simulations) simulations, wall time \(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s")
            if !plan.feasible {
                Terminal.error("capsim report: the plan is infeasible: no configuration within the bounds meets every target in "
                               + plan.capacity.filter { !$0.feasible }.map { String($0.year) }.joined(separator: ", "))
                throw ExitCode(2)
            }
        }
    }
}
