import Foundation
import InfraModel
import Scenario
import SimKernel

/// What a study's runs say, computed from their results alone (no simulation): budget percentiles with their
/// 95% intervals, purchase probabilities, the robust plan and its joint adequacy, one-at-a-time sensitivity with
/// rank correlations, and the simulation-noise check.
public struct ExploreAnalysis: Sendable {
    /// Mean and percentiles of a cost over the feasible samples, in the scenario's currency.
    public struct Percentiles: Sendable, Equatable {
        public var count: Int
        public var mean: Double
        public var p10: Double
        public var p50: Double
        public var p90: Double
        /// Distribution-free 95% intervals of the percentiles (order statistics); nil when too few samples.
        public var p10Interval: ClosedRange<Double>?
        public var p50Interval: ClosedRange<Double>?
        public var p90Interval: ClosedRange<Double>?

        public init(_ values: [Double]) {
            let sorted = values.sorted()
            count = sorted.count
            mean = sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count)
            p10 = Self.percentile(sorted, 0.1)
            p50 = Self.percentile(sorted, 0.5)
            p90 = Self.percentile(sorted, 0.9)
            func interval(_ p: Double) -> ClosedRange<Double>? {
                OrderStatistics.confidenceRanks(n: sorted.count, p: p).map { sorted[$0.lower - 1]...sorted[$0.upper - 1] }
            }
            p10Interval = interval(0.1)
            p50Interval = interval(0.5)
            p90Interval = interval(0.9)
        }

