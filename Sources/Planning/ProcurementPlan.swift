import InfraModel
import Scenario

/// One purchase in one year (contract §4 ITEM), with the reason it is needed.
public struct ProcurementItem: Sendable, Equatable {
    public typealias Kind = PurchaseUnit.Kind
    public var year: Int
    /// What is bought: servers, bandwidth or limiter rate.
    public var kind: Kind
    /// The resource that grows.
    public var resource: ResourceID
    /// Where it is (a link: its `from` site).
    public var site: String
    /// A link's far end.
    public var toSite: String?
    public var agency: String
    /// Purchase steps added (servers, or bandwidth or rate steps).
    public var quantity: Int
    /// Capacity the steps add, in the resource's capacity unit (servers, bit/s or tokens/s).
    public var addedCapacity: Double
    /// Price of one step in the year of purchase (a server, or a step's lease), in the scenario currency.
    public var unitCost: Double
    /// quantity × unit cost: capex of servers, or the first year's lease of bandwidth.
    public var cost: Double
    /// Recurring cost per later year: servers' upkeep, or the lease.
    public var opexPerYear: Double
    /// Capacity before and after the purchase, in the resource's capacity unit.
    public var capacityBefore: Double
    public var capacityAfter: Double
    /// Offered utilisation this year (offered load / capacity, all installed servers up) on the
    /// capacity before and after the purchase.
    public var utilizationBefore: Double
    public var utilizationAfter: Double
    /// Why: the target that one step less would miss, or the closed-form bound that applies.
    public var reason: PurchaseReason

    /// For bandwidth: bit/s added.
    public var bandwidthBps: Double? { kind == .bandwidth ? addedCapacity : nil }
    /// For limiter rate: tokens per second added.
    public var ratePerSecond: Double? { kind == .rate ? addedCapacity : nil }
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
    /// Capacity of every resource after this year's purchases, in its capacity unit (servers, bit/s), in the
    /// scenario's resource order.
    public var capacity: [(resource: ResourceID, value: Double)]
    /// Offered load per pool in servers (demand), from the closed forms.
    public var demand: [ResourceID: Double]
    public var results: RunResults
    /// The configuration simulated for `results` (the year's load on its sized capacity, reserves out of service).
    public var configuration: ModelConfiguration
    public var feasible: Bool
    public var simulations: Int
    public var replications: Int

    /// The capacity of `resource` this year.
    public func capacity(of resource: ResourceID) -> Double? { capacity.first { $0.resource == resource }?.value }
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
