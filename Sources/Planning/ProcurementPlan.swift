import InfraModel
import Scenario

/// One purchase in one year (contract §4 ITEM), with the reason it is needed.
public struct ProcurementItem: Sendable, Equatable {
    public typealias Kind = PurchaseUnit.Kind
    public var year: Int
    /// What is bought: servers, bandwidth, limiter rate or storage.
    public var kind: Kind
    /// The resource that grows.
    public var resource: ResourceID
    /// Where it is (a link: its `from` site).
    public var site: String
    /// A link's far end.
    public var toSite: String?
    public var agency: String
    /// Purchase steps added (servers, or bandwidth, rate or storage steps).
    public var quantity: Int
    /// Capacity the steps add, in the resource's capacity unit (servers, bit/s, tokens/s or usable bytes).
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
    /// capacity before and after the purchase; for storage, the fill (data × copies / capacity).
    public var utilizationBefore: Double
    public var utilizationAfter: Double
    /// Why: the target that one step less would miss, or the closed-form bound that applies.
    public var reason: PurchaseReason
    /// True when the scenario gives the resource no price (a pool without `unit:`): the quantity is what the targets
    /// need, but `unitCost`, `cost` and `opexPerYear` are 0 because the price is missing, not because it is free.
    public var unpriced: Bool = false

    /// For bandwidth: bit/s added.
    public var bandwidthBps: Double? { kind == .bandwidth ? addedCapacity : nil }
    /// For limiter rate: tokens per second added.
    public var ratePerSecond: Double? { kind == .rate ? addedCapacity : nil }
    /// For storage: usable bytes added.
    public var capacityBytes: Double? { kind == .storage ? addedCapacity : nil }
}

/// Purchases of one agency.
public struct AgencyPlan: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Sum of items' cost plus each item's opex for every later year of the horizon, plus the energy of every year.
    public var totalCost: Double
    public var items: [ProcurementItem]
    /// Energy cost of the agency's installed servers per year, in the scenario's currency (years with facilities
    /// entries only; not a purchase).
    public var energy: [Int: Double] = [:]

    /// The energy of every year, summed in year order.
    public var energyTotal: Double { EnergyCost.total(energy) }
}

/// Capacity of every resource in one year of the plan.
public struct YearCapacity: Sendable {
    public var year: Int
    /// Capacity of every resource after this year's purchases, in its capacity unit (servers, bit/s), in the
    /// scenario's resource order.
    public var capacity: [(resource: ResourceID, value: Double)]
    /// Demand per resource from the closed forms: offered load per pool in servers; for storage, the usable bytes
    /// needed (data × copies / (1 − headroom)).
    public var demand: [ResourceID: Double]
    public var results: RunResults
    /// The configuration simulated for `results` (the year's load on its sized capacity, reserves out of service).
    public var configuration: ModelConfiguration
    public var feasible: Bool
    public var simulations: Int
    public var replications: Int
    /// Storage whose need exceeds its `max_capacity` this year (the year is then infeasible).
    public var shortfalls: [CapacityShortfall] = []
    /// Why the year is infeasible (empty when it is feasible). An infeasible year buys nothing: `capacity` stays
    /// what earlier years installed, and `results` are those of the configuration `tried`.
    public var diagnosis: [Infeasibility] = []
    /// For an infeasible year: the capacity simulated for the diagnosis (ample capacity within the bounds), in each
    /// resource's capacity unit; empty for a feasible year. Not a purchase.
    public var tried: [(resource: ResourceID, value: Double)] = []

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
    /// The years that cannot meet their targets within the bounds (they buy nothing).
    public var infeasibleYears: [Int] { capacity.filter { !$0.feasible }.map(\.year) }
    /// Every plan item whose resource has no price in the scenario (counted at 0 in every cost).
    public var unpricedItems: [ProcurementItem] { agencies.flatMap(\.items).filter(\.unpriced) }
    public var simulations: Int { capacity.reduce(0) { $0 + $1.simulations } }
    public var replications: Int { capacity.reduce(0) { $0 + $1.replications } }
    public var seed: UInt64
    public var replicationsPerRun: Int
    public var duration: Double
    public var warmup: Double
    /// The `--set` overrides the scenario was planned with.
    public var overrides: [ScenarioOverride] = []
    /// Energy per year and pool of the servers installed after each year's purchases (sites with facilities only).
    public var energy: [EnergyLine] = []
    /// The stretch of the design week every year was sized on.
    public var window: SimulationWindow? = nil
}

extension AgencyPlan {
    /// What the agency pays in `year`, in the scenario's currency: that year's purchases (capex, or the first
    /// year's lease), the upkeep or lease of every earlier purchase, and the year's energy.
    public func cost(inYear year: Int) -> Double { Self.cost(of: items, inYear: year) + (energy[year] ?? 0) }

    /// What `items` cost in `year`: purchases of that year plus upkeep or lease of earlier ones (no energy).
    public static func cost(of items: [ProcurementItem], inYear year: Int) -> Double {
        items.reduce(0) { sum, i in
            if i.year == year { return sum + i.cost }
            if i.year < year { return sum + i.opexPerYear }
            return sum
        }
    }
}

extension ProcurementPlan {
    /// What all agencies pay in `year`, in the scenario's currency (energy included).
    public func cost(inYear year: Int) -> Double { agencies.reduce(0) { $0 + $1.cost(inYear: year) } }
}
