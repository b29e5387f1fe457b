import Foundation
import InfraModel
import Planning
import Scenario

/// The human summary of `capsim explore`.
public enum ExploreSummary {
    public static func text(_ study: ExploreStudy, _ a: ExploreAnalysis) -> String {
        let L = ReportLanguage.en
        let currency = study.scenario.currency
        let s = study.spec
        func money(_ x: Double) -> String { x.isFinite ? L.grouped(x) : "–" }
        func interval(_ r: ClosedRange<Double>?) -> String { r.map { "\(money($0.lowerBound))–\(money($0.upperBound))" } ?? "too few samples" }
        let sensitivityRuns = 1 + 2 * s.inputs.count
        var out = "capsim explore: \(study.scenario.name), \(s.samples) samples (\(s.method.rawValue), design seed \(study.designSeed)), "
        out += "robust plan at quantile \(String(format: "%g", s.quantile)); \(s.samples) sample plans + \(sensitivityRuns) sensitivity plans"
        out += s.noiseCheck > 0 ? " + \(s.noiseCheck) noise-check plans\n\n" : "\n\n"
        let feasible = a.total.count
        out += "Total cost \(a.years.first ?? 0)–\(a.years.last ?? 0) (\(currency)) over the \(feasible) feasible samples of \(a.samples.count):\n"
        var t = TextTable(title: "", header: ["", "mean", "P10", "P50", "P90", "P10 95% interval", "P90 95% interval"],
                          rightAligned: [1, 2, 3, 4])
        t.add(["all agencies", money(a.total.mean), money(a.total.p10), money(a.total.p50), money(a.total.p90),
               interval(a.total.p10Interval), interval(a.total.p90Interval)])
        for (id, p) in zip(a.agencyIDs, a.agencies) where p.p90 > 0 {
            t.add([id, money(p.mean), money(p.p10), money(p.p50), money(p.p90), interval(p.p10Interval), interval(p.p90Interval)])
        }
        out += t.rendered()
        out += "Percentiles of agencies do not add up to the percentiles of the total: each is read from its own distribution.\n"
        if a.feasibleFraction < 1 {
            out += "WARNING: \(L.percent(1 - a.feasibleFraction)) of the samples have no configuration within the bounds that meets every target; "
            out += "their costs are left out of the percentiles above.\n"
            let firstYears = Dictionary(grouping: a.samples.compactMap(\.infeasibleFrom)) { $0 }
            if !firstYears.isEmpty {
                out += "They first fail in " + firstYears.keys.sorted().map { "\($0) (\(firstYears[$0]!.count))" }.joined(separator: ", ")
                    + " (samples per year; see infeasible_from in the JSON document).\n"
            }
        }
        if let b = a.base {
            out += "Plan with every input at its base value: "
            out += b.feasible ? "\(money(b.totalCost)) \(currency).\n"
                : "infeasible from \(b.infeasibleFrom.map(String.init) ?? "some year"): no budget.\n"
        }

        out += "\nRobust plan: per resource and year, the capacity that \(L.percent(s.quantile)) of the sampled futures need, "
        out += "never decreasing: \(money(a.robust.totalCost)) \(currency); it covers every resource and year at once in "
        out += "\(L.percent(a.robust.jointAdequacy)) of the futures (joint adequacy).\n"
        if !a.robust.feasible {
            out += "The robust plan is INFEASIBLE: fewer than \(L.percent(s.quantile)) of the futures can be met within the bounds.\n"
        }
        var items = TextTable(title: "", header: ["agency", "year", "what", "quantity", "cost", "opex/year"], rightAligned: [1, 3, 4, 5])
        for ag in a.robust.agencies {
            for i in ag.items {
                items.add([ag.id, String(i.year), "\(i.kind.rawValue) \(i.resource.id)", String(i.quantity), money(i.cost), money(i.opexPerYear)])
            }
        }
        if !a.robust.agencies.isEmpty { out += items.rendered() }

        out += "\nSensitivity (each input at its 10th and 90th percentile, the others at base), largest swing first:\n"
        var tornado = TextTable(title: "", header: ["input", "low", "high", "total at low", "total at high", "swing", "Spearman"],
                                rightAligned: [1, 2, 3, 4, 5, 6])
        for row in a.sensitivity {
            let input = s.inputs[row.input]
            func value(_ x: Double) -> String { input.effect == .factor ? "×\(String(format: "%.4g", x))" : input.kind.display(x) }
            tornado.add([input.name, value(row.low), value(row.high),
                         row.lowFeasible ? money(row.totalCostLow) : "INFEASIBLE", row.highFeasible ? money(row.totalCostHigh) : "INFEASIBLE",
                         row.swing.map(money) ?? "–", row.spearman.map { String(format: "%+.2f", $0) } ?? "–"])
        }
        out += tornado.rendered()
        if let n = a.noise {
            out += "Simulation noise: replanning \(n.runs) samples with another simulation seed moves the total by about "
            out += "±\(money(1.96 * n.sd)) \(currency) (95%), \(L.percent(n.share)) of the spread across samples"
            out += n.share > 0.05 ? "; swings smaller than that are not distinguishable from noise.\n" : ".\n"
        }

        var probability = TextTable(title: "", header: ["resource"] + a.years.map(String.init), rightAligned: Set(1...a.years.count))
        for (r, row) in zip(a.resources, a.purchaseProbability) where row.contains(where: { $0 > 0 }) {
            probability.add([r.description] + row.map { L.percent($0) })
        }
        out += "\nShare of the feasible futures that buy more of each resource in each year:\n" + probability.rendered()
        out += "\n" + reading(study, a) + "\n"
        return out
    }

    /// A plain statement of what a planner should read from the spread.
    public static func reading(_ study: ExploreStudy, _ a: ExploreAnalysis, language: ReportLanguage = .en) -> String {
        let L = language
        let c = study.scenario.currency
        let spread = a.total.p90 - a.total.p10
        let relative = a.total.p50 > 0 ? spread / a.total.p50 : 0
        let top = a.sensitivity.first.map { study.spec.inputs[$0.input].name } ?? "–"
        switch language {
        case .en:
            return "Reading: with these assumptions the budget is \(L.money(a.total.p50, currency: c)) in a typical future (P50) "
                + "and \(L.money(a.total.p90, currency: c)) or less in 9 futures out of 10 (P90); the P10–P90 range is "
                + "\(L.percent(relative)) of the P50. The assumption that moves the budget most is \(top). Commit the first year's "
                + "purchases and replan each year as the assumptions are observed."
        case .vi:
            return "Cách đọc: với các giả định này, ngân sách ở một tương lai điển hình (P50) là \(L.money(a.total.p50, currency: c)); "
                + "trong 9/10 tương lai (P90) không vượt quá \(L.money(a.total.p90, currency: c)); khoảng P10–P90 bằng "
                + "\(L.percent(relative)) của P50. Giả định ảnh hưởng lớn nhất đến ngân sách là \(top). Nên chốt khoản mua sắm "
                + "của năm đầu và lập lại kế hoạch hằng năm khi các giả định được kiểm chứng."
        }
    }
}
