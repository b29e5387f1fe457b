import Foundation
import InfraModel
import Planning

/// The status parts of `index.html`: the diagnosis of an infeasible plan first, the window, unpriced purchases, the
/// total (never as a budget when infeasible) and the investment / running-cost split.
extension ReportHTML {
    /// The alert of an infeasible plan (leading the summary), the unpriced warning and the simulated window.
    static func statusLead(_ c: ReportContext) -> String {
        let s = c.status
        var h = ""
        if !c.infeasibleYears.isEmpty {
            h += "<div class=\"alert\" role=\"alert\"><strong>\(escape(s.noFeasiblePlan))</strong>\n"
            h += "<p>\(escape(s.infeasibleLead(c.infeasibleYearsLabel)))</p><ul>\n"
            for g in c.diagnosisGroups { h += "<li>\(escape(g.text(c.language)))</li>\n" }
            h += "</ul>\n"
            if c.itemCount > 0 { h += "<p>\(escape(s.feasibleYearsOnly(c.feasibleYearsLabel)))</p>\n" }
            h += "</div>\n"
        }
        if let list = c.unpricedList { h += "<p class=\"alert\">\(escape(s.unpricedWarning(list)))</p>\n" }
        if let w = c.windowText {
            h += "<p class=\"note\"><b>\(escape(s.window)):</b> \(escape(w)). \(escape(s.windowNote))</p>\n"
        }
        for note in c.settledNotes { h += "<p class=\"note\">\(escape(note))</p>\n" }
        return h
    }

    /// The total card: the cost over the horizon, or, for an infeasible plan, the cost of the feasible years
    /// labelled as not a budget.
    static func totalCard(_ c: ReportContext) -> String {
        let t = c.text, s = c.status
        var note = c.infeasibleYears.isEmpty ? "\(c.firstYear)–\(c.lastYear): \(t.totalCostNote)" : "\(c.feasibleYearsLabel): \(s.notABudget)"
        if let list = c.unpricedList { note += "; \(s.excludingUnpriced(list))" }
        let label = c.infeasibleYears.isEmpty ? t.totalCost : s.costOfFeasibleYears
        return card(label, c.money(c.plan.totalCost), note: note, total: true)
    }

    /// Investment and running costs of all agencies per year and in total.
    static func costSplit(_ c: ReportContext) -> String {
        let s = c.status
        var h = "<h3>\(escape(s.costSplit))</h3>\n"
        h += "<div class=\"scroll\"><table class=\"costs\(c.plan.years.count > 6 ? " wide" : "")\"><caption>\(escape(s.costSplitNote)) (\(escape(c.currencyLabel)))</caption>\n"
        h += "<thead><tr><th></th>" + c.plan.years.map { "<th class=\"num\">\($0)</th>" }.joined() + "<th class=\"num\">\(escape(c.text.total))</th></tr></thead>\n<tbody>\n"
        for (i, row) in c.costSplitRows.enumerated() {
            let last = i == c.costSplitRows.count - 1
            h += "<tr\(last ? " class=\"total\"" : "")><td>\(escape(row.label))</td>"
            h += row.perYear.map { "<td class=\"num\">\(escape(c.amount($0)))</td>" }.joined()
            h += "<td class=\"num\">\(escape(c.amount(row.total)))</td></tr>\n"
        }
        return h + "</tbody></table></div>\n"
    }
}
