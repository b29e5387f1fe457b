import Foundation
import InfraModel
import Scenario
import SimKernel

/// What one member's own plan contributes to a portfolio: its totals per agency and year, as in its plan document.
public struct MemberPlanSummary: Sendable, Equatable {
    public struct Agency: Sendable, Equatable {
        public var id: String
        public var name: String
        /// The agency's total over the member's horizon (purchases, upkeep, leases, energy), in the currency.
        public var totalCost: Double
        /// What the agency pays in each year of the member's horizon.
        public var byYear: [Int: Double]

        public init(id: String, name: String, totalCost: Double, byYear: [Int: Double]) {
            self.id = id
            self.name = name
            self.totalCost = totalCost
            self.byYear = byYear
        }
    }

    public var id: String
    public var file: String
    public var origin: String
    /// True for members generated from the portfolio's table (e.g. the provinces).
    public var generated: Bool
    public var currency: String
    public var years: [Int]
    public var feasible: Bool
    /// The member's own plan total (every agency), in the currency.
    public var totalCost: Double
    public var agencies: [Agency]
    /// Growth of the member's demand over its horizon: requests a day in the last year over the base year, − 1.
    public var demandGrowth: Double
    /// Requests a day the member's demand adds from the base year to the last year (mean daily rates).
    public var demandAdded: Double

    /// The summary of a member's plan.
    public init(member: PortfolioMember, plan: ProcurementPlan) {
        id = member.id
        file = member.file
        origin = member.origin
        generated = member.generated
        currency = plan.currency
        years = plan.years
        feasible = plan.feasible
        totalCost = plan.totalCost
        agencies = plan.agencies.map { a in
            Agency(id: a.id, name: a.name, totalCost: a.totalCost,
                   byYear: Dictionary(uniqueKeysWithValues: plan.years.map { ($0, a.cost(inYear: $0)) }))
        }
        let s = member.scenario
        func daily(_ year: Int) -> Double { s.workloads.reduce(0) { $0 + $1.configuration.arrivals.rate * s.growthFactor(of: $1, year: year) } }
        let first = daily(s.horizon.baseYear), last = daily(s.horizon.to)
        demandGrowth = first > 0 ? last / first - 1 : 0
        demandAdded = (last - first) * 86_400
    }

    public init(id: String, file: String, origin: String, generated: Bool = false, currency: String, years: [Int], feasible: Bool, totalCost: Double,
                agencies: [Agency], demandGrowth: Double, demandAdded: Double) {
        self.demandAdded = demandAdded
        self.id = id
        self.file = file
        self.origin = origin
        self.generated = generated
        self.currency = currency
        self.years = years
        self.feasible = feasible
        self.totalCost = totalCost
        self.agencies = agencies
        self.demandGrowth = demandGrowth
    }
}

/// A portfolio's consolidated plan: every member's own plan, and one plan per agency summed over the members.
///
/// An agency that appears in several members (a ministry whose systems several scenarios buy for) is summed; an
/// agency a member renames is consolidated under its new id; an agency a member excludes is left out. Every
/// consolidated number is the sum of the members' own plan numbers, added in member order.
public struct PortfolioPlan: Sendable {
    public struct Agency: Sendable, Equatable {
        public var id: String
        public var name: String
        public var totalCost: Double
        public var byYear: [Int: Double]
        /// Members that buy for this agency, in member order.
        public var members: [String]
    }

    public var name: String
    public var currency: String
    /// Every year of any member's horizon.
    public var years: [Int]
    public var members: [MemberPlanSummary]
    /// For each member, the agencies it leaves out of the consolidation.
    public var excluded: [String: [String]]
    public var agencies: [Agency]
    public var totalCost: Double
    /// False when some member has a year with no configuration within the bounds meeting every target.
    public var feasible: Bool { members.allSatisfy(\.feasible) }

