import ArgumentParser
import Scenario

/// `--set PATH=VALUE`: what-if changes to the scenario, read as if written in the file.
struct WhatIfOptions: ParsableArguments {
    @Option(name: .customLong("set"), parsing: .singleValue,
            help: ArgumentHelp("Change one scenario value, read with the file's units and checks; repeatable. "
                               + "List items are chosen by id: pools.eauth.servers=9, workloads.login.arrivals.growth=15%, "
                               + "simulation.duration=30m, links.hn-hcm.bandwidth=10Gbps.", valueName: "PATH=VALUE"))
    var assignments: [String] = []

    func validate() throws {
        for a in assignments {
            do { _ = try ScenarioOverride(argument: a) } catch { throw ValidationError("--set \(a): \(error.problem)") }
        }
    }

    /// The overrides, in the order given.
    func overrides() throws -> [ScenarioOverride] { try assignments.map { try ScenarioOverride(argument: $0) } }
}
