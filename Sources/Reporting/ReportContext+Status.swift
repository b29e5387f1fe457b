import Foundation
import InfraModel
import Planning
import Scenario

/// What the HTML and Markdown reports share about the status of the plan: its diagnosis when infeasible, the
/// simulated window, unpriced purchases and the investment / running-cost split.
extension ReportContext {
    var status: PlanStatusText { language.status }

    /// Infeasible years with the same cause told once.
    var diagnosisGroups: [DiagnosisGroup] { DiagnosisGroup.groups(plan.capacity) }

    /// "2030" or "2026–2030" for the infeasible years; "2025–2029" for the feasible ones.
    var infeasibleYearsLabel: String { PlanSummary.yearList(plan.infeasibleYears) }
    var feasibleYearsLabel: String { PlanSummary.yearList(plan.capacity.filter(\.feasible).map(\.year)) }

    /// The window of the plan in words, if known.
    var windowText: String? { plan.window.map { language.window($0) } }

    /// The resources bought without a price, "pool x (3 servers)" in the report language; nil when every purchase
    /// is priced.
    var unpricedList: String? {
        let items = plan.unpricedItems
        guard !items.isEmpty else { return nil }
        var order: [ResourceID] = []
        var quantity: [ResourceID: Int] = [:]
        for i in items {
            if quantity[i.resource] == nil { order.append(i.resource) }
            quantity[i.resource, default: 0] += i.quantity
        }
        return order.map { "\(language.resourceLabel($0)) (\(language.amount(Double(quantity[$0] ?? 0), $0.kind)))" }
            .joined(separator: "; ")
    }

    /// "total over the horizon", or for an infeasible plan "cost of the feasible years only".
    var agencyTotalLabel: String { plan.feasible ? text.agencyTotal : status.costOfFeasibleYears.lowercased() }

    /// A price cell: the amount, or "no price" for an unpriced purchase.
    func price(_ x: Double, _ i: ProcurementItem) -> String { i.unpriced ? status.noPrice : amount(x) }

    /// Rows of the investment / running-cost table: label, per year, total.
    var costSplitRows: [(label: String, perYear: [Double], total: Double)] {
        [(status.capex, plan.years.map { plan.capex(inYear: $0) }, plan.capexTotal),
         (status.opex, plan.years.map { plan.opex(inYear: $0) }, plan.opexTotal),
         (text.total, yearTotals, plan.totalCost)]
    }

    /// Years settled with more replications than the scenario's, as sentences.
    var settledNotes: [String] {
        guard let base = plan.window?.replications else { return [] }
        return plan.capacity.filter { $0.feasible && $0.results.replications > base }
            .map { status.settled($0.year, $0.results.replications, base) }
    }

    /// The note under the final year's targets and charts when that year is infeasible.
    var finalTriedNote: String? {
        guard let f = final, !f.feasible else { return nil }
        return status.triedNote(String(f.year))
    }

    /// The subject of a target for tables: "pool eauth" in words, with the scenario's description when it has one.
    func subjectText(_ s: Target.Subject) -> (label: String, description: String?) {
        let description: String?
        switch s {
        case .workload(let id): description = scenario.workload(id)?.description
        case .resource(let r):
            switch r.kind {
            case .pool: description = scenario.pool(r.id)?.description
            case .link: description = scenario.link(r.id)?.description
            case .limiter: description = scenario.limiter(r.id)?.description
            case .storage: description = scenario.storage(r.id)?.description
            }
        }
        return (language.subjectLabel(s), description)
    }
}
