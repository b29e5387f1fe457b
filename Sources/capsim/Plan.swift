import ArgumentParser
import Foundation
import Planning
import Reporting
import Scenario

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Size every year of the horizon and print the procurement plan per agency and year with costs.",
        discussion: "Without FILE, plans the bundled national Project 06 scenario (Scenarios/vn-national.yaml).")

    @Argument(help: "Scenario file (YAML); default: the bundled national scenario.")
    var file: String?
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var output: JSONOutput

    func run() throws {
        try Failures.guarded {
            let path = try file ?? DefaultScenario.path()
            let scenario = try ScenarioFile.load(path, overrides: simulation.what.overrides())
            let started = Date()
            let years = scenario.horizon.yearCount
            let progress = Terminal.progress("years sized", total: years).map { p in { @Sendable (done: Int, _: Int) in p(done) } }
            let plan = try PlanStudy.run(scenario, try simulation.overrides(), jobs: simulation.jobs, progress: progress,
                                         limits: simulation.limits)
            try output.emit(PlanDocument.plan(plan))
            output.human(PlanSummary.plan(plan) + "wall time \(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s\n")
            if !plan.feasible { throw ExitCode(2) }
        }
    }
}

/// The bundled default scenario: `Scenarios/vn-national.yaml` in the current folder or above the executable.
enum DefaultScenario {
    static let relative = "Scenarios/vn-national.yaml"

    static func path() throws -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: relative) { return relative }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent(relative).path
            if fm.fileExists(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        throw ScenarioError.fileUnreadable(path: relative, reason: "the bundled scenario was not found; run capsim from the repository folder or pass a FILE")
    }
}
