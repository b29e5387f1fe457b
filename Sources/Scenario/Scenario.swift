import Foundation
import InfraModel
import SimKernel

/// Everything in one scenario file, validated, in base units: times in seconds, rates in requests per second,
/// bandwidth in bit/s, sizes in bytes, money in `currency`, growth per year as a fraction (0.25 = +25%).
public struct Scenario: Sendable {
    /// Scenario name (required in the file).
    public var name: String
    /// Free text.
    public var description: String?
    /// Currency of every amount of money (default "VND").
    public var currency: String
    /// Seed of every random stream (default 1).
    public var seed: UInt64
    /// Measured duration and warm-up (seconds), replications, and the week offset of time 0 (seconds after
    /// Monday 00:00).
    public var simulation: SimulationSettings
    /// Years that planning covers; growth is counted from `horizon.baseYear`.
    public var horizon: Horizon
    public var agencies: [Agency]
    public var sites: [Site]
    public var pools: [PoolSpec]
    public var links: [LinkSpec]
    /// Token buckets (SMS gateways, HSM signing, partner APIs).
    public var limiters: [LimiterSpec]
    /// Workloads with their base-year rates.
    public var workloads: [WorkloadSpec]
    /// Time-bounded load spikes and capacity losses (simulated seconds from time 0).
    public var events: [ScheduledEvent]
    /// Service-level targets, one per subject and metric.
    public var targets: [Target]
    /// Path of the file the scenario was read from.
    public var sourcePath: String
    /// Every scalar in the file with its line and comment (for the assumptions register of reports).
    public var inputs: [ScenarioInput]
    /// What is uncertain and how a study samples it (`capsim explore`); nil when the file has no `uncertainty:`.
    public var uncertainty: UncertaintySpec?
    /// The `--set` overrides applied on top of the file, in order.
    public var overrides: [ScenarioOverride] = []
    /// Storage resources (not simulated; their need is a closed form of their data items).
    public var storage: [StorageSpec] = []
    /// Energy inputs per site (power per server, PUE, electricity price); sites without one have no energy cost.
    public var facilities: [Facility] = []
    /// Where the values that size a simulation are written (for errors of `RunGuard`).
    public var locations = ValueLocations()
    /// Valid values that are probably not what their author meant (unit-less traps, unpriced pools), located.
    public var warnings: [ScenarioWarning] = []
    /// Absolute paths of the empirical CSV files the scenario read (its distributions' samples), sorted.
    public var empiricalFiles: [String] = []

    public init(name: String, description: String? = nil, currency: String = "VND", seed: UInt64 = 1,
                simulation: SimulationSettings, horizon: Horizon = Horizon(), agencies: [Agency] = [],
                sites: [Site] = [], pools: [PoolSpec] = [], links: [LinkSpec] = [], limiters: [LimiterSpec] = [],
                workloads: [WorkloadSpec] = [], events: [ScheduledEvent] = [],
                targets: [Target] = [], sourcePath: String = "", inputs: [ScenarioInput] = [],
                uncertainty: UncertaintySpec? = nil) {
        self.uncertainty = uncertainty
        self.name = name
        self.description = description
        self.currency = currency
        self.seed = seed
        self.simulation = simulation
        self.horizon = horizon
        self.agencies = agencies
        self.sites = sites
        self.pools = pools
        self.links = links
        self.limiters = limiters
        self.workloads = workloads
        self.events = events
        self.targets = targets
        self.sourcePath = sourcePath
        self.inputs = inputs
    }

    /// The load multiplier of a workload in `year`: (1 + growth)^(year − base year), dimensionless.
    public func growthFactor(of workload: WorkloadSpec, year: Int) -> Double {
        pow(1 + workload.growth, Double(year) - Double(horizon.baseYear))
    }

    /// The simulator's configuration for `year`: every workload's base-year rate (requests per second) is
    /// multiplied by (1 + growth)^(year − base year); everything else is as installed now.
    public func model(year: Int) -> ModelConfiguration {
        let grown = workloads.map { spec -> WorkloadConfiguration in
            var configuration = spec.configuration
            configuration.arrivals.rate *= growthFactor(of: spec, year: year)
            return configuration
        }
        return ModelConfiguration(name: name, seed: seed, simulation: simulation, sites: sites.map(\.id),
                                  pools: pools.map(\.configuration), links: links.map(\.configuration),
                                  workloads: grown, targets: targets, limiters: limiters.map(\.configuration),
                                  events: events)
    }

    /// The pool with this id.
    public func pool(_ id: String) -> PoolSpec? { pools.first { $0.id == id } }
    /// The link with this id.
    public func link(_ id: String) -> LinkSpec? { links.first { $0.id == id } }
    /// The limiter with this id.
    public func limiter(_ id: String) -> LimiterSpec? { limiters.first { $0.id == id } }
    /// The workload with this id.
    public func workload(_ id: String) -> WorkloadSpec? { workloads.first { $0.id == id } }
    /// The site with this id.
    public func site(_ id: String) -> Site? { sites.first { $0.id == id } }
    /// The agency with this id.
    public func agency(_ id: String) -> Agency? { agencies.first { $0.id == id } }
}

/// The years a plan covers (calendar years).
public struct Horizon: Sendable, Equatable {
    /// The year whose load the file describes; growth is counted from it.
    public var baseYear: Int
    /// The last planned year (>= baseYear).
    public var to: Int

    public init(baseYear: Int = 2025, to: Int? = nil) {
        self.baseYear = baseYear
        self.to = to ?? baseYear
    }

    /// baseYear...to.
    public var years: ClosedRange<Int> { baseYear...max(baseYear, to) }

