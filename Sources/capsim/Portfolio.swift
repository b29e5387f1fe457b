import ArgumentParser
import Foundation
import Planning
import Reporting
import Scenario

/// `capsim portfolio validate|plan|report|explore PORTFOLIO.yaml`: many scenarios planned together.
struct PortfolioCommand: ParsableCommand {
    /// `--set` changes one scenario; a portfolio sets values per member in its file (`set:`), so it is refused
    /// rather than ignored.
    static func rejectSet(_ simulation: SimulationOptions) throws {
        if let first = simulation.what.assignments.first {
            throw ValidationError("--set \(first): portfolio commands do not take --set; set values for a member with set: in the portfolio file (members or generate)")
        }
    }

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
            discussion: """
            Members are planned in parallel (--jobs), each on one thread; the result does not depend on --jobs. Exit 2 \
            when a member has no feasible plan.

            With --shard I/N --out DIR, plans only the members whose position (from 0, in member order) is I modulo N \
            and writes their plans to DIR/shard-I-of-N.json; a complete file of the same portfolio and options is kept \
            (resume). capsim merge DIR consolidates the shards into exactly the document portfolio plan --json writes; \
            capsim slurm PORTFOLIO writes Slurm job arrays that do both.
            """)
        @Argument(help: "Portfolio file (YAML).") var file: String
        @Option(help: ArgumentHelp("Plan only shard I of N (from 0): the members whose position is I modulo N; needs --out.", valueName: "I/N"))
        var shard: String?
        @Option(help: ArgumentHelp("Folder for the shard file shard-I-of-N.json (with --shard; created if needed).", valueName: "DIR"))
        var out: String?
        @OptionGroup var simulation: SimulationOptions
        @OptionGroup var output: JSONOutput

        func validate() throws {
            try PortfolioCommand.rejectSet(simulation)
            if let s = shard {
                do { _ = try ExploreShard(parsing: s) } catch { throw ValidationError("--shard \(error)") }
                if out == nil { throw ValidationError("--shard needs --out DIR, the folder for the shard file") }
                if output.json != nil { throw ValidationError("--shard writes a shard file, not the document; merge the shards with capsim merge DIR --json PATH") }
            } else if out != nil {
                throw ValidationError("--out is the folder of a shard file; give --shard I/N too (capsim portfolio report --out writes reports)")
            }
        }

        func run() throws {
            try Failures.guarded {
                let portfolio = try PortfolioLoader.load(path: file)
                let overrides = try simulation.overrides()
                if let text = shard, let directory = out {
                    try runShard(portfolio, overrides, try ExploreShard(parsing: text), directory: directory)
                    return
                }
                let started = Date()
                let (plan, _) = try PortfolioStudy.plan(portfolio, overrides, jobs: simulation.jobs, limits: simulation.limits,
                                                        progress: Terminal.progressWithETA("members planned", total: portfolio.members.count))
                try output.emit(PortfolioDocument.json(plan))
                output.human(PortfolioDocument.summary(plan) + "wall time \(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s on \(simulation.jobs) thread(s)\n")
                if !plan.feasible { throw ExitCode(2) }
            }
        }

        /// Plans one shard's members into its file, unless a complete file of the same portfolio is there. Exits 0
        /// when a member has no feasible plan (the merge exits 2), so that a Slurm merge job still runs.
        func runShard(_ portfolio: Portfolio, _ overrides: RunStudy.Overrides, _ shard: ExploreShard, directory: String) throws {
            let identity = PortfolioIdentity(portfolio, overrides)
            let path = ExploreShardRun.path(shard, in: directory)
            switch PortfolioShardRun.existing(identity, shard: shard, in: directory) {
            case .complete(let members):
                Terminal.out("kept \(path): shard \(shard) of portfolio \(identity.hash) is complete (\(members) member plan(s)); not recomputed\n")
                return
            case .unusable(let reason):
                Terminal.error("capsim: warning: recomputing \(path): \(reason)")
            case .absent:
                break
            }
            let selected = PortfolioShardFile.indices(shard, members: portfolio.members.count).count
            let started = Date()
            let written = try PortfolioShardRun.compute(portfolio, overrides, identity: identity, shard: shard, in: directory,
                                                        jobs: simulation.jobs, limits: simulation.limits,
                                                        progress: Terminal.progressWithETA("members planned", total: selected))
            Terminal.out("wrote \(written.path): shard \(shard) of portfolio \(identity.hash), \(written.summaries.count) of \(portfolio.members.count) members, "
                         + "wall time \(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s on \(simulation.jobs) thread(s)\n")
            let infeasible = written.summaries.filter { !$0.feasible }.map(\.id)
            if !infeasible.isEmpty {
                Terminal.error("capsim: note: no feasible plan for \(infeasible.joined(separator: ", ")); the merge will say so and exit 2")
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

        func validate() throws { try PortfolioCommand.rejectSet(simulation) }

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
        @Option(help: ArgumentHelp("Not supported: a portfolio's explore is not sharded (see docs/cluster-studies.md).", visibility: .hidden))
        var shard: String?
        @OptionGroup var simulation: SimulationOptions

        func validate() throws {
            try PortfolioCommand.rejectSet(simulation)
            if shard != nil {
                throw ValidationError("""
                    --shard: capsim portfolio explore is not sharded; shard each member's study instead: capsim explore \
                    MEMBER.yaml --shard I/N --out DIR (a generated member is its template with the --set values of its \
                    table row), or capsim slurm MEMBER.yaml; capsim portfolio plan --shard shards a portfolio's plan
                    """)
            }
        }

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
