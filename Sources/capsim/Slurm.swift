import ArgumentParser
import Foundation
import Planning
import Reporting
import Scenario

struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write (and with --submit, submit) Slurm job arrays that run an explore study or a portfolio plan in shards and merge it.",
        discussion: """
        Writes DIR/explore.sbatch, a job array with one task per shard (each runs capsim explore FILE --shard \
        $SLURM_ARRAY_TASK_ID/N --out DIR --jobs $SLURM_CPUS_PER_TASK with this capsim and absolute paths), and \
        DIR/merge.sbatch (capsim merge DIR --json DIR/explore.json), and prints the sbatch commands that submit them. \
        Options after -- go to every shard (--set, --samples, --design-seed, --replications, ...); they and the \
        scenario are checked now, before anything is written or submitted. A shard whose file is complete is kept, \
        so resubmitting the array resumes a study.

        Given a portfolio file, writes DIR/plan.sbatch instead, a job array whose task I plans the members whose \
        position is I modulo N (capsim portfolio plan FILE --shard $SLURM_ARRAY_TASK_ID/N --out DIR), and a \
        DIR/merge.sbatch that consolidates them into DIR/portfolio.json; options after -- go to every capsim \
        portfolio plan (--seed, --replications, --duration, --allow-long). A portfolio's explore is not sharded.
        """)

    @Argument(help: "Scenario file (YAML) with an uncertainty: block, or a portfolio file (its plan is sharded by member).")
    var file: String
    @Option(help: "Shards, one Slurm array task each (tasks 0 to N-1).") var shards: Int
    @Option(help: ArgumentHelp("Folder for the scripts, the shard files, the merged explore.json and the jobs' logs (created if needed).", valueName: "DIR"))
    var out: String
    @Option(help: "Slurm partition (default: the site's default partition).") var partition: String?
    @Option(help: ArgumentHelp("Time limit of each task and of the merge, in Slurm's syntax: minutes, HH:MM:SS or D-HH:MM:SS (default: the partition's).", valueName: "T"))
    var time: String?
    @Option(name: .customLong("cpus-per-task"), help: "CPUs per array task; each task plans that many runs at a time (default: the site's, 1 thread).")
    var cpusPerTask: Int?
    @Flag(help: "Submit both jobs with sbatch (the merge after the array succeeded) and print their job ids.")
    var submit = false
    @Argument(parsing: .postTerminator, help: ArgumentHelp("Options passed to every shard's capsim explore (or capsim portfolio plan), after --.", valueName: "explore-options"))
    var exploreOptions: [String] = []

    /// Options `capsim slurm` sets itself in the shard command.
    static let reserved = ["--shard": "the script gives each task its shard",
                           "--out": "the shards are written into the --out folder of capsim slurm",
                           "--json": "the merge job writes the document into the --out folder",
                           "--jobs": "each task uses its Slurm CPUs (--cpus-per-task)"]

    func validate() throws {
        if shards < 1 || shards > ExploreShard.maximumCount { throw ValidationError("--shards must be from 1 to \(ExploreShard.maximumCount)") }
        if let c = cpusPerTask, c < 1 { throw ValidationError("--cpus-per-task must be at least 1") }
        if let p = partition, p.isEmpty || !p.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.,-".contains($0)) }) {
            throw ValidationError("--partition '\(p)' is not a partition name; expected letters, digits, '_', '-', '.' (several separated by commas)")
        }
        if let t = time, !Self.isSlurmTime(t) {
            throw ValidationError("--time '\(t)' is not a Slurm time limit; expected minutes (90), MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS or UNLIMITED")
        }
        for a in exploreOptions {
            let name = a.hasPrefix("--") ? String(a.prefix { $0 != "=" }) : a
            if let why = Self.reserved[name] { throw ValidationError("\(name) cannot be given after --: \(why)") }
        }
        if isPortfolio { _ = try portfolioPlanCommand() } else { _ = try exploreCommand() }
        if !SlurmScripts.fitsSbatchLine(absolute(out)) {
            throw ValidationError("--out '\(out)': Slurm log paths cannot hold a double quote, a backslash or a line break; choose another folder")
        }
    }

    /// The shard command's options, parsed as capsim explore would parse them.
    func exploreCommand() throws -> Explore {
        do {
            return try Explore.parseAsRoot([file] + exploreOptions) as! Explore
        } catch {
            throw ValidationError("options after -- are not valid for capsim explore: \(Explore.message(for: error))")
        }
    }

    /// True when FILE is a portfolio file: its plan is sharded by member.
    var isPortfolio: Bool { PortfolioLoader.isPortfolio(path: file) }

    /// Options of capsim explore that a portfolio's plan does not take.
    static let exploreOnly = ["--samples", "--method", "--quantile", "--design-seed", "--noise-check"]

    /// The shard command's options for a portfolio, parsed as capsim portfolio plan would parse them.
    func portfolioPlanCommand() throws -> PortfolioCommand.Plan {
        do {
            return try PortfolioCommand.Plan.parseAsRoot([file] + exploreOptions) as! PortfolioCommand.Plan
        } catch {
            var message = "options after -- are not valid for capsim portfolio plan: \(PortfolioCommand.Plan.message(for: error))"
            if let o = exploreOptions.first(where: { a in Self.exploreOnly.contains(String(a.prefix { $0 != "=" })) }) {
                message += " (\(o) is an explore option: capsim slurm shards a portfolio's plan by member; a portfolio's explore is not sharded, shard a member's study with capsim slurm MEMBER.yaml)"
            }
            throw ValidationError(message)
        }
    }

    static func isSlurmTime(_ t: String) -> Bool {
        if ["UNLIMITED", "INFINITE"].contains(t.uppercased()) { return true }
        let pattern = #"^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+|\d+-\d+:\d{1,2}|\d+-\d+:\d{1,2}:\d{1,2})$"#
        return t.range(of: pattern, options: .regularExpression) != nil
    }

    /// `path` made absolute against the current folder, without `.` and `..`.
    func absolute(_ path: String) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL.path
    }

    func run() throws {
        try Failures.guarded {
            if isPortfolio {
                try runPortfolio()
                return
            }
            let explore = try exploreCommand()
            let study = try explore.study()
            try study.checkWork(limits: explore.simulation.limits)
            let directory = absolute(out)
            let s = SlurmScripts.Study(capsim: SlurmSubmit.executablePath(), scenario: absolute(file), directory: directory,
                                       shards: shards, runs: study.runs.count, name: study.scenario.name,
                                       exploreArguments: exploreOptions)
            let r = SlurmScripts.Resources(partition: partition, time: time, cpusPerTask: cpusPerTask)
            let runs = study.runs.count
            try writeAndSubmit(directory: directory, array: (SlurmScripts.exploreScript, SlurmScripts.explore(s, r)),
                               merge: SlurmScripts.merge(s, r), document: SlurmScripts.document,
                               what: "\(shards) shard(s) of the study's \(runs) runs (up to \((runs + shards - 1) / shards) each)",
                               units: (runs, "runs", "plan nothing"))
        }
    }

    /// The portfolio's plan, sharded by member.
    func runPortfolio() throws {
        let portfolio = try PortfolioLoader.load(path: file)
        let directory = absolute(out)
        let members = portfolio.members.count
        let p = SlurmScripts.PortfolioJob(capsim: SlurmSubmit.executablePath(), portfolio: absolute(file), directory: directory,
                                          shards: shards, members: members, name: portfolio.name, planArguments: exploreOptions)
        let r = SlurmScripts.Resources(partition: partition, time: time, cpusPerTask: cpusPerTask)
        try writeAndSubmit(directory: directory, array: (SlurmScripts.planScript, SlurmScripts.portfolioPlan(p, r)),
                           merge: SlurmScripts.portfolioMerge(p, r), document: SlurmScripts.portfolioDocument,
                           what: "\(shards) shard(s) of the portfolio's \(members) members (up to \((members + shards - 1) / shards) each)",
                           units: (members, "members", "plan no member"))
    }

    /// Writes the array script and the merge script into `directory`, then prints the commands that submit them,
    /// or submits them with `--submit`.
    func writeAndSubmit(directory: String, array: (name: String, text: String), merge mergeText: String, document: String,
                        what: String, units: (count: Int, name: String, idle: String)) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.Failure.cannotCreate(path: directory, reason: error.localizedDescription)
        }
        let arrayPath = directory + "/" + array.name
        let mergePath = directory + "/" + SlurmScripts.mergeScript
        try AtomicFile.write(array.text, to: arrayPath)
        try AtomicFile.write(mergeText, to: mergePath)
        Terminal.out("wrote \(arrayPath): job array 0-\(shards - 1), \(what)\n")
        Terminal.out("wrote \(mergePath): merges the shards into \(directory)/\(document)\n")
        if shards > units.count {
            Terminal.error("capsim: note: \(shards) shards for \(units.count) \(units.name): shards \(units.count) to \(shards - 1) \(units.idle)")
        }
        if !submit {
            Terminal.out("""
                submit them (the merge starts when every shard has succeeded):
                  sbatch --parsable \(SlurmScripts.shellQuoted(arrayPath))        # prints the array's JOBID
                  sbatch --dependency=afterok:JOBID \(SlurmScripts.shellQuoted(mergePath))

                """)
            return
        }
        let sbatch = try SlurmSubmit.sbatch()
        let job = try SlurmSubmit.submit(sbatch, script: arrayPath)
        Terminal.out("submitted \(arrayPath): job array \(job) (tasks 0-\(shards - 1))\n")
        let merge: String
        do {
            merge = try SlurmSubmit.submit(sbatch, script: mergePath, after: job)
        } catch {
            Terminal.error("capsim: error: the array \(job) is submitted, but not the merge; submit it with: sbatch --dependency=afterok:\(job) \(SlurmScripts.shellQuoted(mergePath))")
            throw error
        }
        Terminal.out("submitted \(mergePath): job \(merge), after every task of \(job) succeeded\n")
        Terminal.out("follow them with: squeue -j \(job),\(merge); the document will be \(directory)/\(document)\n")
    }
}
