import InfraModel
import Scenario

/// Investment (capex) and running costs (opex) of a plan, per year: the split a budget request needs, since public
/// investment and recurrent spending are separate budget lines.
///
/// Capex: the price of servers and storage in the year they are bought. Opex: everything paid again every year — the
/// upkeep of earlier purchases, leases and rents from their first year (bandwidth, and servers or storage whose unit
/// costs the same every year, `cost == opex_per_year`: rented VMs, leased storage; a rent is never an investment) and
/// the energy of installed servers. capex + opex = the year's cost (`AgencyPlan.cost(inYear:)`).
extension ProcurementItem {
    /// True when the item's cost is an investment: servers or storage bought outright (not bandwidth, and not a unit
    /// whose price recurs unchanged every year, which is a rent).
    public var isInvestment: Bool { kind != .bandwidth && !(cost > 0 && opexPerYear == cost) }
}

extension AgencyPlan {
    /// The agency's investment in `year`, in the scenario's currency.
    public func capex(inYear year: Int) -> Double {
        items.reduce(0) { $0 + ($1.year == year && $1.isInvestment ? $1.cost : 0) }
    }

    /// The agency's running costs in `year`, in the scenario's currency (upkeep, leases and energy).
    public func opex(inYear year: Int) -> Double { cost(inYear: year) - capex(inYear: year) }

    /// Investment over the horizon.
    public var capexTotal: Double { items.reduce(0) { $0 + ($1.isInvestment ? $1.cost : 0) } }

    /// Running costs over the horizon: total cost minus investment.
    public var opexTotal: Double { totalCost - capexTotal }
}

extension ProcurementPlan {
    /// Every agency's investment in `year`.
    public func capex(inYear year: Int) -> Double { agencies.reduce(0) { $0 + $1.capex(inYear: year) } }
    /// Every agency's running costs in `year`.
    public func opex(inYear year: Int) -> Double { agencies.reduce(0) { $0 + $1.opex(inYear: year) } }
    /// Investment over the horizon.
    public var capexTotal: Double { agencies.reduce(0) { $0 + $1.capexTotal } }
    /// Running costs over the horizon.
    public var opexTotal: Double { agencies.reduce(0) { $0 + $1.opexTotal } }
}
