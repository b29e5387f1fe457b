/// The batch scripts of `capsim slurm`: `explore.sbatch`, a Slurm job array with one task per shard of an explore
/// study (or `plan.sbatch`, one task per shard of a portfolio's members), and `merge.sbatch`, which merges the
/// shard files into the study's (or the portfolio's) document once every task succeeded.
/// Every path is absolute and single-quoted, so the scripts work from any folder and with spaces in paths; a
/// `#SBATCH` line is written only for a setting that was given, so the site's defaults (partition, time limit)
/// apply otherwise.
public enum SlurmScripts {
    /// What the scripts run and where.
    public struct Study: Sendable {
        /// Absolute path of the capsim executable that runs the shards and the merge.
        public var capsim: String
        /// Absolute path of the scenario file.
        public var scenario: String
        /// Absolute path of the folder for the shard files, the merged document and the jobs' logs.
        public var directory: String
        /// Number of shards (array tasks 0 to shards − 1).
        public var shards: Int
        /// Runs of the whole study (for the comments).
        public var runs: Int
        /// Scenario name (for the job names).
        public var name: String
        /// Explore options passed to every shard, as given (`--set`, `--samples`, ...).
        public var exploreArguments: [String]

        public init(capsim: String, scenario: String, directory: String, shards: Int, runs: Int, name: String,
                    exploreArguments: [String]) {
            self.capsim = capsim
            self.scenario = scenario
            self.directory = directory
            self.shards = shards
            self.runs = runs
            self.name = name
            self.exploreArguments = exploreArguments
        }
    }

    /// Scheduler settings; nil = the site's default (no `#SBATCH` line).
    public struct Resources: Sendable {
        public var partition: String?
        /// Time limit per task, in Slurm's syntax (`30`, `2:00:00`, `1-00:00:00`).
        public var time: String?
        /// CPUs per array task; each task plans that many runs at a time (`--jobs`).
        public var cpusPerTask: Int?

        public init(partition: String? = nil, time: String? = nil, cpusPerTask: Int? = nil) {
            self.partition = partition
            self.time = time
            self.cpusPerTask = cpusPerTask
        }
    }

    /// File names in the study's folder.
    public static let exploreScript = "explore.sbatch"
    public static let mergeScript = "merge.sbatch"
    public static let document = "explore.json"

