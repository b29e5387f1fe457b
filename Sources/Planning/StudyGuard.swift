import Foundation
import InfraModel
import Scenario

/// Checks what a command will simulate against `RunLimits` before it simulates anything: the sizes and events of
/// each simulation (`RunGuard`) and, for `size`, `plan` and `explore`, the events of the whole study: per year, the
/// expected number of simulations of the sizing search × the events of one simulation (× the plans of an explore).
public enum StudyGuard {
    /// What a command simulates.
    public enum Study: Sendable, Equatable {
        /// One simulation of a year (`run`, `check`).
        case run(year: Int)
        /// The sizing search of a year (`size`).
        case size(year: Int)
        /// The sizing search of every year of the horizon (`plan`, `report`, and `validate`).
        case plan
        /// `runs` plans of the horizon (`explore`): the work of one plan of the scenario as written, times `runs`.
        case explore(runs: Int)
    }

    /// Throws `ScenarioError.invalid` (located at the value to change) or `SettingLimitError` (for an option)
    /// when `study` of `scenario` with `overrides` exceeds `limits`.
    public static func check(_ scenario: Scenario, _ overrides: RunStudy.Overrides, study: Study,
                             limits: RunLimits) throws {
        let simulation = RunStudy.configuration(scenario, overrides).simulation
        let sources = settingSources(overrides)
        try RunGuard.checkSizes(scenario, simulation: simulation, sources: sources, limits: limits)
        let years: [Int]
        switch study {
        case .run(let year), .size(let year):
            let base = scenario.horizon.baseYear
            let low = base > Int.min + limits.maxYears ? base - limits.maxYears : Int.min
            let high = base < Int.max - limits.maxYears ? base + limits.maxYears : Int.max
            if year < low || year > high {
                throw SettingLimitError(setting: "--year \(year)",
                                        message: "the year is more than \(limits.maxYears) years from the base year \(base); expected a year from \(low) to \(high)")
            }
            if overrides.givenBy == nil, let problem = outsideHorizon(year, scenario.horizon) {
                throw SettingLimitError(setting: "--year \(year)", message: problem)
            }
            years = [year]
        case .plan, .explore: years = Array(scenario.horizon.years)
        }
        let estimates = years.map { WorkEstimate(scenario, year: $0, simulation: simulation) }
        // The busiest year decides whether one simulation is too long.
        if let busiest = estimates.max(by: { !($0.events >= $1.events) }) {
            try RunGuard.checkEvents(scenario, estimate: busiest, sources: sources, limits: limits)
        }
        if case .run = study { return }
        var runs = 1
        if case .explore(let n) = study { runs = max(n, 1) }
        // Plans size every year from what is installed (and bought before); `size` searches one year from scratch.
        var fromInstalled = true
        if case .size = study { fromInstalled = false }
        var events = 0.0, simulations = 0.0
        for estimate in estimates {
            let probes = try expectedSimulations(scenario, year: estimate.year, overrides: overrides,
                                                 fromInstalled: fromInstalled)
            simulations += probes
            events += probes * estimate.events
        }
        let span = years.count == 1 ? "\(years[0])" : "\(years[0])-\(years[years.count - 1]) (\(years.count) years)"
        let each = "about \(Int(simulations.rounded())) simulations of \(simulation.replications) replications"
        let description: String
        switch study {
        case .explore: description = "a study of \(runs) plans, each of \(span) with \(each),"
        case .plan: description = "a plan of \(span) with \(each)"
        case .size, .run: description = "sizing \(span) with \(each)"
        }
        if case .explore = study {
            // Each plan within a plan's limit, and the study within the limit of uncertainty studies.
            try RunGuard.checkStudy(scenario, description: "each plan of the study (\(span) with \(each))", events: events,
                                    sources: sources, limits: limits)
            try RunGuard.checkStudy(scenario, description: description, events: events * Double(runs), sources: sources,
                                    limits: limits, explore: true)
        } else {
            try RunGuard.checkStudy(scenario, description: description, events: events, sources: sources, limits: limits)
        }
    }

    /// Why `year` is no year to simulate or size, or nil: the scenario describes the load of its base year and its
    /// growth over the horizon; it says nothing about earlier years, and the growth rates are claims about the horizon
    /// only, so a year after it must be asked for by extending the horizon (`--set horizon.to=Y`), explicitly.
    static func outsideHorizon(_ year: Int, _ horizon: Horizon) -> String? {
        let range = "expected a year from \(horizon.baseYear) to \(horizon.to)"
        if year < horizon.baseYear {
            return "the year is before the scenario's base year \(horizon.baseYear), whose load the file describes; \(range)"
        }
        if year > horizon.to {
            return "the year is after the scenario's horizon \(horizon.baseYear)–\(horizon.to); \(range), or extend the horizon "
                + "to simulate it: --set horizon.to=\(year)"
        }
        return nil
    }

    /// Expected simulations of the sizing search in `year`: the generous start, one per halving of each resource's
    /// range between its closed-form lower bound and the start (binary search), and the final check. Growth
    /// steps and replications doubled for ambiguous estimates are not counted: it is an expectation, not a bound.
    static func expectedSimulations(_ scenario: Scenario, year: Int, overrides: RunStudy.Overrides,
                                    fromInstalled: Bool) throws -> Double {
        var o = overrides
        o.year = year
        let model = RunStudy.configuration(scenario, o)
        let floor = fromInstalled ? Dictionary(uniqueKeysWithValues: scenario.resources.map { ($0.id, $0.installed) }) : nil
        let variables = try SizingBounds.variables(scenario, model: model, floor: floor)
        let start = try SizingBounds.generous(variables, scenario: scenario, model: model)
        var probes = 2.0
        for (v, x) in zip(variables, start) where x > v.lower {
            probes += (log2(Double(x - v.lower) + 1)).rounded(.up)
        }
        return probes
    }

    /// Which settings in force were given outside the scenario file.
    static func settingSources(_ o: RunStudy.Overrides) -> RunGuard.SettingSources {
        let by = o.givenBy
        return RunGuard.SettingSources(
            replications: o.replications.map { r in by.map { "\($0) (replications \(r))" } ?? "--replications \(r)" },
            duration: o.duration.map { d in
                let text = String(format: "%g s", d)
                return by.map { "\($0) (duration \(text))" } ?? "--duration \(text)"
            })
    }
}
