import ArgumentParser
import Foundation
import Planning
import Reporting
import Scenario

/// `capsim portfolio validate|plan|report|explore PORTFOLIO.yaml`: many scenarios planned together.
struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Plan many scenarios together (listed files and members generated from a template and a table) and consolidate per agency.",
        subcommands: [Validate.self, Plan.self, Report.self, Explore.self])

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read the portfolio and check every member; print 'MEMBER: ok' for each.")
        @Argument(help: "Portfolio file (YAML).") var file: String

        func run() throws {
            try Failures.guarded {
                let portfolio = try PortfolioLoader.load(path: file)
                for m in portfolio.members {
                    for w in try ScenarioCheck.warnings(m.scenario) { Terminal.error("\(m.id): warning: \(w)") }
                    Terminal.out("\(m.id): ok (\(m.origin))\n")
                }
                Terminal.out("\(file): ok, \(portfolio.members.count) members\n")
            }
        }
    }

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan every member and consolidate per agency and year.",
            discussion: "Members are planned in parallel (--jobs), each on one thread; the result does not depend on --jobs. Exit 2 when a member has no feasible plan.")
        @Argument(help: "Portfolio file (YAML).") var file: String
        @OptionGroup var simulation: SimulationOptions
        @OptionGroup var output: JSONOutput

        func run() throws {
            try Failures.guarded {
                let portfolio = try PortfolioLoader.load(path: file)
                let started = Date()
                let (plan, _) = try PortfolioStudy.plan(portfolio, try simulation.overrides(), jobs: simulation.jobs, limits: simulation.limits,
                                                        progress: Terminal.progressWithETA("members planned", total: portfolio.members.count))
                try output.emit(PortfolioDocument.json(plan))
                output.human(PortfolioDocument.summary(plan) + "wall time \(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s on \(simulation.jobs) thread(s)\n")
                if !plan.feasible { throw ExitCode(2) }
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan the portfolio and write the consolidated report with each member's report beside it.",
            discussion: "Writes DIR/index.html, DIR/report.md, DIR/portfolio-agencies.csv, DIR/portfolio-members.csv and DIR/members/ID/ (each member's full report).")
        @Argument(help: "Portfolio file (YAML).") var file: String
        @Option(name: .long, help: ArgumentHelp("Folder for the report files (created if missing).", valueName: "DIR")) var out: String
        @Option(name: .long, help: ArgumentHelp("Language: en or vi.", valueName: "en|vi")) var lang: ReportLanguage = .en
        @OptionGroup var simulation: SimulationOptions

        func run() throws {
            try Failures.guarded {
                try OutputFolder.check(out)
                let portfolio = try PortfolioLoader.load(path: file)
                let (plan, plans) = try PortfolioStudy.plan(portfolio, try simulation.overrides(), jobs: simulation.jobs, limits: simulation.limits,
                                                            progress: Terminal.progressWithETA("members planned", total: portfolio.members.count))
                let paths = try PortfolioReport.write(plan, memberPlans: plans, portfolio: portfolio, to: out, language: lang)
                Terminal.out("\(out)/index.html and \(paths.count - 1) more files\n")
                if !plan.feasible { throw ExitCode(2) }
            }
        }
    }

    struct Explore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the uncertainty study of every member that has an uncertainty: block and list their budget percentiles.",
            discussion: "Percentiles of members do not add up: the table lists each member's own study. With --out DIR, writes DIR/ID.json for each study.")
        @Argument(help: "Portfolio file (YAML).") var file: String
        @Option(help: "Samples of each study (default: each member's).") var samples: Int?
        @Option(name: .long, help: ArgumentHelp("Folder for each member's explore document.", valueName: "DIR")) var out: String?
        @OptionGroup var simulation: SimulationOptions

        func run() throws {
            try Failures.guarded {
                let portfolio = try PortfolioLoader.load(path: file)
                if let out { try OutputFolder.check(out); try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
                var table = TextTable(title: "Budget percentiles of each member's own study", header: ["member", "samples", "P10", "P50", "P90", "robust plan"],
                                      rightAligned: [1, 2, 3, 4, 5])
                var studied = 0
                for m in portfolio.members where m.scenario.uncertainty != nil {
                    let study = try ExploreStudy(source: m.source, overrides: m.overrides,
                                                 options: ExploreStudy.Options(samples: samples, simulation: try simulation.overrides()))
                    let results = try study.execute(jobs: simulation.jobs, progress: Terminal.progressWithETA("\(m.id) plans", total: study.runs.count))
                    let analysis = ExploreAnalysis(study: study, results: results)
                    if let out { try AtomicFile.write(ExploreDocument.json(study, analysis).rendered(), to: "\(out)/\(m.id).json") }
                    let L = ReportLanguage.en
                    table.add([m.id, String(study.spec.samples), L.grouped(analysis.total.p10), L.grouped(analysis.total.p50),
                               L.grouped(analysis.total.p90), L.grouped(analysis.robust.totalCost)])
                    studied += 1
                }
                if studied == 0 {
                    Terminal.out("No member of \(file) has an uncertainty: block; nothing to explore.\n")
                } else {
                    Terminal.out(table.rendered() + "Percentiles of different members do not add up.\n")
                }
            }
        }
    }
}
