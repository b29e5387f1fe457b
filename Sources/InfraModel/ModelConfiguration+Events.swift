/// A time-bounded change during a run: a load spike on a workload or a loss of servers in a pool.
/// Times are simulated seconds from the start of the run (time 0, the start of the warm-up).
public struct ScheduledEvent: Sendable, Hashable {
    /// What changes while the event lasts.
    public enum Change: Sendable, Hashable {
        /// The workload's arrival rate is multiplied by `factor` (>= 0).
        case rateFactor(workload: String, factor: Double)
        /// `count` servers of the pool are out of service (the last ones installed; all of them if the pool has
        /// fewer). Requests they were serving restart on the servers still up, as after a failure.
        case serversDown(pool: String, count: Int)
    }

    /// A label for reports ("event 1" when the scenario gives none).
    public var name: String
    /// Start, seconds from time 0.
    public var at: Double
    /// Length, seconds (> 0).
    public var duration: Double
    public var change: Change

    public init(name: String, at: Double, duration: Double, change: Change) {
        self.name = name
        self.at = at
        self.duration = duration
        self.change = change
    }

    /// End, seconds from time 0.
    public var end: Double { at + duration }
}
