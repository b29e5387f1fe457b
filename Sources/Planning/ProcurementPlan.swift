import InfraModel
import Scenario

/// One purchase in one year (contract §4 ITEM), with the reason it is needed.
public struct ProcurementItem: Sendable, Equatable {
    public enum Kind: String, Sendable { case servers, bandwidth }
    public var year: Int
    public var kind: Kind
    /// Pool or link id.
    public var resource: String
    /// Pool site, or the link's `from` site.
    public var site: String
    /// For links: the far end.
    public var toSite: String?
    public var agency: String
    /// Servers added, or bandwidth steps added.
    public var quantity: Int
    /// Per server (capex), or per step per year (lease), in the scenario currency.
    public var unitCost: Double
    /// quantity × unit cost: capex of servers, or the first year's lease of bandwidth.
    public var cost: Double
    /// Recurring cost per later year: servers' upkeep, or the lease.
    public var opexPerYear: Double
    /// For bandwidth: bit/s added.
    public var bandwidthBps: Double?
    /// Capacity before and after the purchase (servers, or bit/s).
    public var capacityBefore: Double
    public var capacityAfter: Double
    /// Offered utilisation this year (offered load / capacity, all installed servers up) on the
    /// capacity before and after the purchase.
    public var utilizationBefore: Double
    public var utilizationAfter: Double
    /// Why: the target that one step less would miss, or the closed-form bound that applies.
    public var reason: String
}

/// Purchases of one agency.
public struct AgencyPlan: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Sum of items' cost plus each item's opex for every later year of the horizon.
    public var totalCost: Double
    public var items: [ProcurementItem]
}

/// Capacity of every resource in one year of the plan.
public struct YearCapacity: Sendable {
    public var year: Int
    /// Pool id → servers required; link id → bit/s required.
    public var servers: [(String, Int)]
    public var bandwidth: [(String, Double)]
    /// Offered load in server-equivalents per pool (demand).
    public var demand: [(String, Double)]
    public var results: RunResults
    public var feasible: Bool
    public var simulations: Int
    public var replications: Int
}

/// A multi-year procurement plan per agency.
public struct ProcurementPlan: Sendable {
    public var scenario: String
    public var currency: String
    public var years: [Int]
    public var totalCost: Double
    public var agencies: [AgencyPlan]
    public var capacity: [YearCapacity]
    /// False when some year could not meet its targets within the bounds.
    public var feasible: Bool { capacity.allSatisfy(\.feasible) }
    public var simulations: Int { capacity.reduce(0) { $0 + $1.simulations } }
    public var replications: Int { capacity.reduce(0) { $0 + $1.replications } }
    public var seed: UInt64
    public var replicationsPerRun: Int
    public var duration: Double
    public var warmup: Double
}
