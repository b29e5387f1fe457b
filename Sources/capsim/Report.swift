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
        and CSV tables (UTF-8 with a byte order mark, for spreadsheets): procurement.csv (one row per plan item), \
        costs.csv (investment and running costs per agency and year), capacity.csv, energy.csv, pools.csv, links.csv, \
        limiters.csv, workloads.csv, targets.csv and assumptions.csv. When the scenario has events, the last plan year \
        is also simulated with time series on its planned capacity: the report charts it and writes series.csv. When \
        the scenario has an uncertainty: block, the report adds an uncertainty section (budget percentiles, cost fan \
        chart, tornado, purchase probabilities, robust plan) and explore-runs.csv and sensitivity.csv: the study runs \
        first (it takes minutes, and like capsim explore it is refused beyond the work limits without --allow-long), or comes from a finished explore document (--explore). Exits with 2 after writing \
        the report when the plan is infeasible.
        """)

    @Argument(help: "Scenario file (YAML).")
    var file: String
    @Option(name: .long, help: ArgumentHelp("Folder for the report files (created if missing).", valueName: "DIR"))
    var out: String
    @Option(name: .long, help: ArgumentHelp("Language of index.html and report.md: en or vi.", valueName: "en|vi"))
    var lang: ReportLanguage = .en
    @Option(name: .long, help: ArgumentHelp("Take the uncertainty section from this explore document (capsim explore --json or capsim merge) instead of running the study.", valueName: "EXPLORE.json"))
    var explore: String?
    @Flag(name: .customLong("no-explore"), help: "Leave out the uncertainty section even when the scenario has an uncertainty: block.")
    var noExplore = false
    @Option(help: "Samples of the uncertainty study (default: the scenario's).") var samples: Int?
    @OptionGroup var simulation: SimulationOptions

    func validate() throws {
        if noExplore && explore != nil { throw ValidationError("--explore and --no-explore exclude each other") }
        if let n = samples, n < 2 { throw ValidationError("--samples must be at least 2") }
    }

    func run() throws {
        try Failures.guarded {
            try OutputFolder.check(out)
            let source = try ScenarioSource.load(path: file)
            let overrides = try simulation.what.overrides()
            let scenario = try ScenarioFile.decode(source, overrides: overrides)
            let started = Date()
            // The uncertainty section's source is settled before anything is planned: a bad --explore document or a
            // study beyond the work limits (as `capsim explore` checks it) stops the report at once.
            var uncertainty: UncertaintyView?
            var study: ExploreStudy?
            if let path = explore {
                let doc = try DocumentComparison.load(path: path)
                uncertainty = try UncertaintyView(document: doc, path: path)
                if uncertainty?.scenario != scenario.name {
                    throw UncertaintyView.Failure(path: path, reason: "it studies scenario '\(uncertainty?.scenario ?? "")', not '\(scenario.name)'")
                }
            } else if scenario.uncertainty != nil, !noExplore {
                let s = try ExploreStudy(source: source, overrides: overrides,
                                         options: ExploreStudy.Options(samples: samples, simulation: try simulation.overrides()))
                try s.checkWork(limits: simulation.limits)
                study = s
            }
            let years = scenario.horizon.yearCount
            let progress = Terminal.progress("years sized", total: years).map { p in { @Sendable (done: Int, _: Int) in p(done) } }
            let plan = try PlanStudy.run(scenario, try simulation.overrides(), jobs: simulation.jobs, progress: progress,
                                         limits: simulation.limits)
            if let study {
                Terminal.error("capsim report: uncertainty study of \(study.runs.count) plans (--no-explore to skip, --explore FILE to reuse one)")
                let results = try study.execute(jobs: simulation.jobs, limits: simulation.limits,
                                                progress: Terminal.progressWithETA("plans", total: study.runs.count))
                uncertainty = try UncertaintyView(document: ExploreDocument.json(study, ExploreAnalysis(study: study, results: results)))
            }
            let eventSeries = try RunStudy.eventSeries(scenario, plan: plan, jobs: simulation.jobs)
            let paths = try ReportBundle.write(plan: plan, scenario: scenario, to: out, language: lang, uncertainty: uncertainty,
                                               eventSeries: eventSeries)
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

/// The report's output folder, checked before any planning: it must be a folder or creatable.
enum OutputFolder {
    static func check(_ path: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw AtomicFile.Failure.cannotCreate(path: path, reason: "'\(path)' exists and is not a folder")
            }
            guard fm.isWritableFile(atPath: path) else {
                throw AtomicFile.Failure.cannotCreate(path: path, reason: "the folder '\(path)' is not writable")
            }
            return
        }
        // The nearest existing parent must be a writable folder.
        var parent = ParentFolder.of(path)
        if parent.isEmpty { parent = "." }
        while !fm.fileExists(atPath: parent, isDirectory: &isDirectory) {
            var up = ParentFolder.of(parent)
            if up.isEmpty { up = "." }
            if up == parent { break }
            parent = up
        }
        guard fm.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue, fm.isWritableFile(atPath: parent) else {
            throw AtomicFile.Failure.cannotCreate(path: path, reason: "cannot create the folder '\(path)': '\(parent)' is not a writable folder")
        }
    }
}
