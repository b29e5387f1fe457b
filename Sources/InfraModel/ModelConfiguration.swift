import SimKernel

/// Everything the simulator needs to run one scenario in one year: plain, validated-by-`CompiledModel`
/// data with no YAML, money or agencies in it. Times are in seconds, rates in requests per second,
/// bandwidth in bit/s and sizes in bytes.
public struct ModelConfiguration: Sendable, Hashable {
    /// Scenario name (for reports).
    public var name: String
    /// Scenario seed; every random stream is derived from it.
    public var seed: UInt64
    /// Run length and replications.
    public var simulation: SimulationSettings
    /// Site ids (places where pools live and links end).
    public var sites: [String]
    public var pools: [PoolConfiguration]
    public var links: [LinkConfiguration]
    public var workloads: [WorkloadConfiguration]
    /// Service-level targets evaluated on the results.
    public var targets: [Target]
    /// Token buckets that `limit` steps take tokens from.
    public var limiters: [LimiterConfiguration]
    /// Time-bounded load spikes and capacity losses.
    public var events: [ScheduledEvent]

    public init(name: String, seed: UInt64 = 1, simulation: SimulationSettings, sites: [String],
                pools: [PoolConfiguration], links: [LinkConfiguration] = [], workloads: [WorkloadConfiguration],
                targets: [Target] = [], limiters: [LimiterConfiguration] = [], events: [ScheduledEvent] = []) {
        self.name = name
        self.seed = seed
        self.simulation = simulation
        self.sites = sites
        self.pools = pools
        self.links = links
        self.workloads = workloads
        self.targets = targets
        self.limiters = limiters
        self.events = events
    }
}

/// How long to simulate and how often.
public struct SimulationSettings: Sendable, Hashable {
    /// Measured simulated time per replication, in seconds.
    public var duration: Double
    /// Simulated time discarded before measuring, in seconds.
    public var warmup: Double
    /// Number of independent replications.
    public var replications: Int
    /// Where simulated time 0 falls in the week, in seconds after Monday 00:00
    /// (so `19h` starts the run at 19:00 on day 1, a Monday). Profiles and peaks are read at this clock.
    public var start: Double

    public init(duration: Double, warmup: Double = 0, replications: Int = 10, start: Double = 0) {
        self.duration = duration
        self.warmup = warmup
        self.replications = replications
        self.start = start
    }
}

/// Order in which waiting requests are served.
public enum QueueDiscipline: String, Sendable, Hashable {
    /// First come, first served.
    case fifo
    /// Non-preemptive priority: lower `priority` first, FIFO within a level.
    case priority
}

/// A group of identical servers at one site.
public struct PoolConfiguration: Sendable, Hashable {
    public var id: String
    public var site: String
    /// Installed servers.
    public var servers: Int
    /// Requests one server works on at once.
    public var concurrency: Int
    /// Waiting places; nil = unlimited, 0 = pure loss.
    public var queueCapacity: Int?
    public var discipline: QueueDiscipline
    /// Time a request waits before abandoning (seconds); nil = waits forever.
    public var patience: Distribution?
    /// Per-server failures; nil = servers never fail.
    public var failures: FailureModel?

    public init(id: String, site: String, servers: Int, concurrency: Int = 1, queueCapacity: Int? = nil,
                discipline: QueueDiscipline = .fifo, patience: Distribution? = nil, failures: FailureModel? = nil) {
        self.id = id
        self.site = site
        self.servers = servers
        self.concurrency = concurrency
        self.queueCapacity = queueCapacity
        self.discipline = discipline
        self.patience = patience
        self.failures = failures
    }
}

extension PoolConfiguration {
    /// Long-run share of servers that are up: MTBF / (MTBF + MTTR), or 1 without failures.
    public var availability: Double { failures.map { $0.mtbf / ($0.mtbf + $0.mttr) } ?? 1 }
}

/// Exponential times to failure and to repair, per server.
public struct FailureModel: Sendable, Hashable {
    /// Mean time between failures, in seconds.
    public var mtbf: Double
    /// Mean time to repair, in seconds.
    public var mttr: Double
    public init(mtbf: Double, mttr: Double) {
        self.mtbf = mtbf
        self.mttr = mttr
    }
}

/// How the transfers in one direction of a link share its bandwidth.
public enum LinkSharing: String, Sendable, Hashable {
    /// Egalitarian processor sharing: n active transfers each get bandwidth / n (like TCP flows).
    case ps
    /// One transfer at a time, first come first served.
    case fifo
}

/// A full-duplex WAN link between two sites.
public struct LinkConfiguration: Sendable, Hashable {
    public var id: String
    public var from: String
    public var to: String
    /// Bandwidth per direction, in bit/s.
    public var bandwidth: Double
    /// One-way propagation delay, in seconds.
    public var latency: Double
    public var sharing: LinkSharing

    public init(id: String, from: String, to: String, bandwidth: Double, latency: Double = 0, sharing: LinkSharing = .ps) {
        self.id = id
        self.from = from
        self.to = to
        self.bandwidth = bandwidth
        self.latency = latency
        self.sharing = sharing
    }
}

