import SimKernel

/// A `ModelConfiguration` turned into dense indices for the event loop: pools, link directions, limiters and
/// workload routes refer to each other by position, every route is a flat program (see `CompiledStep`), and
/// every link step knows its direction.
public struct CompiledModel: Sendable {
    public let configuration: ModelConfiguration
    let pools: [CompiledPool]
    let directions: [CompiledDirection]
    let workloads: [CompiledWorkload]
    let limiters: [CompiledLimiter]
    /// Server losses of `events`, in file order.
    let capacityEvents: [CompiledCapacityEvent]
    /// Number of distinct priority levels over all workloads.
    let priorityLevels: Int

    /// Checks references and route continuity and compiles the configuration.
    public init(_ configuration: ModelConfiguration) throws {
        self.configuration = configuration
        let c = configuration
        guard c.simulation.duration > 0 else { throw ModelError("simulation duration must be > 0 seconds") }
        guard c.simulation.warmup >= 0 else { throw ModelError("warm-up must be >= 0 seconds") }
        guard c.simulation.replications >= 1 else { throw ModelError("replications must be >= 1") }
        var siteIndex: [String: Int] = [:]
        for (i, s) in c.sites.enumerated() { siteIndex[s] = i }
        var poolIndex: [String: Int] = [:]
        var pools: [CompiledPool] = []
        for (i, p) in c.pools.enumerated() {
            guard let site = siteIndex[p.site] else { throw ModelError("pool '\(p.id)': site '\(p.site)' is not defined") }
            guard p.servers >= 0, p.concurrency >= 1 else { throw ModelError("pool '\(p.id)': servers must be >= 0 and concurrency >= 1") }
            if let problem = p.patience?.parameterProblem { throw ModelError("pool '\(p.id)' patience: \(problem)") }
            if let f = p.failures, !(f.mtbf > 0 && f.mttr > 0) { throw ModelError("pool '\(p.id)': mtbf and mttr must be > 0") }
            poolIndex[p.id] = i
            pools.append(CompiledPool(
                id: p.id, site: site, servers: p.servers, concurrency: p.concurrency,
                capacity: p.queueCapacity ?? Int.max, usesPriority: p.discipline == .priority,
                patience: p.patience.map { $0.sampler() }, failures: p.failures))
        }
        var linkIndex: [String: Int] = [:]
        var directions: [CompiledDirection] = []
        for (i, l) in c.links.enumerated() {
            guard let a = siteIndex[l.from], let b = siteIndex[l.to] else {
                throw ModelError("link '\(l.id)': sites '\(l.from)' and '\(l.to)' must be defined")
            }
            guard l.bandwidth > 0, l.latency >= 0 else { throw ModelError("link '\(l.id)': bandwidth must be > 0 and latency >= 0") }
            linkIndex[l.id] = i
            directions.append(CompiledDirection(link: i, forward: true, from: a, to: b, bandwidth: l.bandwidth, latency: l.latency, sharing: l.sharing))
            directions.append(CompiledDirection(link: i, forward: false, from: b, to: a, bandwidth: l.bandwidth, latency: l.latency, sharing: l.sharing))
        }
        var limiterIndex: [String: Int] = [:]
        var limiters: [CompiledLimiter] = []
        for (i, l) in c.limiters.enumerated() {
            guard let site = siteIndex[l.site] else { throw ModelError("limiter '\(l.id)': site '\(l.site)' is not defined") }
            guard l.rate > 0, l.rate.isFinite else { throw ModelError("limiter '\(l.id)': rate must be > 0 tokens/s") }
            guard l.effectiveBurst >= 1 else { throw ModelError("limiter '\(l.id)': burst must be >= 1 token") }
            if let problem = l.patience?.parameterProblem { throw ModelError("limiter '\(l.id)' patience: \(problem)") }
            if let cap = l.queueCapacity, cap < 0 { throw ModelError("limiter '\(l.id)': queue capacity must be >= 0") }
            guard limiterIndex[l.id] == nil else { throw ModelError("limiter '\(l.id)' is defined twice") }
            limiterIndex[l.id] = i
            limiters.append(CompiledLimiter(
                id: l.id, site: site, rate: l.rate, burst: l.effectiveBurst, queues: l.excess == .queue,
                capacity: l.excess == .queue ? (l.queueCapacity ?? Int.max) : 0, patience: l.patience.map { $0.sampler() }))
        }
        var rateWindows: [String: [(Double, Double, Double)]] = [:]
        var capacityEvents: [CompiledCapacityEvent] = []
        for e in c.events {
            guard e.at >= 0, e.duration > 0, e.at.isFinite, e.duration.isFinite else {
                throw ModelError("event '\(e.name)': needs at >= 0 and a duration > 0 seconds")
            }
            switch e.change {
            case .rateFactor(let workload, let factor):
                guard c.workloads.contains(where: { $0.id == workload }) else { throw ModelError("event '\(e.name)': workload '\(workload)' is not defined") }
                guard factor >= 0, factor.isFinite else { throw ModelError("event '\(e.name)': rate_factor must be >= 0") }
                rateWindows[workload, default: []].append((e.at, e.end, factor))
            case .serversDown(let pool, let count):
                guard let p = poolIndex[pool] else { throw ModelError("event '\(e.name)': pool '\(pool)' is not defined") }
                guard count >= 1 else { throw ModelError("event '\(e.name)': servers_down must be >= 1") }
                capacityEvents.append(CompiledCapacityEvent(pool: p, count: count, at: e.at, end: e.end))
            }
        }
        let levels = Array(Set(c.workloads.map(\.priority))).sorted()
        var workloads: [CompiledWorkload] = []
        for w in c.workloads {
            guard !w.route.isEmpty else { throw ModelError("workload '\(w.id)': route is empty") }
            guard w.arrivals.rate >= 0 else { throw ModelError("workload '\(w.id)': arrival rate must be >= 0") }
            if let o = w.origin, siteIndex[o] == nil { throw ModelError("workload '\(w.id)': origin '\(o)' is not defined") }
            try Self.checkReferences(w.route, prefix: [], in: w, pools: poolIndex, links: linkIndex, limiters: limiterIndex)
            let walk = RouteWalk(route: w.route, origin: w.origin,
                                 poolSite: { id in poolIndex[id].map { c.pools[$0].site } },
                                 linkEnds: { id in linkIndex[id].map { (c.links[$0].from, c.links[$0].to) } },
                                 limiterSite: { id in limiterIndex[id].map { c.limiters[$0].site } })
            if let problem = walk.problems.first {
                throw ModelError("workload '\(w.id)' \(RouteWalk.describe(problem.step, in: w.route)) \(problem.message)")
            }
            guard let originID = walk.origin, let origin = siteIndex[originID] else {
                throw ModelError("workload '\(w.id)': its origin cannot be resolved")
            }
            var compiler = RouteCompiler(workload: w, walk: walk, origin: origin, poolIndex: poolIndex, linkIndex: linkIndex,
                                         limiterIndex: limiterIndex, directions: directions)
            try compiler.emit(w.route, prefix: [], visits: 1)
            let client = try w.client.map { try CompiledClient($0, workload: w.id) }
            workloads.append(CompiledWorkload(
                id: w.id, arrivals: try ArrivalClock(w.arrivals, start: c.simulation.start, windows: rateWindows[w.id] ?? []),
                level: levels.firstIndex(of: w.priority)!, steps: compiler.steps, branches: compiler.branches,
                forks: compiler.forks, client: client))
        }
        self.pools = pools
        self.directions = directions
        self.workloads = workloads
        self.limiters = limiters
        self.capacityEvents = capacityEvents
        self.priorityLevels = max(levels.count, 1)
    }

