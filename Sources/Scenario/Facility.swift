import Foundation

/// What the servers of one site cost to run: their average power draw, the site's power usage effectiveness and the
/// price of electricity. Gives the yearly energy cost of the servers installed there.
public struct Facility: Sendable, Equatable {
    /// The site this entry describes (one entry per site).
    public var site: String
    /// Average electrical draw of one server, in watts (a pool's `power:` overrides it).
    public var powerPerServer: Double
    /// Power usage effectiveness: total facility power / IT power (>= 1; cooling, UPS losses, lighting).
    public var pue: Double
    /// Price of electricity, in the scenario's currency per kWh.
    public var electricity: Double
    public var description: String?
    /// Where the entry is defined in the file.
    public var location: SourceLocation?

    public init(site: String, powerPerServer: Double, pue: Double, electricity: Double, description: String? = nil,
                location: SourceLocation? = nil) {
        self.site = site
        self.powerPerServer = powerPerServer
        self.pue = pue
        self.electricity = electricity
        self.description = description
        self.location = location
    }

    /// Hours in a year of continuous operation (365 days).
    public static let hoursPerYear = 8_760.0

    /// Energy cost of `servers` servers drawing `watts` each for a year, in the scenario's currency:
    /// servers × watts × PUE × 8,760 h × price / 1000 (W → kW), to a millionth of the currency unit.
    public func yearlyCost(servers: Double, watts: Double) -> Double {
        Self.micro(servers * watts * pue * Self.hoursPerYear / 1000 * electricity)
    }

    /// Facility energy of `servers` servers drawing `watts` each for a year, in kWh (IT power × PUE), to a
    /// millionth of a kWh.
    public func yearlyEnergy(servers: Double, watts: Double) -> Double {
        Self.micro(servers * watts * pue * Self.hoursPerYear / 1000)
    }

    /// `x` rounded to six decimals, which removes the binary rounding noise of decimal inputs such as a PUE of 1.4
    /// (68,678.39999999998 kWh becomes 68,678.4); values too large for six decimals in a Double are left as they are.
    static func micro(_ x: Double) -> Double {
        abs(x) < 9e9 ? (x * 1e6).rounded() / 1e6 : x
    }
}

extension Scenario {
    /// The facilities entry of `site`, if the scenario has one.
    public func facility(at site: String) -> Facility? { facilities.first { $0.site == site } }

    /// Average draw of one server of `pool` in watts: the pool's `power:` or its site's `power_per_server`; nil when
    /// its site has no facilities entry (its energy is not counted).
    public func serverPower(_ pool: PoolSpec) -> Double? {
        guard let f = facility(at: pool.site) else { return nil }
        return pool.power ?? f.powerPerServer
    }
}
