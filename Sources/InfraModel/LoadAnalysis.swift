import Foundation
import SimKernel

/// Offered load of every pool and link direction, from arrival rates and mean service times
/// alone (no simulation): the first-order check that a configuration can carry its load.
///
/// Offered load counts every arrival at its full rate (losses upstream are ignored), so it is
/// an upper bound on the load actually carried; a step inside a branch counts with the probability of reaching
/// it. Client retries are not counted: they are load the simulation finds, not load the scenario offers.
public struct LoadAnalysis: Sendable {
    public struct Resource: Sendable, Equatable {
        /// "pool:ID", "link:ID forward|reverse" or "limiter:ID".
        public var label: String
        /// Offered load / capacity at the mean rate over the simulated period.
        public var meanUtilization: Double
        /// Offered load / capacity at the busiest rate of the simulated period.
        public var peakUtilization: Double
        /// True when waiting is unbounded (unlimited queue, no patience, or a link).
        public var unboundedQueue: Bool
    }

    public var pools: [Resource]
    public var directions: [Resource]
    /// Offered tokens per second / rate.
    public var limiters: [Resource]
    /// Per pool: pool id, installed channels × availability, channels per server × availability.
    private var poolCapacity: [(id: String, channels: Double, perServer: Double)] = []
    /// Per link: link id and bandwidth per direction (bit/s).
    private var linkBandwidth: [(id: String, bandwidth: Double)] = []
    /// Per limiter: limiter id and rate (tokens/s).
    private var limiterRate: [(id: String, rate: Double)] = []

    public init(_ model: CompiledModel) {
        let c = model.configuration
        let end = c.simulation.warmup + c.simulation.duration
        var poolLoad = Array(repeating: (0.0, 0.0), count: model.pools.count)
        var dirLoad = Array(repeating: (0.0, 0.0), count: model.directions.count)
        var tokenLoad = Array(repeating: (0.0, 0.0), count: model.limiters.count)
        for w in model.workloads {
            let mean = w.arrivals.expectedArrivals(from: 0, to: end) / end
            let peak = w.arrivals.peakRate(from: 0, to: end)
            for s in w.steps {
                switch s.kind {
                case .link:
                    let bits = 8 * (s.size?.distribution.mean ?? 0) * s.visits
                    dirLoad[Int(s.index)].0 += mean * bits
                    dirLoad[Int(s.index)].1 += peak * bits
                case .pool:
                    let work = (s.service?.distribution.mean ?? 0) * s.visits
                    poolLoad[Int(s.index)].0 += mean * work
                    poolLoad[Int(s.index)].1 += peak * work
                case .limit:
                    tokenLoad[Int(s.index)].0 += mean * s.visits
                    tokenLoad[Int(s.index)].1 += peak * s.visits
                case .delay, .branch, .fork, .join, .jump:
                    break
                }
            }
        }
        poolCapacity = model.pools.indices.map { p in
            let cp = model.pools[p]
            let availability = c.pools[p].availability
            return (cp.id, (Double(cp.servers) * Double(cp.concurrency)) * availability, Double(cp.concurrency) * availability)
        }
        linkBandwidth = c.links.map { ($0.id, $0.bandwidth) }
        pools = model.pools.indices.map { p in
            let cp = model.pools[p]
            let capacity = (Double(cp.servers) * Double(cp.concurrency)) * c.pools[p].availability
            let (m, k) = poolLoad[p]
            return Resource(label: "pool:\(cp.id)",
                            meanUtilization: capacity > 0 ? m / capacity : (m > 0 ? .infinity : 0),
                            peakUtilization: capacity > 0 ? k / capacity : (k > 0 ? .infinity : 0),
                            unboundedQueue: cp.capacity == Int.max && cp.patience == nil)
        }
        directions = model.directions.indices.map { d in
            let cd = model.directions[d]
            let (m, k) = dirLoad[d]
            return Resource(label: "link:\(c.links[cd.link].id) \(cd.forward ? "forward" : "reverse")",
                            meanUtilization: m / cd.bandwidth, peakUtilization: k / cd.bandwidth, unboundedQueue: true)
        }
        limiterRate = model.limiters.map { ($0.id, $0.rate) }
        limiters = model.limiters.indices.map { l in
            let cl = model.limiters[l]
            let (m, k) = tokenLoad[l]
            return Resource(label: "limiter:\(cl.id)", meanUtilization: m / cl.rate, peakUtilization: k / cl.rate,
                            unboundedQueue: cl.queues && cl.capacity == Int.max && cl.patience == nil)
        }
    }

    /// Offered load of `resource` in its capacity unit, at the mean rate over the simulated period and at the
    /// busiest rate: pools in servers (busy channels / (concurrency × availability)), links in bit/s of the
    /// busier direction, limiters in tokens per second. Nil when the resource is not in the model.
    public func offeredLoad(_ resource: ResourceID) -> (mean: Double, peak: Double)? {
        switch resource.kind {
        case .pool:
            guard let i = poolCapacity.firstIndex(where: { $0.id == resource.id }) else { return nil }
            let (_, channels, perServer) = poolCapacity[i]
            func servers(_ utilization: Double) -> Double { utilization.isFinite ? utilization * channels / perServer : 0 }
            return (servers(pools[i].meanUtilization), servers(pools[i].peakUtilization))
        case .link:
            guard let i = linkBandwidth.firstIndex(where: { $0.id == resource.id }) else { return nil }
            let bw = linkBandwidth[i].bandwidth
            return (max(directions[2 * i].meanUtilization * bw, directions[2 * i + 1].meanUtilization * bw),
                    max(directions[2 * i].peakUtilization, directions[2 * i + 1].peakUtilization) * bw)
        case .limiter:
            guard let i = limiterRate.firstIndex(where: { $0.id == resource.id }) else { return nil }
            return (limiters[i].meanUtilization * limiterRate[i].rate, limiters[i].peakUtilization * limiterRate[i].rate)
        case .storage: return nil   // data at rest carries no request load
        }
    }

    /// Offered utilisation of `resource` at the mean rate (links: the busier direction), or nil.
    public func meanUtilization(_ resource: ResourceID) -> Double? {
        switch resource.kind {
        case .pool: return poolCapacity.firstIndex { $0.id == resource.id }.map { pools[$0].meanUtilization }
        case .link:
            return linkBandwidth.firstIndex { $0.id == resource.id }.map {
                max(directions[2 * $0].meanUtilization, directions[2 * $0 + 1].meanUtilization)
            }
        case .limiter: return limiterRate.firstIndex { $0.id == resource.id }.map { limiters[$0].meanUtilization }
        case .storage: return nil
        }
    }

    /// Warnings for resources whose offered load reaches their capacity.
    public func overloadWarnings() -> [String] {
        var out: [String] = []
        for r in pools + directions + limiters {
            if r.meanUtilization >= 1 {
                let consequence = r.unboundedQueue ? "its queue grows without bound" : "expect heavy losses"
                out.append("\(r.label) is overloaded: offered load is \(Self.percent(r.meanUtilization)) of capacity on average over the run; \(consequence)")
            } else if r.peakUtilization >= 1 {
                out.append("\(r.label) is overloaded at the busiest hour: offered load reaches \(Self.percent(r.peakUtilization)) of capacity")
            }
        }
        return out
    }

    static func percent(_ x: Double) -> String {
        guard x.isFinite else { return "infinite (no capacity)" }
        return abs(x) < 1e12 ? "\(Int((x * 100).rounded()))%" : String(format: "%.1e%%", x * 100)
    }
}
