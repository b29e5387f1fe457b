import Foundation
import InfraModel
import Planning
import Scenario

/// The storage and energy parts of `report.md`.
extension ReportMarkdown {
    /// Energy per agency and year, and the last year per pool with its inputs.
    static func energy(_ c: ReportContext) -> String {
        let t = c.text
        let e = escape
        guard c.hasEnergy else { return "" }
        var m = "## \(e(t.energy))\n\n\(e(t.energyNote))\n\n"
        m += "### \(e(t.energyPerYear)) (\(e(c.currencyLabel)))\n\n"
        var rows = c.energyRows.map { r in ["\(e(r.name)) (\(e(r.id)))"] + r.perYear.map(c.amount) + [c.amount(r.total)] }
        rows.append(["**\(e(t.allAgencies))**"] + c.energyYearTotals.map { "**\(c.amount($0))**" } + ["**\(c.amount(c.energyTotal))**"])
        m += table([e(t.agency)] + c.plan.years.map(String.init) + [e(t.total)], rows, right: Set(1...(c.plan.years.count + 1)))
        m += "### \(e(c.fill(t.energyDetail, String(c.lastYear))))\n\n"
        let detail = c.finalEnergyLines.map { c.energyDetailRow($0).map(e) }
        m += table([e(t.pool), e(t.whereText), e(t.servers), e(t.powerPerServer), e(t.pue),
                    e("\(t.electricityPrice) (\(c.currencyLabel))"), e(t.energyUse), e("\(t.cost) (\(c.currencyLabel))")],
                   detail, right: [2, 3, 4, 5, 6, 7])
        return m
    }

    /// Per storage resource: data items, data total, need and installed capacity per year.
    static func storageNeed(_ c: ReportContext) -> String {
        let t = c.text
        let e = escape
        guard !c.scenario.storage.isEmpty else { return "" }
        var m = "### \(e(t.storageNeed))\n\n\(e(t.storageNeedNote))\n\n"
        for s in c.scenario.storage {
            m += "\(e(t.storageKind)) **\(e(s.id))** — \(e(s.site)), \(e(c.agencyName(s.owner)))\n\n"
            let rows = c.storageNeedRows(s).map { row -> [String] in
                let label = e(row.label) + (row.detail.map { " (\(e($0)))" } ?? "")
                return row.bold ? ["**\(label)**"] + row.values.map { "**\(e($0))**" } : [label] + row.values.map(e)
            }
            m += table([e(t.data)] + c.plan.years.map(String.init), rows, right: Set(1...max(c.plan.years.count, 1)))
        }
        return m
    }
}
