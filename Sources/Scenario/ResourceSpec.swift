import InfraModel

/// How more capacity of a resource is bought: the one description of a kind's unit of purchase that sizing,
/// plans and reports share.
public struct PurchaseUnit: Sendable, Equatable {
    /// What a plan item buys. Servers and storage are bought outright (capex, then upkeep); bandwidth and limiter
    /// rate are leased (the same cost in the year of purchase and every later year).
    public enum Kind: String, Sendable, CaseIterable {
        case servers, bandwidth, rate, storage
    }

    public var kind: Kind
    /// Price of one unit in the year it is bought (a server's price, or a step's first-year lease), in the
    /// scenario's currency.
    public var cost: Double
    /// Cost of one unit in every later year (a server's upkeep, or a step's lease), in the scenario's currency.
    public var opexPerYear: Double
    /// What one unit is, for reports (e.g. the server model), when the scenario names it.
    public var name: String?

    public init(kind: Kind, cost: Double, opexPerYear: Double, name: String? = nil) {
        self.kind = kind
        self.cost = cost
        self.opexPerYear = opexPerYear
        self.name = name
    }
}

/// A resource as a planner sees it: who buys it, where it is, what is installed, how far it may grow and how
/// more of it is bought. Capacities are in the kind's unit: servers for pools, bit/s per direction for links,
/// tokens per second for limiters, usable bytes for storage.
public struct ResourceSpec: Sendable, Equatable {
    public var id: ResourceID
    /// The agency that buys more of it.
    public var agency: String
    /// Where it is (a link: its `from` site).
    public var site: String
    /// A link's `to` site.
    public var toSite: String?
    /// Capacity installed now.
    public var installed: Double
    /// Capacity one purchase step adds (1 server, or a link's `unit.step` in bit/s); nil when the resource cannot
    /// grow (a link without `unit`), so sizing leaves it as installed.
    public var step: Double?
    /// Largest capacity sizing may choose (`max_servers`, `max_bandwidth`, or a generous default).
    public var maximum: Double
    /// Price of a step; nil when the scenario gives none.
    public var purchase: PurchaseUnit?
    /// Steps kept in reserve beyond what the targets need (`redundancy: n+k` on pools): targets must hold with
    /// this many steps out of service.
    public var reserve: Int
    public var location: SourceLocation?

    public init(id: ResourceID, agency: String, site: String, toSite: String? = nil, installed: Double,
                step: Double?, maximum: Double, purchase: PurchaseUnit?, reserve: Int = 0, location: SourceLocation? = nil) {
        self.id = id
        self.agency = agency
        self.site = site
        self.toSite = toSite
        self.installed = installed
        self.step = step
        self.maximum = maximum
        self.purchase = purchase
        self.reserve = reserve
        self.location = location
    }
}

extension PoolSpec {
    /// The pool as a resource: servers, bought one at a time at `unit.cost` with `unit.opex_per_year` upkeep.
    public var resource: ResourceSpec {
        ResourceSpec(id: .pool(id), agency: agency, site: site, installed: Double(configuration.servers), step: 1,
                     maximum: Double(max(maxServers ?? 100_000, 1)),
                     purchase: unit.map { PurchaseUnit(kind: .servers, cost: $0.cost, opexPerYear: $0.opexPerYear, name: $0.name) },
                     reserve: redundancy, location: location)
    }
}

extension LinkSpec {
    /// The link as a resource: bandwidth per direction, leased in `unit.step`s at `unit.cost_per_year`.
    public var resource: ResourceSpec {
        let bandwidth = configuration.bandwidth
        return ResourceSpec(id: .link(id), agency: owner, site: configuration.from, toSite: configuration.to,
                            installed: bandwidth, step: unit?.stepBps,
                            maximum: maxBandwidth ?? max(1e13, bandwidth * 1000),
                            purchase: unit.map { PurchaseUnit(kind: .bandwidth, cost: $0.costPerYear, opexPerYear: $0.costPerYear) },
                            location: location)
    }
}

extension Scenario {
    /// Every resource of the scenario: pools, then links, then limiters, then storage, in file order.
    public var resources: [ResourceSpec] {
        pools.map(\.resource) + links.map(\.resource) + limiters.map(\.resource) + storage.map(\.resource)
    }

    /// The resource with this identity.
    public func resource(_ id: ResourceID) -> ResourceSpec? {
        switch id.kind {
        case .pool: return pool(id.id)?.resource
        case .link: return link(id.id)?.resource
        case .limiter: return limiter(id.id)?.resource
        case .storage: return storage(id.id)?.resource
        }
    }
}