    /// `explore.sbatch`: the job array.
    public static func explore(_ s: Study, _ r: Resources) -> String {
        let perShard = s.shards > 0 ? (s.runs + s.shards - 1) / s.shards : 0
        var lines = [
            "#!/bin/bash",
            "# capsim explore of scenario '\(comment(s.name))' as a Slurm job array: \(s.shards) shard(s), one per array task.",
            "# Written by capsim slurm. The study has \(s.runs) runs (each a whole plan); task I plans the runs whose",
            "# number is I modulo \(s.shards) (up to \(perShard) runs) and writes shard-I-of-\(s.shards).json into the study folder.",
            "#",
            "# Submit:   sbatch --parsable \(shellQuoted(path(s.directory, exploreScript)))   (prints the job id)",
            "# then:     sbatch --dependency=afterok:JOBID \(shellQuoted(path(s.directory, mergeScript)))",
            "# Resume:   a shard whose file is complete is kept, not planned again; after a pre-emption, a failure or",
            "#           scancel, submit this script again (or only some tasks: sbatch --array=2,5 ...), then the merge.",
            "#",
            "#SBATCH --job-name=\(jobName(s.name, "explore"))",
            "#SBATCH --array=0-\(s.shards - 1)",
            "#SBATCH --output=\(logPath(s.directory, "explore-%A_%a.out"))",
            "#SBATCH --error=\(logPath(s.directory, "explore-%A_%a.err"))",
        ]
        lines += resourceLines(r, cpus: true)
        lines += [
            "",
            "set -euo pipefail",
            "",
            "capsim=\(shellQuoted(s.capsim))",
            "scenario=\(shellQuoted(s.scenario))",
            "out=\(shellQuoted(s.directory))",
            "",
            ": \"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is a job array}\"",
            "# Each task plans as many runs at a time as it has CPUs (results do not depend on it).",
            "exec \"$capsim\" explore \"$scenario\" --shard \"$SLURM_ARRAY_TASK_ID/\(s.shards)\" --out \"$out\" \\",
            "    --jobs \"${SLURM_CPUS_PER_TASK:-1}\"" + arguments(s.exploreArguments),
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// `merge.sbatch`: the merge job, to submit with `--dependency=afterok:` the array's job id.
    public static func merge(_ s: Study, _ r: Resources) -> String {
        var lines = [
            "#!/bin/bash",
            "# Merges the \(s.shards) shard file(s) of the capsim explore of scenario '\(comment(s.name))' into \(document), byte for",
            "# byte what capsim explore would write on one machine. Written by capsim slurm; submit it after the array:",
            "#   sbatch --dependency=afterok:JOBID \(shellQuoted(path(s.directory, mergeScript)))",
            "# It fails naming every missing shard file (exit 66) or shard files of another study (exit 65); exit 2",
            "# means the document is written but the robust plan cannot meet the targets within the bounds.",
            "#",
            "#SBATCH --job-name=\(jobName(s.name, "merge"))",
            "#SBATCH --output=\(logPath(s.directory, "merge-%j.out"))",
            "#SBATCH --error=\(logPath(s.directory, "merge-%j.err"))",
            "# Cancelled, not left pending, when a shard task fails.",
            "#SBATCH --kill-on-invalid-dep=yes",
        ]
        lines += resourceLines(r, cpus: false)
        lines += [
            "",
            "set -euo pipefail",
            "",
            "capsim=\(shellQuoted(s.capsim))",
            "out=\(shellQuoted(s.directory))",
            "",
            "exec \"$capsim\" merge \"$out\" --json \"$out/\(document)\"",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    // MARK: Portfolio plans

    /// What the scripts of a sharded portfolio plan run and where.
    public struct PortfolioJob: Sendable {
        /// Absolute path of the capsim executable that runs the shards and the merge.
        public var capsim: String
        /// Absolute path of the portfolio file.
        public var portfolio: String
        /// Absolute path of the folder for the shard files, the consolidated document and the jobs' logs.
        public var directory: String
        /// Number of shards (array tasks 0 to shards − 1).
        public var shards: Int
        /// Members of the portfolio (for the comments).
        public var members: Int
        /// Portfolio name (for the job names).
        public var name: String
        /// `capsim portfolio plan` options passed to every shard, as given (`--seed`, `--replications`, ...).
        public var planArguments: [String]

        public init(capsim: String, portfolio: String, directory: String, shards: Int, members: Int, name: String,
                    planArguments: [String]) {
            self.capsim = capsim
            self.portfolio = portfolio
            self.directory = directory
            self.shards = shards
            self.members = members
            self.name = name
            self.planArguments = planArguments
        }
    }

    /// File names in a portfolio plan's folder (the merge script is `mergeScript`).
    public static let planScript = "plan.sbatch"
    public static let portfolioDocument = "portfolio.json"

    /// `plan.sbatch`: the job array planning a portfolio's members in shards.
    public static func portfolioPlan(_ p: PortfolioJob, _ r: Resources) -> String {
        let perShard = p.shards > 0 ? (p.members + p.shards - 1) / p.shards : 0
        var lines = [
            "#!/bin/bash",
            "# capsim portfolio plan of portfolio '\(comment(p.name))' as a Slurm job array: \(p.shards) shard(s), one per array task.",
            "# Written by capsim slurm. The portfolio has \(p.members) members (each a whole plan); task I plans the members",
            "# whose position (from 0, in member order) is I modulo \(p.shards) (up to \(perShard) members) and writes",
            "# shard-I-of-\(p.shards).json into the portfolio's folder.",
            "#",
            "# Submit:   sbatch --parsable \(shellQuoted(path(p.directory, planScript)))   (prints the job id)",
            "# then:     sbatch --dependency=afterok:JOBID \(shellQuoted(path(p.directory, mergeScript)))",
            "# Resume:   a shard whose file is complete is kept, not planned again; after a pre-emption, a failure or",
            "#           scancel, submit this script again (or only some tasks: sbatch --array=2,5 ...), then the merge.",
            "#",
            "#SBATCH --job-name=\(jobName(p.name, "plan"))",
            "#SBATCH --array=0-\(p.shards - 1)",
            "#SBATCH --output=\(logPath(p.directory, "plan-%A_%a.out"))",
            "#SBATCH --error=\(logPath(p.directory, "plan-%A_%a.err"))",
        ]
        lines += resourceLines(r, cpus: true)
        lines += [
            "",
            "set -euo pipefail",
            "",
            "capsim=\(shellQuoted(p.capsim))",
            "portfolio=\(shellQuoted(p.portfolio))",
            "out=\(shellQuoted(p.directory))",
            "",
            ": \"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is a job array}\"",
            "# Each task plans as many members at a time as it has CPUs (results do not depend on it).",
            "exec \"$capsim\" portfolio plan \"$portfolio\" --shard \"$SLURM_ARRAY_TASK_ID/\(p.shards)\" --out \"$out\" \\",
            "    --jobs \"${SLURM_CPUS_PER_TASK:-1}\"" + arguments(p.planArguments),
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// `merge.sbatch` of a portfolio plan: consolidates the shards once every array task succeeded.
    public static func portfolioMerge(_ p: PortfolioJob, _ r: Resources) -> String {
        var lines = [
            "#!/bin/bash",
            "# Consolidates the \(p.shards) shard file(s) of the capsim portfolio plan of '\(comment(p.name))' into \(portfolioDocument),",
            "# byte for byte what capsim portfolio plan --json would write on one machine. Written by capsim slurm; submit",
            "# it after the array:",
            "#   sbatch --dependency=afterok:JOBID \(shellQuoted(path(p.directory, mergeScript)))",
            "# It fails naming every missing shard file (exit 66) or shard files of another portfolio or other options",
            "# (exit 65); exit 2 means the document is written but some member has no feasible plan within its bounds.",
            "#",
            "#SBATCH --job-name=\(jobName(p.name, "merge"))",
            "#SBATCH --output=\(logPath(p.directory, "merge-%j.out"))",
            "#SBATCH --error=\(logPath(p.directory, "merge-%j.err"))",
            "# Cancelled, not left pending, when a shard task fails.",
            "#SBATCH --kill-on-invalid-dep=yes",
        ]
        lines += resourceLines(r, cpus: false)
        lines += [
            "",
            "set -euo pipefail",
            "",
            "capsim=\(shellQuoted(p.capsim))",
            "out=\(shellQuoted(p.directory))",
            "",
            "exec \"$capsim\" merge \"$out\" --json \"$out/\(portfolioDocument)\"",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    static func resourceLines(_ r: Resources, cpus: Bool) -> [String] {
        var lines: [String] = []
        if let p = r.partition { lines.append("#SBATCH --partition=\(p)") }
        if let t = r.time { lines.append("#SBATCH --time=\(t)") }
        if cpus, let c = r.cpusPerTask { lines.append("#SBATCH --cpus-per-task=\(c)") }
        return lines
    }

    /// ` a 'b c'`: extra arguments as bash words after a space, or nothing.
    static func arguments(_ args: [String]) -> String {
        guard !args.isEmpty else { return "" }
        return " " + args.map(shellQuoted).joined(separator: " ")
    }

    /// `text` as one bash word: single-quoted unless it is made only of characters that need no quoting.
    public static func shellQuoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { u in
            u.isASCII && (u.properties.isAlphabetic || u.properties.numericType != nil || "/._-+:=,@%".unicodeScalars.contains(u))
        }
        if plain { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The `--output`/`--error` value for log file `pattern` (with sbatch's `%A`, `%a`, `%j`) in `directory`: a
    /// literal '%' of the folder doubled, and the whole double-quoted when it has spaces (sbatch splits `#SBATCH`
    /// lines at spaces but keeps a double-quoted value whole).
    static func logPath(_ directory: String, _ pattern: String) -> String {
        let text = path(directory.replacingOccurrences(of: "%", with: "%%"), pattern)
        return text.contains(where: { $0 == " " || $0 == "\t" }) ? "\"\(text)\"" : text
    }

    /// Whether `path` can be written in an `#SBATCH` line (no double quote, backslash or line break).
    public static func fitsSbatchLine(_ path: String) -> Bool {
        !path.contains(where: { $0 == "\"" || $0 == "\\" || $0.isNewline })
    }

    /// A job name from the scenario name: letters, digits, '-', '_' and '.' only.
    static func jobName(_ name: String, _ role: String) -> String {
        let cleaned = String(name.unicodeScalars.map { u in
            u.isASCII && (u.properties.isAlphabetic || u.properties.numericType != nil || "-_.".unicodeScalars.contains(u)) ? Character(u) : "-"
        }.prefix(40))
        return "capsim-\(role)" + (cleaned.isEmpty ? "" : "-\(cleaned)")
    }

    /// Text safe on one comment line.
    static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    static func path(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