/// A stream of requests that enter at one site and follow one route.
public struct WorkloadConfiguration: Sendable, Hashable {
    public var id: String
    /// Site where requests enter; nil = the first step's site (a link's `from`).
    public var origin: String?
    public var arrivals: ArrivalPattern
    /// Lower is served first at pools with the priority discipline.
    public var priority: Int
    /// Bytes carried over a link away from the origin.
    public var requestSize: Distribution
    /// Bytes carried over a link back towards the origin.
    public var responseSize: Distribution
    public var route: [RouteStep]
    /// Client timeouts and retries; nil = every request is sent once and waits as long as it takes.
    public var client: ClientConfiguration?

    public init(id: String, origin: String? = nil, arrivals: ArrivalPattern, priority: Int = 0,
                requestSize: Distribution = .deterministic(value: 0), responseSize: Distribution = .deterministic(value: 0),
                route: [RouteStep], client: ClientConfiguration? = nil) {
        self.id = id
        self.origin = origin
        self.arrivals = arrivals
        self.priority = priority
        self.requestSize = requestSize
        self.responseSize = responseSize
        self.route = route
        self.client = client
    }
}

/// One step of a route.
public enum RouteStep: Sendable, Hashable {
    /// Service at a pool; `service` is the service time in seconds.
    case pool(id: String, service: Distribution)
    /// A transfer over a link to its other end; `size` (bytes) overrides the workload's
    /// request or response size.
    case link(id: String, size: Distribution?)
    /// Takes one token from a limiter at the site where the request is.
    case limit(id: String)
    /// Time (seconds) that uses no capacity here: SMS delivery, a user typing a code, a partner's own hop.
    case delay(Distribution)
    /// Exactly one alternative, chosen at random with its probability (they sum to 1); each alternative
    /// ends at the site where the branch began.
    case branch([RouteAlternative])
    /// Every branch runs in parallel from the current site; the request continues when all have finished
    /// (join). Each branch ends at the site where the fork began.
    case fork([[RouteStep]])
}

/// One alternative of a `branch` step.
public struct RouteAlternative: Sendable, Hashable {
    /// Probability of taking this alternative (0...1).
    public var probability: Double
    /// Its steps (empty = skip).
    public var route: [RouteStep]

    public init(probability: Double, route: [RouteStep]) {
        self.probability = probability
        self.route = route
    }
}

/// A Poisson arrival process whose rate follows the clock: rate × hourly profile × weekday factor × active peaks.
public struct ArrivalPattern: Sendable, Hashable {
    /// Mean rate, in requests per second (already grown to the simulated year).
    public var rate: Double
    /// 24 hourly multipliers with mean 1 (nil = flat).
    public var hourly: [Double]?
    /// 7 day multipliers, Monday first, with mean 1 (nil = flat).
    public var weekly: [Double]?
    /// Dated surges.
    public var peaks: [Peak]

    public init(rate: Double, hourly: [Double]? = nil, weekly: [Double]? = nil, peaks: [Peak] = []) {
        self.rate = rate
        self.hourly = hourly
        self.weekly = weekly
        self.peaks = peaks
    }
}

/// A named surge: between `fromHour` and `toHour` of day `day` of the simulated period the rate is
/// multiplied by `multiplier`.
public struct Peak: Sendable, Hashable {
    public var name: String
    /// Day of the simulated period, 1 = the day simulated time 0 falls in.
    public var day: Int
    /// Start, in hours after midnight (0–24).
    public var fromHour: Double
    /// End, in hours after midnight (0–24, > fromHour).
    public var toHour: Double
    public var multiplier: Double

    public init(name: String, day: Int, fromHour: Double, toHour: Double, multiplier: Double) {
        self.name = name
        self.day = day
        self.fromHour = fromHour
        self.toHour = toHour
        self.multiplier = multiplier
    }
}

/// A service-level target on one pool, link or workload.
public struct Target: Sendable, Hashable {
    /// What a target is about: a workload end to end, or one resource.
    public enum Subject: Sendable, Hashable {
        case workload(String)
        case resource(ResourceID)

        public static func pool(_ id: String) -> Subject { .resource(.pool(id)) }
        public static func link(_ id: String) -> Subject { .resource(.link(id)) }
        public static func limiter(_ id: String) -> Subject { .resource(.limiter(id)) }

        /// The resource, when the subject is one.
        public var resource: ResourceID? {
            if case .resource(let r) = self { return r }
            return nil
        }

        /// "workload:ID", or a resource's "kind:ID" ("pool:ID", "link:ID", "limiter:ID").
        public var label: String {
            switch self {
            case .workload(let id): return "workload:\(id)"
            case .resource(let r): return r.description
            }
        }
    }
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        /// Mean response (workload: end to end; pool: at the pool; link: delay; limiter: wait for a token), seconds.
        case mean
        case p50, p95, p99
        /// Largest acceptable share of requests lost (blocked + abandoned; limiters: rejected + abandoned;
        /// workloads with a client: failed after every attempt), a fraction.
        case maxLost = "max_lost"
        /// Largest acceptable utilisation, a fraction (pools and links; links: the busier direction; limiters:
        /// tokens passed / tokens the rate adds).
        case maxUtilization = "max_utilization"
    }
    public var subject: Subject
    public var metric: Metric
    /// Limit in the metric's unit (seconds or a fraction).
    public var limit: Double

    public init(subject: Subject, metric: Metric, limit: Double) {
        self.subject = subject
        self.metric = metric
        self.limit = limit
    }
}
