import Foundation
import InfraModel
import Scenario

extension ScenarioCheck {
    /// Warnings about energy and storage inputs that are valid but probably incomplete: in a scenario with
    /// `facilities:`, sites with pools but no facilities entry (their servers' energy is not counted) and pools with
    /// `power:` at such a site; storage whose need exceeds its `max_capacity` within the horizon.
    static func facilityAndStorageWarnings(_ scenario: Scenario) -> [String] {
        var out: [String] = []
        if !scenario.facilities.isEmpty {
            for site in scenario.sites {
                let pools = scenario.pools.filter { $0.site == site.id }
                guard !pools.isEmpty, scenario.facility(at: site.id) == nil else { continue }
                let line = site.location.map { " (line \($0.line))" } ?? ""
                out.append("site '\(site.id)'\(line) has pools (\(pools.map(\.id).joined(separator: ", "))) but no facilities entry: the energy of their servers is not counted")
            }
        } else {
            for pool in scenario.pools where pool.power != nil {
                let line = pool.location.map { " (line \($0.line))" } ?? ""
                out.append("pool '\(pool.id)'\(line) has 'power' but the scenario has no facilities: its energy is not counted")
            }
        }
        for storage in scenario.storage {
            guard let maximum = storage.maxCapacity else { continue }
            for year in scenario.horizon.years {
                let need = scenario.storageNeed(storage, year: year)
                if need > maximum {
                    out.append("\(year): storage:\(storage.id) needs \(Self.terabytes(need)) but max_capacity is \(Self.terabytes(maximum)); plan will be infeasible")
                    break
                }
            }
        }
        return out
    }

    /// Bytes as decimal terabytes with one decimal ("412.5 TB").
    static func terabytes(_ bytes: Double) -> String { String(format: "%.1f TB", bytes / 1e12) }
}
