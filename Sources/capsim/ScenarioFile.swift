import Scenario

/// Reads a scenario for a command and prints its warnings (unit-less traps, unpriced pools) on stderr, located, as
/// `validate` does; they never change the exit status.
enum ScenarioFile {
    static func load(_ path: String, overrides: [ScenarioOverride] = []) throws -> Scenario {
        let scenario = try ScenarioLoader.load(path: path, overrides: overrides)
        warn(scenario)
        return scenario
    }

    static func decode(_ source: ScenarioSource, overrides: [ScenarioOverride] = []) throws -> Scenario {
        let scenario = try source.scenario(overrides: overrides)
        warn(scenario)
        return scenario
    }

    static func warn(_ scenario: Scenario) {
        for w in scenario.warnings { Terminal.error(w.description) }
    }
}
