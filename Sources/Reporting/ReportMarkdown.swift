import Foundation
import InfraModel
import Planning
import Scenario

/// `report.md` of a report bundle: the same sections and tables as `index.html`, without charts.
enum ReportMarkdown {
    /// Text safe inside a Markdown table cell or paragraph: pipes and markup characters escaped, no line breaks.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "|", "\\", "*", "`", "<", ">", "[", "]": out += "\\" + String(ch)
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    static func code(_ s: String) -> String {
        let clean = s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")
        return clean.contains("`") ? "``" + clean + "``" : "`" + clean + "`"
    }

    /// A table; `right` lists right-aligned columns.
    static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { right.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for r in rows { out += "| " + r.joined(separator: " | ") + " |\n" }
        return out + "\n"
    }

    static func render(_ c: ReportContext) -> String {
        let t = c.text
        let e = escape
        var m = "# \(e(t.title))\n\n"
        m += "**\(e(t.scenario)):** \(e(c.plan.scenario))  \n"
        if let d = c.scenario.description, !d.isEmpty { m += "**\(e(t.description)):** \(e(d))  \n" }
        m += "**\(e(t.horizon)):** \(c.firstYear)–\(c.lastYear) (\(e(t.baseYear)) \(c.scenario.horizon.baseYear))  \n"
        m += "**\(e(t.currency)):** \(e(c.currency))\n\n"

        // Summary
        m += "## \(e(t.summary))\n\n"
        let infeasible = c.infeasibleYears
        m += statusLead(c)
        m += totalLine(c)
        if c.hasEnergy { m += "- **\(e(t.energyTotal)):** \(e(c.money(c.energyTotal)))\n" }
        m += "- **\(e(t.purchases)):** \(c.itemCount) (\(c.buyingAgencies) / \(c.scenario.agencies.count) \(e(t.agencies.lowercased())))\n"
        m += "- **\(e(t.simulations)):** \(c.plan.simulations) (\(c.plan.replications) \(e(t.replicationsWord)))\n\n"
        if infeasible.isEmpty { m += "\(e(t.feasibleNote))\n\n" }
        if c.itemCount == 0 { m += "\(e(t.nothingToBuy))\n\n" }
        m += "### \(e(t.costByAgencyYear)) (\(e(c.currencyLabel)))\n\n\(e(t.costByAgencyYearNote))\n\n"
        var rows: [[String]] = c.agencyRows.filter { $0.plan != nil }.map { a in
            ["\(e(a.name)) (\(e(a.id)))"] + c.yearCosts(a.plan).map(c.amount) + [c.amount(a.plan?.totalCost ?? 0)]
        }
        rows.append(["**\(e(t.allAgencies))**"] + c.yearTotals.map { "**\(c.amount($0))**" } + ["**\(c.amount(c.plan.totalCost))**"])
        m += table([e(t.agency)] + c.plan.years.map(String.init) + [e(t.total)], rows, right: Set(1...(c.plan.years.count + 1)))
        m += costSplit(c)
        if !c.idleAgencies.isEmpty { m += "\(e(t.noPurchases)): \(e(c.idleAgencies.joined(separator: "; "))).\n\n" }

        // Procurement
        m += "## \(e(t.procurement))\n\n\(e(t.procurementNote))\n\n"
        if c.itemCount == 0 { m += "\(e(t.nothingToBuy))\n\n" }
        for a in c.plan.agencies {
            m += "### \(e(a.name)) (\(e(a.id))) — \(e(c.agencyTotalLabel)): \(e(c.money(a.totalCost)))\n\n"
            if a.items.isEmpty { m += "\(e(t.noPurchases)) \(e(a.name)).\n\n"; continue }
            let rows = a.items.map { i -> [String] in
                let unit = c.unitText(i).map { " (\(e($0)))" } ?? ""
                return [String(i.year), "\(e(c.kindName(i))) **\(e(i.resource.id))**\(unit)", e(c.whereText(i)), e(c.quantityText(i)),
                        e(c.price(i.unitCost, i)), e(c.price(i.cost, i)), e(c.price(i.opexPerYear, i)),
                        "\(e(c.reasonText(i))); \(e(c.utilisationText(i)))"]
            }
            let cur = " (\(e(c.currencyLabel)))"
            m += table([e(t.year), e(t.what), e(t.whereText), e(t.quantity), e(t.unitCost) + cur, e(t.cost) + cur,
                        e(t.opexPerYear) + cur, e(t.reason)], rows, right: [0, 3, 4, 5, 6])
        }

        m += energy(c)

        // Capacity
        m += "## \(e(t.capacity))\n\n\(e(t.capacityNote))\n\n"
        let capRows = c.resources.map { r in
            ["\(e(c.kindLabel(r.kind))) \(e(r.id))"] + c.capacityRow(r).map { $0.1 ? "**\(e($0.0))**" : e($0.0) }
        }
        m += table([e(t.resource)] + c.plan.years.map(String.init), capRows, right: Set(1...max(c.plan.years.count, 1)))
        m += storageNeed(c)
        m += "\(e(t.chartsInHTML))\n\n"

        m += clientsAndEvents(c)
        if let u = c.uncertainty { m += ReportUncertainty.markdown(c, u, table: { table($0, $1, right: $2) }) }

        // Targets
        m += "## \(e(c.fill(t.targets, String(c.lastYear))))\n\n\(e(t.targetsNote))\n\n"
        if let f = c.final, !f.results.targets.isEmpty {
            if let note = c.finalTriedNote { m += "> \(e(note))\n\n" }
            let rows = c.targetRows(f.results.targets).map { r in [e(r[0]), e(r[1]), e(r[2]), e(r[3]), e(r[4]), e(r[5])] }
            m += table([e(t.subject), e(t.metric), e(t.limit), e(t.value), e(t.bound), e(t.met)], rows, right: [2, 3, 4])
        } else {
            m += "\(e(t.noData))\n\n"
        }

        // Assumptions
        m += "## \(e(t.assumptions))\n\n\(e(t.assumptionsNote))\n\n"
        if !c.scenario.inputs.isEmpty {
            m += e(t.inputsCount(c.scenario.inputs.count, c.scenario.inputs.filter(ReportBundle.isAssumption).count)) + "\n\n"
        }
        if c.scenario.inputs.isEmpty {
            m += "\(e(t.noInputs))\n\n"
        } else {
            let rows = c.scenario.inputs.map { i -> [String] in
                let a = ReportBundle.isAssumption(i)
                return [String(i.line), code(i.path), code(i.value), a ? "**\(e(t.assumptionMark))**" : e(t.inputMark), e(i.comment ?? "")]
            }
            m += table([e(t.line), e(t.path), e(t.value), e(t.kindColumn), e(t.comment)], rows, right: [0])
        }

        // Method
        m += "## \(e(t.method))\n\n"
        for p in c.methodParagraphs() { m += e(p) + "\n\n" }

        m += "## \(e(t.files))\n\n\(e(t.filesNote))\n\n"
        let study = c.uncertainty == nil ? [] : ["explore-runs.csv", "sensitivity.csv"]
        let names = study + ReportBundle.fileNames + (c.eventSeries?.series != nil ? ReportBundle.eventFileNames : [])
        for name in names where name.hasSuffix(".csv") { m += "- \(code(name))\n" }
        m += "- \(code("index.html"))\n"
        return m
    }
}
