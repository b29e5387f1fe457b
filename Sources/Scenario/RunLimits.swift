/// The largest simulation capsim starts, checked before anything is allocated or simulated (`RunGuard`).
///
/// Two kinds of limit:
/// - **Size limits** protect memory: every channel of every pool is simulated, and every replication keeps its
///   latency histograms until the replications are aggregated. They always hold.
/// - **Work limits** bound the estimated events of one simulation and of a study (`size`, `plan`, `report`), so a
///   mistyped duration cannot stall a terminal or a CI job for hours. `--allow-long` lifts them for a deliberate
///   long run, up to `absurdEvents`.
///
/// The shipped scenarios are estimated at 0.6–16 million events per simulation in their busiest year: well under the
/// limits.
public struct RunLimits: Sendable, Equatable {
    /// Most channels (servers × concurrency) of one pool, installed or at its `max_servers`.
    public var maxChannelsPerPool: Int
    /// Most installed channels of all pools together.
    public var maxChannels: Int
    /// Most replications of one simulation.
    public var maxReplications: Int
    /// Most latency histograms of one simulation: replications × (2 per pool + 1 per link direction + 1 per
    /// workload). Each holds 5,120 counters of 8 bytes (40 KiB) until the replications are aggregated.
    public var maxHistograms: Int
    /// Most steps in one workload's route (a nested step counts with every step inside it).
    public var maxRouteSteps: Int
    /// Deepest nesting of route steps (1 = a flat route; steps that contain steps add a level).
    public var maxRouteDepth: Int
    /// Most years in the planning horizon (`base_year` to `to`).
    public var maxYears: Int
    /// Latest simulated clock time, start + warm-up + duration, in seconds (about 31 years): beyond it event times
    /// in seconds lose sub-microsecond resolution.
    public var maxClockSeconds: Double
    /// Most estimated events of one simulation, all replications together (work limit).
    public var maxRunEvents: Double
    /// Most estimated events of a study: every simulation of `size`, or of every year of `plan` (work limit); for
    /// `explore`, of each of its plans.
    public var maxStudyEvents: Double
    /// Most estimated events of an uncertainty study (`explore`): every plan of it together (work limit). A study is
    /// many plans by design, so it is allowed ten times a plan's limit: 64 samples of a plan of 10⁸–10⁹ events.
    public var maxExploreEvents: Double
    /// True when the work limits are lifted (`--allow-long`) up to `absurdEvents`.
    public var allowLong: Bool

    /// Events no command simulates even with `--allow-long`: about a week on two cores at 20 million events/s.
    public static let absurdEvents = 1e13
    /// Engine speed assumed when a message converts events into time: 4 million events/s, what the shipped
    /// national scenario measures on two cores (the `bench` M/M/c model is faster).
    public static let eventsPerSecond = 4e6

    public init(maxChannelsPerPool: Int = 1_000_000, maxChannels: Int = 4_000_000, maxReplications: Int = 10_000,
                maxHistograms: Int = 50_000, maxRouteSteps: Int = 1_000, maxRouteDepth: Int = 16,
                maxYears: Int = 100, maxClockSeconds: Double = 1e9, maxRunEvents: Double = 1e9, maxStudyEvents: Double = 1e10, maxExploreEvents: Double = 1e11,
                allowLong: Bool = false) {
        self.maxChannelsPerPool = maxChannelsPerPool
        self.maxChannels = maxChannels
        self.maxReplications = maxReplications
        self.maxHistograms = maxHistograms
        self.maxRouteSteps = maxRouteSteps
        self.maxRouteDepth = maxRouteDepth
        self.maxClockSeconds = maxClockSeconds
        self.maxYears = maxYears
        self.maxRunEvents = maxRunEvents
        self.maxStudyEvents = maxStudyEvents
        self.maxExploreEvents = maxExploreEvents
        self.allowLong = allowLong
    }

    /// The limits of every command: 1,000,000 channels per pool and 4,000,000 in all, 10,000 replications,
    /// 50,000 histograms (2 GiB), routes of 1,000 steps nested 16 deep, a horizon of 100 years, a clock of 10⁹ s, 10⁹ events per simulation (about 4 minutes)
    /// and 10¹⁰ per study (about 40 minutes), 10¹¹ per uncertainty study (every plan of it).
    public static let standard = RunLimits()

    /// These limits, with the work limits lifted when `allowLong` is true.
    public func allowingLong(_ allowLong: Bool) -> RunLimits {
        var copy = self
        copy.allowLong = allowLong
        return copy
    }

    /// The event limit of one simulation in force.
    public var runEventLimit: Double { allowLong ? Self.absurdEvents : maxRunEvents }
    /// The event limit of a study in force.
    public var studyEventLimit: Double { allowLong ? Self.absurdEvents : maxStudyEvents }
    /// The event limit of an uncertainty study in force.
    public var exploreEventLimit: Double { allowLong ? Self.absurdEvents : maxExploreEvents }
}
