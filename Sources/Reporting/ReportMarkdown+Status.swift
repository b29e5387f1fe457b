import Foundation
import InfraModel
import Planning

/// The status parts of `report.md` (see `ReportHTML+Status`).
extension ReportMarkdown {
    static func statusLead(_ c: ReportContext) -> String {
        let s = c.status
        let e = escape
        var m = ""
        if !c.infeasibleYears.isEmpty {
            m += "> **\(e(s.noFeasiblePlan.uppercased()))**\n>\n> \(e(s.infeasibleLead(c.infeasibleYearsLabel)))\n>\n"
            for g in c.diagnosisGroups { m += "> - \(e(g.text(c.language)))\n" }
            if c.itemCount > 0 { m += ">\n> \(e(s.feasibleYearsOnly(c.feasibleYearsLabel)))\n" }
            m += "\n"
        }
        if let list = c.unpricedList { m += "> **\(e(s.unpricedWarning(list)))**\n\n" }
        if let w = c.windowText { m += "**\(e(s.window)):** \(e(w)). \(e(s.windowNote))\n\n" }
        for note in c.settledNotes { m += "\(e(note))\n\n" }
        return m
    }

    /// The total as the first bullet of the summary (labelled as not a budget when the plan is infeasible).
    static func totalLine(_ c: ReportContext) -> String {
        let t = c.text, s = c.status
        let e = escape
        var note = c.infeasibleYears.isEmpty ? "\(c.firstYear)–\(c.lastYear): \(t.totalCostNote)" : "\(c.feasibleYearsLabel): \(s.notABudget)"
        if let list = c.unpricedList { note += "; \(s.excludingUnpriced(list))" }
        let label = c.infeasibleYears.isEmpty ? t.totalCost : s.costOfFeasibleYears
        return "- **\(e(label)):** \(e(c.money(c.plan.totalCost))) (\(e(note)))\n"
    }

    static func costSplit(_ c: ReportContext) -> String {
        let s = c.status
        let e = escape
        var m = "### \(e(s.costSplit)) (\(e(c.currencyLabel)))\n\n\(e(s.costSplitNote))\n\n"
        let rows = c.costSplitRows.enumerated().map { i, row -> [String] in
            let bold = i == c.costSplitRows.count - 1
            let cells = [e(row.label)] + row.perYear.map(c.amount) + [c.amount(row.total)]
            return bold ? cells.map { "**\($0)**" } : cells
        }
        m += table([""] + c.plan.years.map(String.init) + [e(c.text.total)], rows, right: Set(1...(c.plan.years.count + 1)))
        return m
    }
}
