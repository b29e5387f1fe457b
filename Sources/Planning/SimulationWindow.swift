import InfraModel
import Scenario

/// The stretch of the design week a command simulates, and which settings moved it away from what the scenario file
/// says: results hold only for this window (a plan sized on the evening peak says nothing about a lunch dip, and the
/// other way round), so every output states it.
public struct SimulationWindow: Sendable, Equatable {
    /// Where simulated time 0 falls, in seconds after Monday 00:00 of the design week.
    public var start: Double
    /// Seconds simulated and discarded before measuring, then seconds measured, per replication.
    public var warmup: Double
    public var duration: Double
    public var replications: Int
    /// Settings given outside the file that changed the window, as a user would type them
    /// (`--duration 4h`, `--replications 20`, `--set simulation.start=12h`); empty when the file's window is used.
    public var changedBy: [String]

    public init(start: Double, warmup: Double, duration: Double, replications: Int, changedBy: [String] = []) {
        self.start = start
        self.warmup = warmup
        self.duration = duration
        self.replications = replications
        self.changedBy = changedBy
    }

    /// The window of `scenario` (with its `--set` overrides applied) under the command-line `overrides`.
    public init(_ scenario: Scenario, _ overrides: RunStudy.Overrides) {
        let simulation = RunStudy.configuration(scenario, overrides).simulation
        var changed = scenario.overrides.filter { $0.path.description.hasPrefix("simulation.") }.map { "--set \($0.argument)" }
        let source = overrides.givenBy
        if let d = overrides.duration { changed.append(source.map { "\($0) (duration \(Self.compact(d)))" } ?? "--duration \(Self.compact(d))") }
        if let r = overrides.replications { changed.append(source.map { "\($0) (replications \(r))" } ?? "--replications \(r)") }
        self.init(start: simulation.start, warmup: simulation.warmup, duration: simulation.duration,
                  replications: simulation.replications, changedBy: changed)
    }

    /// Seconds as a duration a scenario accepts: "4h", "30m", "90s", "0.25s".
    static func compact(_ seconds: Double) -> String {
        if seconds > 0, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600))h" }
        if seconds > 0, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
        if seconds == seconds.rounded() { return "\(Int(seconds))s" }
        return "\(seconds)s"
    }
}
