import Foundation
import InfraModel
import Planning
import Scenario

/// The storage and energy parts of `index.html`.
extension ReportHTML {
    /// The energy section: cost per agency and year, and the last year per pool with its inputs.
    static func energy(_ c: ReportContext) -> String {
        let t = c.text
        guard c.hasEnergy else { return "" }
        var h = "<section id=\"energy\">\n<h2>\(escape(t.energy))</h2>\n<p class=\"note\">\(escape(t.energyNote))</p>\n"
        h += "<h3>\(escape(t.energyPerYear)) (\(escape(c.currencyLabel)))</h3>\n"
        h += "<div class=\"scroll\"><table class=\"costs\(c.plan.years.count > 6 ? " wide" : "")\"><thead><tr><th>\(escape(t.agency))</th>"
        h += c.plan.years.map { "<th class=\"num\">\($0)</th>" }.joined() + "<th class=\"num\">\(escape(t.total))</th></tr></thead>\n<tbody>\n"
        for row in c.energyRows {
            h += "<tr><td>\(escape(row.name)) <span class=\"small\">(\(escape(row.id)))</span></td>"
            h += row.perYear.map { "<td class=\"num\">\(escape(c.amount($0)))</td>" }.joined()
            h += "<td class=\"num\"><b>\(escape(c.amount(row.total)))</b></td></tr>\n"
        }
        h += "<tr class=\"total\"><td>\(escape(t.allAgencies))</td>" + c.energyYearTotals.map { "<td class=\"num\">\(escape(c.amount($0)))</td>" }.joined()
        h += "<td class=\"num\">\(escape(c.amount(c.energyTotal)))</td></tr>\n</tbody></table></div>\n"
        h += "<h3>\(escape(c.fill(t.energyDetail, String(c.lastYear))))</h3>\n"
        h += "<div class=\"scroll\"><table class=\"energy\"><thead><tr><th>\(escape(t.pool))</th><th>\(escape(t.whereText))</th>"
        h += [t.servers, t.powerPerServer, t.pue, "\(t.electricityPrice) (\(c.currencyLabel))", t.energyUse, "\(t.cost) (\(c.currencyLabel))"]
            .map { "<th class=\"num\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for l in c.finalEnergyLines {
            let row = c.energyDetailRow(l)
            h += "<tr><td><b>\(escape(row[0]))</b></td><td>\(escape(row[1]))</td>"
            h += row.dropFirst(2).map { "<td class=\"num\">\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        return h + "</tbody></table></div>\n</section>\n"
    }

    /// Per storage resource: its data items, data total, need and installed capacity per year.
    static func storageNeed(_ c: ReportContext) -> String {
        let t = c.text
        guard !c.scenario.storage.isEmpty else { return "" }
        var h = "<h3>\(escape(t.storageNeed))</h3>\n<p class=\"note\">\(escape(t.storageNeedNote))</p>\n"
        for s in c.scenario.storage {
            h += "<div class=\"scroll\"><table class=\"capacity storage\(c.plan.years.count > 6 ? " wide" : "")\"><caption>\(escape(t.storageKind)) <b>\(escape(s.id))</b> — \(escape(s.site)), \(escape(c.agencyName(s.owner)))</caption>"
            h += "<thead><tr><th>\(escape(t.data))</th>" + c.plan.years.map { "<th class=\"num\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in c.storageNeedRows(s) {
                let detail = row.detail.map { "<br><span class=\"small\">\(escape($0))</span>" } ?? ""
                h += "<tr\(row.bold ? " class=\"total\"" : "")><td>\(escape(row.label))\(detail)</td>"
                h += row.values.map { "<td class=\"num\">\(escape($0))</td>" }.joined() + "</tr>\n"
            }
            h += "</tbody></table></div>\n"
        }
        return h
    }

    /// The storage figure of the charts section: installed capacity against need per storage resource.
    static func storageChart(_ c: ReportContext) -> String {
        let t = c.text
        guard !c.scenario.storage.isEmpty, !c.plan.capacity.isEmpty else { return "" }
        var h = "<figure class=\"storage\">\n<h3>\(escape(t.chartStorage))</h3>\n<div class=\"multiples\">\n"
        for s in c.scenario.storage {
            let id = ResourceID.storage(s.id)
            let installed = c.plan.capacity.map { $0.capacity(of: id) ?? 0 }
            let need = c.plan.capacity.map { $0.demand[id] ?? .nan }
            h += "<div>" + ReportSVGCharts.storageCapacity(storage: s.id, years: c.plan.capacity.map(\.year), installed: installed,
                                                           need: need, language: c.language) + "</div>\n"
        }
        return h + "</div>\n<figcaption>\(escape(t.chartStorageNote))</figcaption>\n</figure>\n"
    }
}
