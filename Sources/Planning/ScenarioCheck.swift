import InfraModel
import Scenario

/// Checks a parsed scenario beyond its syntax: that the model compiles, and which resources the
/// closed forms say are overloaded, before anything is simulated.
public enum ScenarioCheck {
    /// Throws when a plan of `scenario` (every year's simulation and the whole study) exceeds `limits`: what
    /// `validate` reports about sizes and work (`StudyGuard`).
    public static func limits(_ scenario: Scenario, _ limits: RunLimits = .standard) throws {
        try StudyGuard.check(scenario, RunStudy.Overrides(), study: .plan, limits: limits)
    }

    /// Warnings for the base year and the last year of the horizon (growth may overload later years).
    public static func warnings(_ scenario: Scenario) throws -> [String] {
        var out: [String] = []
        var years = [scenario.horizon.baseYear]
        if scenario.horizon.to != scenario.horizon.baseYear { years.append(scenario.horizon.to) }
        for year in years {
            let model = try CompiledModel(scenario.model(year: year))
            out += LoadAnalysis(model).overloadWarnings().map { "\(year): \($0) (installed capacity)" }
        }
        out += facilityAndStorageWarnings(scenario)
        return out
    }
}
