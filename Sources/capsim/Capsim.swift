import ArgumentParser

@main
struct Capsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capsim",
        abstract: "Capacity-planning simulator: simulate, size and plan IT infrastructure against service-level targets.",
        discussion: "With no arguments, capsim plans the bundled national Project 06 scenario. Start a new scenario with capsim init FILE.",
        version: CapsimVersion.text,
        subcommands: [Init.self, Validate.self, Run.self, Size.self, Plan.self, Report.self, Check.self, Compare.self, Explore.self,
                      Merge.self, Slurm.self, PortfolioCommand.self, Schema.self, Bench.self],
        defaultSubcommand: Plan.self
    )
}