    /// Throws for the first pool, link or limiter of `route` that is not defined.
    static func checkReferences(_ route: [RouteStep], prefix: RouteWalk.StepPath, in w: WorkloadConfiguration,
                                pools: [String: Int], links: [String: Int], limiters: [String: Int]) throws {
        for (k, step) in route.enumerated() {
            let path = prefix + [k]
            func missing(_ what: String, _ id: String) -> ModelError {
                ModelError("workload '\(w.id)' \(RouteWalk.describe(path, in: w.route)): \(what) '\(id)' is not defined")
            }
            switch step {
            case .pool(let id, _): guard pools[id] != nil else { throw missing("pool", id) }
            case .link(let id, _): guard links[id] != nil else { throw missing("link", id) }
            case .limit(let id): guard limiters[id] != nil else { throw missing("limiter", id) }
            case .delay: break
            case .branch(let alternatives):
                for (j, a) in alternatives.enumerated() {
                    try checkReferences(a.route, prefix: path + [j], in: w, pools: pools, links: links, limiters: limiters)
                }
            case .fork(let branches):
                for (j, b) in branches.enumerated() {
                    try checkReferences(b, prefix: path + [j], in: w, pools: pools, links: links, limiters: limiters)
                }
            }
        }
    }
}

struct CompiledPool: Sendable {
    let id: String
    let site: Int
    let servers: Int
    let concurrency: Int
    /// Waiting places (Int.max = unlimited).
    let capacity: Int
    let usesPriority: Bool
    let patience: Sampler?
    let failures: FailureModel?
}

struct CompiledDirection: Sendable {
    let link: Int
    let forward: Bool
    let from: Int
    let to: Int
    /// bit/s
    let bandwidth: Double
    /// seconds
    let latency: Double
    let sharing: LinkSharing
}

struct CompiledWorkload: Sendable {
    let id: String
    let arrivals: ArrivalClock
    let level: Int
    /// The route as a flat program (see `CompiledStep`).
    let steps: [CompiledStep]
    let branches: [CompiledBranch]
    let forks: [CompiledFork]
    let client: CompiledClient?
}

struct CompiledLimiter: Sendable {
    let id: String
    let site: Int
    /// Tokens per second.
    let rate: Double
    /// Bucket size, tokens.
    let burst: Double
    /// True when requests without a token wait (`excess: queue`), false when they are rejected.
    let queues: Bool
    /// Waiting places (0 when rejecting, Int.max = unlimited).
    let capacity: Int
    let patience: Sampler?
}

/// A workload's client behaviour with its parameters checked.
struct CompiledClient: Sendable {
    /// Seconds; nil = no timeout.
    let timeout: Double?
    let attempts: Int
    let backoff: Backoff
    let budgetRatio: Double?

    init(_ c: ClientConfiguration, workload: String) throws {
        if let t = c.timeout, !(t > 0 && t.isFinite) { throw ModelError("workload '\(workload)' client: timeout must be > 0 seconds") }
        guard c.attempts >= 1, c.attempts <= 1000 else { throw ModelError("workload '\(workload)' client: attempts must be 1 to 1000") }
        guard c.backoff.base >= 0, c.backoff.base.isFinite, c.backoff.cap >= 0 else {
            throw ModelError("workload '\(workload)' client: backoff base and cap must be >= 0 seconds")
        }
        if let r = c.budgetRatio, !(r >= 0 && r.isFinite) { throw ModelError("workload '\(workload)' client: budget ratio must be >= 0") }
        timeout = c.timeout
        attempts = c.attempts
        backoff = c.backoff
        budgetRatio = c.budgetRatio
    }
}

/// `count` servers of pool `pool` out of service during [at, end) seconds.
struct CompiledCapacityEvent: Sendable {
    let pool: Int
    let count: Int
    let at: Double
    let end: Double
}
