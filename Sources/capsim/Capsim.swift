import ArgumentParser

@main
struct Capsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capsim",
        abstract: "Capacity-planning simulator: simulate, size and plan IT infrastructure against service-level targets.",
        discussion: "With no arguments, capsim plans the bundled national Project 06 scenario.",
        subcommands: [Validate.self, Run.self, Size.self, Plan.self, Report.self, Check.self, Compare.self, Explore.self, Merge.self, Slurm.self, Bench.self],
        defaultSubcommand: Plan.self
    )
}
