import Foundation
import InfraModel

/// Storage for data at rest (records, biometric images, scans, logs), with the data it must hold and how more of it
/// is bought. Storage is not simulated: the capacity it needs in a year is a closed form of the data items
/// (`Scenario.storageNeed(_:year:)`).
public struct StorageSpec: Sendable, Equatable {
    public var id: String
    /// Where it is installed.
    public var site: String
    /// The agency that buys more of it (default: the agency of its site).
    public var owner: String
    /// Usable capacity installed now, in bytes.
    public var installed: Double
    /// Copies kept of every byte (replicas and backups), >= 1: raw need = data × copies.
    public var copies: Double
    /// Share of the capacity kept free (snapshots, bursts, rebalancing), in [0, 1): need = data × copies / (1 − headroom).
    public var headroom: Double
    /// What is stored.
    public var data: [StorageData]
    /// How more capacity is bought.
    public var unit: StorageUnit
    /// Largest usable capacity the plan may reach, in bytes; nil = no bound.
    public var maxCapacity: Double?
    public var description: String?
    /// Where the storage is defined in the file.
    public var location: SourceLocation?

    public init(id: String, site: String, owner: String, installed: Double, copies: Double, headroom: Double,
                data: [StorageData], unit: StorageUnit, maxCapacity: Double? = nil, description: String? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.site = site
        self.owner = owner
        self.installed = installed
        self.copies = copies
        self.headroom = headroom
        self.data = data
        self.unit = unit
        self.maxCapacity = maxCapacity
        self.description = description
        self.location = location
    }
}

/// One kind of data kept in a storage resource.
public struct StorageData: Sendable, Equatable {
    /// How many items there are in a year.
    public enum Volume: Sendable, Equatable {
        /// `count` items in the base year (a stock, e.g. citizen records), growing by `growth` per year (0.01 = +1%).
        case count(Double, growth: Double)
        /// One item per request of the named workloads, kept for `retention` seconds (e.g. audit logs).
        case perRequest(workloads: [String], retention: Double)
    }

    /// What the data is, for reports.
    public var name: String
    /// Bytes per item (one copy).
    public var size: Double
    public var volume: Volume
    public var location: SourceLocation?

    public init(name: String, size: Double, volume: Volume, location: SourceLocation? = nil) {
        self.name = name
        self.size = size
        self.volume = volume
        self.location = location
    }
}

/// How storage is bought: in steps of usable capacity, outright (cost in the year of purchase, upkeep every later
/// year), like servers.
public struct StorageUnit: Sendable, Equatable {
    /// What one step is (e.g. the array shelf), when the scenario names it.
    public var name: String?
    /// Usable capacity one step adds, in bytes (> 0).
    public var step: Double
    /// Price of one step in the year it is bought, in the scenario's currency.
    public var cost: Double
    /// Upkeep of one step in every later year (support, maintenance), in the scenario's currency.
    public var opexPerYear: Double

    public init(name: String? = nil, step: Double, cost: Double, opexPerYear: Double = 0) {
        self.name = name
        self.step = step
        self.cost = cost
        self.opexPerYear = opexPerYear
    }
}

extension StorageSpec {
    /// The storage as a resource: usable bytes, bought in `unit.step`s at `unit.cost` with `unit.opex_per_year` upkeep.
    public var resource: ResourceSpec {
        ResourceSpec(id: .storage(id), agency: owner, site: site, installed: installed, step: unit.step,
                     maximum: maxCapacity ?? .infinity,
                     purchase: PurchaseUnit(kind: .storage, cost: unit.cost, opexPerYear: unit.opexPerYear, name: unit.name),
                     location: location)
    }
}

extension Scenario {
    /// Seconds in the year that retention periods are counted in (365 days).
    public static let secondsPerYear = 365.0 * 86_400

    /// The storage with this id.
    public func storage(_ id: String) -> StorageSpec? { storage.first { $0.id == id } }

    /// Bytes of one data item in `year`, one copy:
    /// - `count` items: count × (1 + growth)^(year − base year) × size;
    /// - `per_request` items: Σ over the workloads of their mean daily rate in `year` (rate × (1 + growth)^(year −
    ///   base year) × 86,400) × 365 × retention in years × size.
    public func volume(of item: StorageData, year: Int) -> Double {
        switch item.volume {
        case .count(let count, let growth):
            return count * pow(1 + growth, Double(year - horizon.baseYear)) * item.size
        case .perRequest(let ids, let retention):
            let perDay = ids.compactMap(workload).reduce(0.0) { sum, w in
                sum + w.configuration.arrivals.rate * growthFactor(of: w, year: year) * 86_400
            }
            return perDay * 365 * (retention / Self.secondsPerYear) * item.size
        }
    }

    /// Bytes of data (one copy) that `storage` holds in `year`: the sum of its items' volumes.
    public func storedData(_ storage: StorageSpec, year: Int) -> Double {
        storage.data.reduce(0) { $0 + volume(of: $1, year: year) }
    }

    /// Usable bytes `storage` needs in `year`: data × copies / (1 − headroom).
    public func storageNeed(_ storage: StorageSpec, year: Int) -> Double {
        storedData(storage, year: year) * storage.copies / (1 - storage.headroom)
    }
}
