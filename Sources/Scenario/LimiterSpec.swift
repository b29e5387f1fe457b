import InfraModel

/// How limiter rate is bought: leased in steps, like bandwidth (e.g. an SMS contract's messages per second).
public struct RateUnit: Sendable, Equatable {
    /// Tokens per second of one step.
    public var stepPerSecond: Double
    /// Lease of one step per year, in the scenario's currency.
    public var costPerYear: Double

    public init(stepPerSecond: Double, costPerYear: Double) {
        self.stepPerSecond = stepPerSecond
        self.costPerYear = costPerYear
    }
}

/// A limiter with its procurement data.
public struct LimiterSpec: Sendable, Equatable {
    /// What the simulator needs (rate in tokens/s, burst in tokens, excess, queue, patience in seconds).
    public var configuration: LimiterConfiguration
    /// The agency that buys more rate (default: the agency of its site).
    public var owner: String
    /// The unit of purchase; nil = not priced (sizing leaves the rate as installed).
    public var unit: RateUnit?
    /// Upper bound on the rate when sizing, tokens/s; nil = no explicit bound.
    public var maxRate: Double?
    public var description: String?
    /// Where the limiter is defined in the file.
    public var location: SourceLocation?

    public init(configuration: LimiterConfiguration, owner: String, unit: RateUnit? = nil, maxRate: Double? = nil,
                description: String? = nil, location: SourceLocation? = nil) {
        self.configuration = configuration
        self.owner = owner
        self.unit = unit
        self.maxRate = maxRate
        self.description = description
        self.location = location
    }

    public var id: String { configuration.id }

    /// The limiter as a resource: tokens per second, leased in `unit.step`s at `unit.cost_per_year`.
    public var resource: ResourceSpec {
        let rate = configuration.rate
        return ResourceSpec(id: .limiter(id), agency: owner, site: configuration.site, installed: rate,
                            step: unit?.stepPerSecond, maximum: maxRate ?? max(1e9, rate * 1000),
                            purchase: unit.map { PurchaseUnit(kind: .rate, cost: $0.costPerYear, opexPerYear: $0.costPerYear) },
                            location: location)
    }
}
