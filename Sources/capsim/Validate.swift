import ArgumentParser
import Planning
import Scenario

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse and check scenario files; print 'FILE: ok' for each valid one.",
        discussion: "A portfolio file (a top-level portfolio: key) is checked with every member it names or generates.")

    @Argument(help: "Scenario files (YAML).")
    var files: [String]
    @Flag(help: "Accept scenarios whose estimated events exceed the work limits (as run, size and plan do with it).")
    var allowLong = false

    func run() throws {
        var status: Int32 = 0
        for file in files {
            do {
                if PortfolioLoader.isPortfolio(path: file) {
                    let portfolio = try PortfolioLoader.load(path: file)
                    for m in portfolio.members { try ScenarioCheck.limits(m.scenario, RunLimits.standard.allowingLong(allowLong)) }
                    Terminal.out("\(file): ok (portfolio of \(portfolio.members.count) members)\n")
                    continue
                }
                let scenario = try ScenarioFile.load(file)
                try ScenarioCheck.limits(scenario, RunLimits.standard.allowingLong(allowLong))
                let warnings = try ScenarioCheck.warnings(scenario)
                for w in warnings { Terminal.error("\(file): warning: \(w)") }
                Terminal.out("\(file): ok\n")
            } catch {
                let code = Failures.exit(for: error).rawValue
                status = max(status, code == 66 ? 66 : 65)
            }
        }
        if status != 0 { throw ExitCode(status == 66 ? 66 : 65) }
    }
}