    /// Consolidates member summaries (in member order) with each member's agency treatments.
    public init(name: String, members: [MemberPlanSummary], treatments: [String: [String: AgencyTreatment]]) {
        self.name = name
        self.members = members
        currency = members.first?.currency ?? "VND"
        years = Array(Set(members.flatMap(\.years))).sorted()
        var agencies: [Agency] = []
        var excluded: [String: [String]] = [:]
        var total = 0.0
        for m in members {
            for a in m.agencies {
                var id = a.id, name = a.name
                switch treatments[m.id]?[a.id] {
                case .exclude?:
                    excluded[m.id, default: []].append(a.id)
                    continue
                case .rename(let newID, let newName)?:
                    id = newID
                    name = newName ?? a.name
                case nil:
                    break
                }
                total += a.totalCost
                if let i = agencies.firstIndex(where: { $0.id == id }) {
                    agencies[i].totalCost += a.totalCost
                    for (y, c) in a.byYear.sorted(by: { $0.key < $1.key }) { agencies[i].byYear[y, default: 0] += c }
                    if !agencies[i].members.contains(m.id) { agencies[i].members.append(m.id) }
                } else {
                    agencies.append(Agency(id: id, name: name, totalCost: a.totalCost, byYear: a.byYear, members: [m.id]))
                }
            }
        }
        self.agencies = agencies
        self.excluded = excluded
        // Member by member, agency by agency, as a reader adds up the members' plan documents.
        totalCost = total
    }
}

/// What `capsim portfolio plan` does: plan every member with its own scenario (members in parallel, each plan on
/// one thread), then consolidate per agency.
public enum PortfolioStudy {
    /// - Parameters:
    ///   - members: the members to plan (default: all, in order).
    ///   - progress: called with the number of members planned.
    public static func plan(_ portfolio: Portfolio, _ overrides: RunStudy.Overrides = RunStudy.Overrides(), jobs: Int,
                            limits: RunLimits = .standard, cache: SimulationCache = SimulationCache(),
                            progress: (@Sendable (Int) -> Void)? = nil) throws -> (plan: PortfolioPlan, members: [ProcurementPlan]) {
        let members = portfolio.members
        let planned = try planMembers(portfolio, indices: Array(members.indices), overrides, jobs: jobs, limits: limits, cache: cache,
                                      progress: progress)
        return (consolidate(portfolio, planned.map(\.summary)), planned.map(\.plan))
    }

    /// Plans the members at `indices` (positions in `portfolio.members`), in that order: up to `jobs` members at a
    /// time, each plan on one thread. A member's plan does not depend on which other members are planned with it,
    /// nor on `jobs`: this is what lets a portfolio be planned in shards and consolidated afterwards.
    /// - Throws: `PortfolioMemberError` for the first member (in `indices` order) that cannot be planned.
    public static func planMembers(_ portfolio: Portfolio, indices: [Int], _ overrides: RunStudy.Overrides = RunStudy.Overrides(),
                                   jobs: Int, limits: RunLimits = .standard, cache: SimulationCache = SimulationCache(),
                                   progress: (@Sendable (Int) -> Void)? = nil) throws -> [(summary: MemberPlanSummary, plan: ProcurementPlan)] {
        let members = indices.map { portfolio.members[$0] }
        let outcomes = ReplicationRunner.run(count: members.count, jobs: jobs, progress: progress) { i -> Result<ProcurementPlan, PortfolioMemberError> in
            do {
                return .success(try PlanStudy.run(members[i].scenario, overrides, jobs: 1, cache: cache, limits: limits))
            } catch {
                return .failure(PortfolioMemberError(member: members[i].id, underlying: "\(error)"))
            }
        }
        let plans = try outcomes.map { try $0.get() }
        return zip(members, plans).map { (MemberPlanSummary(member: $0, plan: $1), $1) }
    }

    /// The consolidated plan of every member's summary, in member order.
    public static func consolidate(_ portfolio: Portfolio, _ summaries: [MemberPlanSummary]) -> PortfolioPlan {
        let treatments = Dictionary(uniqueKeysWithValues: portfolio.members.map { ($0.id, $0.agencies) })
        return PortfolioPlan(name: portfolio.name, members: summaries, treatments: treatments)
    }
}

/// A member of a portfolio that could not be planned.
public struct PortfolioMemberError: Error, Sendable, CustomStringConvertible {
    public var member: String
    public var underlying: String
    public var description: String { "member '\(member)': \(underlying)" }
}