        /// The `p` percentile of sorted values, interpolated between order statistics (Hyndman–Fan type 7).
        public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let h = Double(sorted.count - 1) * p
            let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
            return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
        }
    }

    /// One row of the tornado: an input at its low and high end with the others at base.
    public struct Sensitivity: Sendable, Equatable {
        public var input: Int
        public var path: String
        /// The input's value at each end (drawn value or factor).
        public var low: Double
        public var high: Double
        public var totalCostLow: Double
        public var totalCostHigh: Double
        /// Whether each end has a plan that meets every target within the bounds; an infeasible end's cost means
        /// nothing (the search stopped at the bounds).
        public var lowFeasible: Bool
        public var highFeasible: Bool
        /// |totalCostHigh − totalCostLow| when both ends are feasible, else nil.
        public var swing: Double? { lowFeasible && highFeasible ? abs(totalCostHigh - totalCostLow) : nil }
        /// Spearman rank correlation of the input with the total cost over the feasible samples (nil when either is
        /// constant).
        public var spearman: Double?
    }

    /// The plan that covers `quantile` of the futures: per resource and year, that quantile of the capacities
    /// the samples needed, made non-decreasing over the years and never below what is installed, then costed
    /// like a plan.
    public struct RobustPlan: Sendable {
        public var quantile: Double
        public var agencies: [AgencyPlan]
        public var totalCost: Double
        /// Capacity per resource (scenario order) and year.
        public var capacity: [(resource: ResourceID, values: [Double])]
        /// Share of samples whose needs the robust capacity covers for every resource and year at once.
        public var jointAdequacy: Double
        /// False when fewer than `quantile` of the futures can be met within the bounds at all.
        public var feasible: Bool
    }

    /// The simulation-noise check: a few samples planned again with another simulation seed.
    public struct Noise: Sendable, Equatable {
        /// Pairs used: noise runs whose plan and whose sample's plan are both feasible.
        public var runs: Int
        /// Standard deviation of a plan's total cost due to simulation noise alone: √(Σ(y₁ − y₂)² / 2m).
        public var sd: Double
        /// Noise variance over the variance of the total cost across the feasible samples.
        public var share: Double
    }

    public var years: [Int]
    public var agencyIDs: [String]
    public var resources: [ResourceID]
    public var samples: [ExploreRunResult]
    public var base: ExploreRunResult?
    public var feasibleFraction: Double
    public var total: Percentiles
    public var agencies: [Percentiles]
    /// Per year, the percentiles of that year's cost.
    public var fan: [Percentiles]
    /// Per resource (scenario order) and year: the share of the feasible samples that buy more of it that year.
    public var purchaseProbability: [[Double]]
    public var robust: RobustPlan
    /// Sorted by swing, largest first.
    public var sensitivity: [Sensitivity]
    public var noise: Noise?

    /// Analyses `results` (every run of `study`, in run order).
    public init(study: ExploreStudy, results: [ExploreRunResult]) {
        let scenario = study.scenario
        years = Array(scenario.horizon.years)
        agencyIDs = scenario.agencies.map(\.id)
        let specs = scenario.resources
        resources = specs.map(\.id)
        samples = results.filter { if case .sample = $0.role { return true } else { return false } }
        base = results.first { $0.role == .base }
        let feasible = samples.filter(\.feasible)
        feasibleFraction = samples.isEmpty ? 0 : Double(feasible.count) / Double(samples.count)
        total = Percentiles(feasible.map(\.totalCost))
        agencies = agencyIDs.indices.map { a in Percentiles(feasible.map { $0.agencies[a] }) }
        fan = years.indices.map { y in Percentiles(feasible.map { $0.yearCosts[y] }) }
        let installed = specs.map(\.installed)
        let sampleRuns = samples
        let yearCount = years.count
        // Over the feasible futures, like the percentiles: an infeasible one says nothing of what it would buy.
        purchaseProbability = specs.indices.map { r in
            (0..<yearCount).map { y in
                guard !feasible.isEmpty else { return 0 }
                let bought = feasible.filter { s in s.capacity[r][y] > (y == 0 ? installed[r] : s.capacity[r][y - 1]) + 1e-9 }
                return Double(bought.count) / Double(feasible.count)
            }
        }
        robust = Self.robustPlan(study: study, samples: sampleRuns.filter(\.feasible), feasibleFraction: feasibleFraction)
        var rows: [Sensitivity] = []
        for (k, input) in study.spec.inputs.enumerated() {
            guard let low = results.first(where: { $0.role == .low(input: k) }),
                  let high = results.first(where: { $0.role == .high(input: k) }) else { continue }
            let feasibleRuns = sampleRuns.filter(\.feasible)
            rows.append(Sensitivity(input: k, path: input.path.description, low: low.inputs[k], high: high.inputs[k],
                                    totalCostLow: low.totalCost, totalCostHigh: high.totalCost,
                                    lowFeasible: low.feasible, highFeasible: high.feasible,
                                    spearman: Self.spearman(feasibleRuns.map { $0.inputs[k] }, feasibleRuns.map(\.totalCost))))
        }
        // Inputs whose range makes the plan infeasible first (the most important finding), then by swing.
        sensitivity = rows.sorted { ($0.swing ?? .infinity, -$0.input) > ($1.swing ?? .infinity, -$1.input) }
        // Pairs whose two plans are feasible: an infeasible plan's cost is no budget.
        let pairs: [(Double, Double)] = results.compactMap { r in
            guard case .noise(let i) = r.role, i < sampleRuns.count, sampleRuns[i].feasible, r.feasible else { return nil }
            return (sampleRuns[i].totalCost, r.totalCost)
        }
        if !pairs.isEmpty {
            let sigma2 = pairs.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(2 * pairs.count)
            let costs = feasible.map(\.totalCost)
            let mean = costs.reduce(0, +) / Double(max(costs.count, 1))
            let variance = costs.count > 1 ? costs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(costs.count - 1) : 0
            noise = Noise(runs: pairs.count, sd: sigma2.squareRoot(), share: variance > 0 ? sigma2 / variance : (sigma2 > 0 ? .infinity : 0))
        } else {
            noise = nil
        }
    }

    /// The robust plan of the feasible `samples` at the study's quantile (an infeasible future's capacity is only
    /// where the search stopped, not a need).
    static func robustPlan(study: ExploreStudy, samples: [ExploreRunResult], feasibleFraction: Double) -> RobustPlan {
        let scenario = study.scenario
        let q = study.spec.quantile
        let years = Array(scenario.horizon.years)
        let specs = scenario.resources
        var capacity: [(ResourceID, [Double])] = []
        for (r, spec) in specs.enumerated() {
            var previous = spec.installed
            var values: [Double] = []
            for y in years.indices {
                let needs = samples.map { $0.capacity[r][y] }.sorted()
                // The smallest capacity that covers at least a share q of the samples.
                let rank = max(Int((q * Double(needs.count)).rounded(.up)), 1)
                let need = needs.isEmpty ? previous : needs[min(rank, needs.count) - 1]
                previous = max(previous, need)
                values.append(previous)
            }
            capacity.append((spec.id, values))
        }
        let covered = samples.filter { s in
            specs.indices.allSatisfy { r in years.indices.allSatisfy { y in s.capacity[r][y] <= capacity[r].1[y] + 1e-9 } }
        }
        var items: [ProcurementItem] = []
        for (r, spec) in specs.enumerated() {
            guard let step = spec.step, step > 0 else { continue }
            var before = spec.installed
            for (y, year) in years.enumerated() {
                let after = capacity[r].1[y]
                let quantity = Int(((after - before) / step).rounded())
                if quantity > 0 {
                    let unitCost = spec.purchase?.cost ?? 0
                    items.append(ProcurementItem(
                        year: year, kind: spec.purchase?.kind ?? .servers, resource: spec.id, site: spec.site, toSite: spec.toSite,
                        agency: spec.agency, quantity: quantity, addedCapacity: Double(quantity) * step, unitCost: unitCost,
                        cost: Double(quantity) * unitCost, opexPerYear: Double(quantity) * (spec.purchase?.opexPerYear ?? 0),
                        capacityBefore: before, capacityAfter: after, utilizationBefore: .nan, utilizationAfter: .nan,
                        reason: PurchaseReason(.coversFutures(quantile: q), kind: spec.id.kind, reserve: spec.reserve)))
                }
                before = after
            }
        }
        let last = years.last ?? scenario.horizon.baseYear
        let energy = EnergyCost.byAgency(EnergyCost.lines(scenario, years: years) { year, resource in
            guard let r = specs.firstIndex(where: { $0.id == resource }), let y = years.firstIndex(of: year) else { return nil }
            return capacity[r].1[y]
        })
        let agencies = scenario.agencies.compactMap { a -> AgencyPlan? in
            let mine = items.filter { $0.agency == a.id }
            let power = energy[a.id] ?? [:]
            guard !mine.isEmpty || EnergyCost.total(power) > 0 else { return nil }
            var plan = AgencyPlan(id: a.id, name: a.name, totalCost: PlanStudy.totalCost(mine, lastYear: last) + EnergyCost.total(power),
                                  items: mine)
            plan.energy = power
            return plan
        }
        return RobustPlan(quantile: q, agencies: agencies, totalCost: agencies.reduce(0) { $0 + $1.totalCost },
                          capacity: capacity, jointAdequacy: samples.isEmpty ? 0 : Double(covered.count) / Double(samples.count),
                          feasible: feasibleFraction >= q)
    }

    /// Spearman's rank correlation (average ranks for ties); nil when either side is constant or has < 3 values.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 3 else { return nil }
        let rx = ranks(x), ry = ranks(y)
        let n = Double(x.count)
        let mx = rx.reduce(0, +) / n, my = ry.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(rx, ry) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Ranks from 1, ties sharing their average rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        var ranks = Array(repeating: 0.0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            let average = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = average }
            i = j + 1
        }
        return ranks
    }
}
