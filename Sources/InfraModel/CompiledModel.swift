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
            if let o = w.origin, siteIndex[o] == nil { throw ModelError("workload '\(w.id)': origin '\(o)' is not defined") }
            for (k, step) in w.route.enumerated() {
                switch step {
                case .pool(let id, _):
                    guard poolIndex[id] != nil else { throw ModelError("workload '\(w.id)' step \(k + 1): pool '\(id)' is not defined") }
                case .link(let id, _):
                    guard linkIndex[id] != nil else { throw ModelError("workload '\(w.id)' step \(k + 1): link '\(id)' is not defined") }
                }
            }
            let walk = RouteWalk(route: w.route, origin: w.origin,
                                 poolSite: { id in poolIndex[id].map { c.pools[$0].site } },
                                 linkEnds: { id in linkIndex[id].map { (c.links[$0].from, c.links[$0].to) } })
            if let problem = walk.problems.first {
                throw ModelError("workload '\(w.id)' step \(problem.step[0] + 1) \(problem.message)")
            }
            guard let originID = walk.origin, let origin = siteIndex[originID] else {
                throw ModelError("workload '\(w.id)': its origin cannot be resolved")
            }
            var steps: [CompiledStep] = []
            for (k, step) in w.route.enumerated() {
                switch step {
                case .pool(let id, let service):
                    let p = poolIndex[id]!
                    if let problem = service.parameterProblem { throw ModelError("workload '\(w.id)' step \(k + 1): \(problem)") }
                    steps.append(CompiledStep(isLink: false, index: Int32(p), service: service.sampler(), size: nil))
                case .link(let id, let size):
                    let l = linkIndex[id]!
                    let d = walk.forward[[k]] == true ? 2 * l : 2 * l + 1
                    let site = directions[d].to
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
