import InfraModel
import Scenario

/// One plan of an uncertainty study: which future it plans and with which input values.
public struct ExploreRunSpec: Sendable, Equatable {
    /// Why the run exists.
    public enum Role: Sendable, Equatable, Hashable {
        /// Sample i of the design.
        case sample(Int)
        /// Every input at its base value (the tornado's centre).
        case base
        /// Input k at the low end of its range (10th percentile, or smallest level), others at base.
        case low(input: Int)
        /// Input k at the high end of its range (90th percentile, or largest level), others at base.
        case high(input: Int)
        /// Sample i planned again with a second simulation seed (the noise check).
        case noise(sample: Int)
    }

    /// Position in the study's run list: samples first, then the base run, the sensitivity runs and the noise runs.
    public var index: Int
    public var role: Role
    /// Each input's value in this run: the drawn value (in the value's base units) or the factor.
    public var inputs: [Double]
}

/// What one plan of a study found: enough to analyse the study without planning again.
public struct ExploreRunResult: Sendable, Equatable {
    public var index: Int
    public var role: ExploreRunSpec.Role
    public var inputs: [Double]
    /// False when some year has no configuration within the bounds that meets every target.
    public var feasible: Bool
    /// The first year without such a configuration (nil when feasible). The run's plan stops there: the costs and
    /// capacities of an infeasible run are those of the years before it, with nothing bought from it on; they are
    /// no budget, and the analysis leaves them out.
    public var infeasibleFrom: Int?
    /// The plan's total over the horizon, in the scenario's currency.
    public var totalCost: Double
    /// Each agency's total, in the order of the scenario's agencies (0 for an agency that buys nothing).
    public var agencies: [Double]
    /// What all agencies pay in each year of the horizon.
    public var yearCosts: [Double]
    /// Capacity after each year's purchases, per resource in its capacity unit, in the scenario's resource order.
    public var capacity: [[Double]]

    public init(index: Int, role: ExploreRunSpec.Role, inputs: [Double], feasible: Bool, infeasibleFrom: Int? = nil,
                totalCost: Double, agencies: [Double], yearCosts: [Double], capacity: [[Double]]) {
        self.index = index
        self.role = role
        self.inputs = inputs
        self.feasible = feasible
        self.infeasibleFrom = infeasibleFrom
        self.totalCost = totalCost
        self.agencies = agencies
        self.yearCosts = yearCosts
        self.capacity = capacity
    }
}