    /// Number of years from baseYear to `to` (Int.max when it cannot be counted).
    public var yearCount: Int {
        let span = to.subtractingReportingOverflow(baseYear)
        return span.overflow || span.partialValue == Int.max ? Int.max : max(span.partialValue, 0) + 1
    }
}

/// An agency that owns sites and procures resources.
public struct Agency: Sendable, Equatable {
    public var id: String
    /// Display name (defaults to the id).
    public var name: String
    public var location: SourceLocation?

    public init(id: String, name: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.name = name ?? id
        self.location = location
    }
}

/// A data centre or other place where pools live and links end.
public struct Site: Sendable, Equatable {
    public var id: String
    /// The agency that owns the site (and procures its servers).
    public var agency: String
    public var region: String?
    public var location: SourceLocation?

    public init(id: String, agency: String, region: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.agency = agency
        self.region = region
        self.location = location
    }
}

/// What one more server costs.
public struct ServerUnit: Sendable, Equatable {
    /// Description of the server model.
    public var name: String
    /// Purchase price of one server, in the scenario's currency.
    public var cost: Double
    /// Running cost of one server per year, in the scenario's currency.
    public var opexPerYear: Double

    public init(name: String, cost: Double, opexPerYear: Double = 0) {
        self.name = name
        self.cost = cost
        self.opexPerYear = opexPerYear
    }
}

/// A server pool with its procurement data.
public struct PoolSpec: Sendable, Equatable {
    /// What the simulator needs (servers, concurrency, queue, patience in seconds, failures in seconds).
    public var configuration: PoolConfiguration
    /// The agency that procures it (the agency of its site).
    public var agency: String
    /// The unit of purchase; nil = not priced.
    public var unit: ServerUnit?
    /// Upper bound on servers when sizing; nil = no explicit bound.
    public var maxServers: Int?
    /// Spare servers kept beyond what the targets need: 0 = n, 1 = n+1, 2 = n+2.
    public var redundancy: Int
    /// Average draw of one server in watts when it differs from its site's `power_per_server`; nil = the site's.
    public var power: Double? = nil
    public var description: String?
    /// Where the pool is defined in the file.
    public var location: SourceLocation?

    public init(configuration: PoolConfiguration, agency: String, unit: ServerUnit? = nil, maxServers: Int? = nil,
                redundancy: Int = 0, description: String? = nil, location: SourceLocation? = nil) {
        self.configuration = configuration
        self.agency = agency
        self.unit = unit
        self.maxServers = maxServers
        self.redundancy = redundancy
        self.description = description
        self.location = location
    }

    public var id: String { configuration.id }
    public var site: String { configuration.site }
}

/// How link bandwidth is bought.
public struct BandwidthUnit: Sendable, Equatable {
    /// Bandwidth of one step, in bit/s.
    public var stepBps: Double
    /// Lease of one step per year, in the scenario's currency.
    public var costPerYear: Double

    public init(stepBps: Double, costPerYear: Double) {
        self.stepBps = stepBps
        self.costPerYear = costPerYear
    }
}

/// A WAN link with its procurement data.
public struct LinkSpec: Sendable, Equatable {
    /// What the simulator needs (bandwidth in bit/s per direction, latency in seconds, sharing).
    public var configuration: LinkConfiguration
    /// The agency that procures it (default: the agency of the `from` site).
    public var owner: String
    /// The unit of purchase; nil = not priced.
    public var unit: BandwidthUnit?
    /// Upper bound on bandwidth when sizing, in bit/s; nil = no explicit bound.
    public var maxBandwidth: Double?
    public var description: String?
    /// Where the link is defined in the file.
    public var location: SourceLocation?

    public init(configuration: LinkConfiguration, owner: String, unit: BandwidthUnit? = nil,
                maxBandwidth: Double? = nil, description: String? = nil, location: SourceLocation? = nil) {
        self.configuration = configuration
        self.owner = owner
        self.unit = unit
        self.maxBandwidth = maxBandwidth
        self.description = description
        self.location = location
    }

    public var id: String { configuration.id }
}

/// A workload with its growth.
public struct WorkloadSpec: Sendable, Equatable {
    /// What the simulator needs, with the BASE-year rate (requests per second); sizes in bytes, service times
    /// in seconds. `origin` is always filled in (the resolved entry site).
    public var configuration: WorkloadConfiguration
    /// The agency whose service this is (default: the agency of the origin site).
    public var agency: String
    /// Compound growth of the rate per year (0.25 = +25% a year).
    public var growth: Double
    public var description: String?
    /// Where the workload is defined in the file.
    public var location: SourceLocation?

    public init(configuration: WorkloadConfiguration, agency: String, growth: Double = 0, description: String? = nil,
                location: SourceLocation? = nil) {
        self.configuration = configuration
        self.agency = agency
        self.growth = growth
        self.description = description
        self.location = location
    }

    public var id: String { configuration.id }
}

/// One value written in the scenario file, for the assumptions register of reports.
public struct ScenarioInput: Sendable, Equatable {
    /// Where the value sits, e.g. `pools.auth.servers`, `workloads.login.route[0].service.mean`,
    /// `targets[1].p95`. List items with an `id` are named by it, others by their index.
    public var path: String
    /// The scalar exactly as written (a list of scalars is rendered `[a, b, c]`).
    public var value: String
    /// Line of the value, from 1.
    public var line: Int
    /// The `#` comment trailing that line or, if none, the comment lines directly above it.
    public var comment: String?

    public init(path: String, value: String, line: Int, comment: String? = nil) {
        self.path = path
        self.value = value
        self.line = line
        self.comment = comment
    }
}
