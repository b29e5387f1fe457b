/// Capacity of resources by their typed identity: the one place that knows how each kind's capacity sits in the
/// configuration (pools: servers; links: bit/s per direction; limiters: tokens per second; storage is not part of the
/// simulated configuration).
extension ModelConfiguration {
    /// Every resource of the configuration: pools, then links, then limiters, in file order.
    public var resources: [ResourceID] {
        pools.map { .pool($0.id) } + links.map { .link($0.id) } + limiters.map { .limiter($0.id) }
    }

    /// Installed capacity of `resource` in its kind's unit (servers, bit/s or tokens/s), or nil when it does not
    /// exist.
    public func capacity(of resource: ResourceID) -> Double? {
        switch resource.kind {
        case .pool: return pools.first { $0.id == resource.id }.map { Double($0.servers) }
        case .link: return links.first { $0.id == resource.id }?.bandwidth
        case .limiter: return limiters.first { $0.id == resource.id }?.rate
        case .storage: return nil   // not simulated: storage need is a closed form (Scenario, Planning)
        }
    }

    /// Sets the capacity of `resource` (servers are rounded down to whole servers, never below 0).
    public mutating func setCapacity(_ value: Double, of resource: ResourceID) {
        switch resource.kind {
        case .pool:
            if let i = pools.firstIndex(where: { $0.id == resource.id }) { pools[i].servers = max(Int(value), 0) }
        case .link:
            if let i = links.firstIndex(where: { $0.id == resource.id }) { links[i].bandwidth = value }
        case .limiter:
            if let i = limiters.firstIndex(where: { $0.id == resource.id }) { limiters[i].rate = value }
        case .storage: break
        }
    }
}

extension WorkloadConfiguration {
    /// The resources its requests use (also inside branches and forks), in route order, each once.
    public var resourcesOnRoute: [ResourceID] {
        var seen = Set<ResourceID>()
        var out: [ResourceID] = []
        func visit(_ steps: [RouteStep]) {
            for step in steps {
                let r: ResourceID
                switch step {
                case .pool(let id, _): r = .pool(id)
                case .link(let id, _): r = .link(id)
                case .limit(let id): r = .limiter(id)
                case .delay: continue
                case .branch(let alternatives): alternatives.forEach { visit($0.route) }; continue
                case .fork(let branches): branches.forEach(visit); continue
                }
                if seen.insert(r).inserted { out.append(r) }
            }
        }
        visit(route)
        return out
    }
}

extension RunResults {
    /// Mean simulated utilisation of `resource` (links: the busier direction; limiters: tokens passed / tokens
    /// added), or nil when it is not in the results.
    public func utilization(of resource: ResourceID) -> Double? {
        switch resource.kind {
        case .pool: return pools.first { $0.id == resource.id }?.utilization.mean
        case .link:
            return links.first { $0.id == resource.id }.map { max($0.forward.utilization.mean, $0.reverse.utilization.mean) }
        case .limiter: return limiters.first { $0.id == resource.id }?.utilization.mean
        case .storage: return nil
        }
    }
}
