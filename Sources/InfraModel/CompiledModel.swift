import SimKernel

/// A `ModelConfiguration` turned into dense indices for the event loop: pools, link directions and
/// workload routes refer to each other by position, and every route step knows its direction.
public struct CompiledModel: Sendable {
    public let configuration: ModelConfiguration
    let pools: [CompiledPool]
    let directions: [CompiledDirection]
    let workloads: [CompiledWorkload]
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
        let levels = Array(Set(c.workloads.map(\.priority))).sorted()
        var workloads: [CompiledWorkload] = []
        for w in c.workloads {
            guard !w.route.isEmpty else { throw ModelError("workload '\(w.id)': route is empty") }
            guard w.arrivals.rate >= 0 else { throw ModelError("workload '\(w.id)': arrival rate must be >= 0") }
            var site: Int
            if let o = w.origin {
                guard let s = siteIndex[o] else { throw ModelError("workload '\(w.id)': origin '\(o)' is not defined") }
                site = s
            } else {
                switch w.route[0] {
                case .pool(let id, _):
                    guard let p = poolIndex[id] else { throw ModelError("workload '\(w.id)': pool '\(id)' is not defined") }
                    site = pools[p].site
                case .link(let id, _):
                    guard let l = linkIndex[id] else { throw ModelError("workload '\(w.id)': link '\(id)' is not defined") }
                    site = directions[2 * l].from
                }
            }
            let origin = site
            var steps: [CompiledStep] = []
            for (k, step) in w.route.enumerated() {
                switch step {
                case .pool(let id, let service):
                    guard let p = poolIndex[id] else { throw ModelError("workload '\(w.id)' step \(k + 1): pool '\(id)' is not defined") }
                    guard pools[p].site == site else {
                        throw ModelError("workload '\(w.id)' step \(k + 1): pool '\(id)' is at site '\(c.sites[pools[p].site])' but the request is at '\(c.sites[site])'")
                    }
                    if let problem = service.parameterProblem { throw ModelError("workload '\(w.id)' step \(k + 1): \(problem)") }
                    steps.append(CompiledStep(isLink: false, index: Int32(p), service: service.sampler(), size: nil))
                case .link(let id, let size):
                    guard let l = linkIndex[id] else { throw ModelError("workload '\(w.id)' step \(k + 1): link '\(id)' is not defined") }
                    let fwd = directions[2 * l], rev = directions[2 * l + 1]
                    let d: Int
                    if fwd.from == site { d = 2 * l } else if rev.from == site { d = 2 * l + 1 } else {
                        throw ModelError("workload '\(w.id)' step \(k + 1): link '\(id)' joins '\(c.sites[fwd.from])' and '\(c.sites[fwd.to])' but the request is at '\(c.sites[site])'")
                    }
                    site = directions[d].to
                    let carried = size ?? (site == origin ? w.responseSize : w.requestSize)
                    if let problem = carried.parameterProblem { throw ModelError("workload '\(w.id)' step \(k + 1) size: \(problem)") }
                    steps.append(CompiledStep(isLink: true, index: Int32(d), service: nil, size: carried.sampler()))
                }
            }
            workloads.append(CompiledWorkload(
                id: w.id, arrivals: try ArrivalClock(w.arrivals, start: c.simulation.start),
                level: levels.firstIndex(of: w.priority)!, steps: steps))
        }
        self.pools = pools
        self.directions = directions
        self.workloads = workloads
        self.priorityLevels = max(levels.count, 1)
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

struct CompiledStep: Sendable {
    let isLink: Bool
    /// Pool index, or link direction index (2 × link + 0 forward / 1 reverse).
    let index: Int32
    /// Service time in seconds (pool steps).
    let service: Sampler?
    /// Bytes carried (link steps).
    let size: Sampler?
}

struct CompiledWorkload: Sendable {
    let id: String
    let arrivals: ArrivalClock
    let level: Int
    let steps: [CompiledStep]
}
