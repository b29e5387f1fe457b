import Foundation
import InfraModel
import Scenario

/// The electricity one pool's installed servers use in one year of a plan. Energy is a running cost, not a purchase,
/// so it is kept apart from the plan's items.
public struct EnergyLine: Sendable, Equatable {
    public var year: Int
    /// The agency that pays (the agency of the pool's site).
    public var agency: String
    public var pool: String
    public var site: String
    /// Servers installed that year, after that year's purchases (spares included).
    public var servers: Int
    /// Average draw of one server, in watts.
    public var watts: Double
    /// Power usage effectiveness of the site (>= 1).
    public var pue: Double
    /// Price of electricity, in the scenario's currency per kWh.
    public var electricity: Double
    /// Facility energy in the year, in kWh: servers × watts × PUE × 8,760 h / 1000.
    public var kWh: Double
    /// kWh × price, in the scenario's currency.
    public var cost: Double
}

/// Energy cost of what a plan installs (contract §6): for each year, each pool whose site has a `facilities` entry
/// costs servers installed that year × watts × PUE × 8,760 h × price / 1000.
public enum EnergyCost {
    /// One line per plan year and pool with a facilities entry, in year order, then the scenario's pool order.
    public static func lines(_ scenario: Scenario, capacity: [YearCapacity]) -> [EnergyLine] {
        lines(scenario, years: capacity.map(\.year)) { year, resource in capacity.first { $0.year == year }?.capacity(of: resource) }
    }

    /// One line per year of `years` and pool with a facilities entry, with the servers `installed(year, pool)` gives.
    public static func lines(_ scenario: Scenario, years: [Int], installed: (Int, ResourceID) -> Double?) -> [EnergyLine] {
        var out: [EnergyLine] = []
        for year in years {
            for pool in scenario.pools {
                guard let facility = scenario.facility(at: pool.site), let watts = scenario.serverPower(pool),
                      let installed = installed(year, .pool(pool.id)) else { continue }
                let servers = Int(installed)
                out.append(EnergyLine(year: year, agency: pool.agency, pool: pool.id, site: pool.site, servers: servers,
                                      watts: watts, pue: facility.pue, electricity: facility.electricity,
                                      kWh: facility.yearlyEnergy(servers: Double(servers), watts: watts),
                                      cost: facility.yearlyCost(servers: Double(servers), watts: watts)))
            }
        }
        return out
    }

    /// Energy cost per agency and year (summed over the agency's pools in the order of `lines`).
    public static func byAgency(_ lines: [EnergyLine]) -> [String: [Int: Double]] {
        var out: [String: [Int: Double]] = [:]
        for l in lines { out[l.agency, default: [:]][l.year, default: 0] += l.cost }
        return out
    }

    /// The sum of yearly amounts, added in year order (so that the result does not depend on dictionary order).
    public static func total(_ perYear: [Int: Double]) -> Double {
        perYear.keys.sorted().reduce(0) { $0 + perYear[$1]! }
    }
}
