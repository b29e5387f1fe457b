import Foundation
import InfraModel
import Planning
import Scenario

/// `index.html` of a report bundle: one self-contained page (inline CSS and inline SVG, no scripts, no
/// external resources) that reads on screen and prints on A4.
enum ReportHTML {
    /// Text escaped for HTML content and attribute values. "://" is written with an entity so the page
    /// never contains a URL scheme, even when scenario text quotes one.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out.replacingOccurrences(of: "://", with: "&#58;//")
    }

    static let css = """
    :root { --ink: #1c2630; --muted: #5a6672; --line: #d8dde3; --accent: #1f4e79; --accent-soft: #e8f0f8;
      --alt: #f6f8fa; --bad: #b3261e; --bad-soft: #fdecea; --good: #2e7d32; --good-soft: #edf7ee; --warn-soft: #fff5d6; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: #e9edf1; color: var(--ink);
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
      font-size: 15px; line-height: 1.5; }
    main { max-width: 1020px; margin: 0 auto; background: #fff; padding: 36px 52px 48px; }
    header.cover { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 18px; }
    .kicker { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .06em; text-transform: uppercase; }
    h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 6px; color: var(--accent); }
    h2 { font-size: 21px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); color: var(--accent); }
    h3 { font-size: 16.5px; margin: 22px 0 8px; }
    p { margin: 8px 0; }
    .scenario-name { font-size: 18px; font-weight: 600; margin: 0; }
    .lead { color: var(--muted); margin: 4px 0 10px; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0 0; font-size: 14px; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; }
    nav.toc { font-size: 13.5px; color: var(--muted); margin: 0 0 8px; }
    nav.toc ol { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 4px 0 0; list-style: none; counter-reset: toc; }
    nav.toc li { counter-increment: toc; }
    nav.toc li::before { content: counter(toc) ". "; }
    nav.toc a { color: var(--accent); text-decoration: none; }
    .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 14px 0; }
    .card { border: 1px solid var(--line); border-top: 4px solid var(--accent); border-radius: 4px; padding: 10px 14px; }
    .card .label { font-size: 12.5px; color: var(--muted); }
    .card .value { font-size: 21px; font-weight: 700; line-height: 1.25; margin-top: 2px; font-variant-numeric: tabular-nums; }
    .card .note { font-size: 12px; color: var(--muted); }
    .card.total { grid-column: span 2; }
    .card.total .value { font-size: 26px; }
    .alert { border-left: 6px solid var(--bad); background: var(--bad-soft); padding: 10px 16px; margin: 14px 0; }
    .alert strong { color: var(--bad); font-size: 17px; text-transform: uppercase; }
    .alert ul { margin: 6px 0 0; padding-left: 20px; }
    .ok { border-left: 6px solid var(--good); background: var(--good-soft); padding: 8px 16px; margin: 14px 0; }
    .note { color: var(--muted); font-size: 13.5px; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 13px; }
    caption { caption-side: top; text-align: left; color: var(--muted); font-size: 12.5px; padding: 0 0 4px; }
    th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    thead th { background: var(--accent); color: #fff; font-weight: 600; border-bottom: 0; }
    tbody tr:nth-child(even) { background: var(--alt); }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    td.qty { text-align: right; }
    td.nowrap, .nowrap { white-space: nowrap; }
    tr.total td { font-weight: 700; border-top: 2px solid var(--ink); background: var(--accent-soft); }
    td.grew { font-weight: 700; color: var(--accent); }
    table.costs td:first-child { min-width: 140px; }
    table.costs { font-size: 12.5px; }
    table.costs th, table.costs td { padding: 5px 6px; }
    @media screen { .scroll { overflow-x: auto; } }
    td.bad { color: var(--bad); font-weight: 700; }
    td.good { color: var(--good); }
    .small { font-size: 12px; color: var(--muted); }
    .why { font-size: 12.5px; min-width: 210px; }
    table.items td:nth-child(2) { min-width: 110px; }
    code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .92em; overflow-wrap: anywhere; }
    table.register { font-size: 12px; }
    table.register td { padding: 3px 6px; }
    table.register td.comment { overflow-wrap: anywhere; }
    tr.assumption td { background: var(--warn-soft); }
    .badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11px; font-weight: 600; white-space: nowrap; }
    .badge.a { background: #f2c94c; color: #4a3800; }
    .badge.i { background: #e3e7eb; color: #44505c; }
    figure { margin: 14px 0 20px; }
    figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
    figure h3 { margin-top: 6px; }
    .multiples { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px 16px; }
    .multiples > div { border: 1px solid var(--line); border-radius: 4px; padding: 6px 6px 2px; }
    svg.chart { display: block; width: 100%; height: auto; max-width: 100%; font-family: inherit; }
    dl.method-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 14px; margin: 6px 0 12px; }
    dl.method-facts dt { color: var(--muted); }
    dl.method-facts dd { margin: 0; }
    footer { margin-top: 30px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
    @media (max-width: 760px) {
      main { padding: 18px; }
      .cards { grid-template-columns: repeat(2, 1fr); }
      .multiples { grid-template-columns: 1fr; }
    }
    @page { size: A4; margin: 15mm; }
    @media print {
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { background: #fff; font-size: 10pt; }
      main { max-width: none; padding: 0; }
      nav.toc { display: none; }
      h1 { font-size: 20pt; }
      h2 { font-size: 14pt; margin-top: 16pt; }
      h3 { font-size: 11.5pt; }
      h2, h3, caption { break-after: avoid; page-break-after: avoid; }
      table { font-size: 8pt; }
      th, td { padding: 3px 4px; }
      .why { min-width: 140px; font-size: 7.5pt; }
      table.costs { font-size: 7pt; }
      table.costs th, table.costs td { padding: 3px 4px; }
      table.capacity.wide { font-size: 7pt; }
      table.costs.wide { font-size: 6pt; }
      table.costs td:first-child { min-width: 90px; }
      table.items td:nth-child(2) { min-width: 0; }
      .small { font-size: 7pt; }
      .note, figcaption, caption { font-size: 8.5pt; }
      .card .value { font-size: 15pt; }
      .card.total .value { font-size: 18pt; }
      .card .label, .card .note { font-size: 8pt; }
      dl.facts, dl.method-facts { font-size: 9.5pt; }
      table.register { font-size: 7.5pt; }
      thead { display: table-header-group; }
      tr, figure, .card, .alert, svg, .multiples > div { break-inside: avoid; page-break-inside: avoid; }
      section.charts figure { break-inside: avoid; }
      .multiples { grid-template-columns: repeat(2, 1fr); }
      a { color: inherit; text-decoration: none; }
    }
    """

    static func render(_ c: ReportContext) -> String {
        let t = c.text
        var h = ""
        h += "<!DOCTYPE html>\n<html lang=\"\(c.language.code)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(escape(t.title)) — \(escape(c.plan.scenario))</title>\n<style>\n\(css)\n</style>\n</head>\n<body>\n<main>\n"
        h += cover(c)
        h += toc(c)
        h += summary(c)
        h += procurement(c)
        h += energy(c)
        h += capacity(c)
        h += charts(c)
        h += clients(c)
        h += events(c)
        if let u = c.uncertainty { h += ReportUncertainty.html(c, u) }
        h += targets(c)
        h += assumptions(c)
        h += method(c)
        h += files(c)
        h += "<footer>capsim · \(escape(c.plan.scenario)) · \(c.firstYear)–\(c.lastYear)</footer>\n"
        h += "</main>\n</body>\n</html>\n"
        return h
    }

    // MARK: - Sections

    static func cover(_ c: ReportContext) -> String {
        let t = c.text
        var h = "<header class=\"cover\">\n<p class=\"kicker\">capsim · \(escape(t.scenario))</p>\n"
        h += "<h1>\(escape(t.title))</h1>\n<p class=\"scenario-name\">\(escape(c.plan.scenario))</p>\n"
        if let d = c.scenario.description, !d.isEmpty { h += "<p class=\"lead\">\(escape(d))</p>\n" }
        h += "<dl class=\"facts\">\n"
        h += "<dt>\(escape(t.horizon))</dt><dd>\(c.firstYear)–\(c.lastYear) (\(escape(t.baseYear)) \(c.scenario.horizon.baseYear))</dd>\n"
        h += "<dt>\(escape(t.currency))</dt><dd>\(escape(c.currency))</dd>\n"
        if !c.scenario.sourcePath.isEmpty {
            let file = URL(fileURLWithPath: c.scenario.sourcePath).lastPathComponent
            h += "<dt>\(escape(t.sourceFile))</dt><dd><code>\(escape(file))</code></dd>\n"
        }
        h += "</dl>\n</header>\n"
        return h
    }

    static func toc(_ c: ReportContext) -> String {
        let t = c.text
        let energy = c.hasEnergy ? [("energy", t.energy)] : []
        var entries = [("summary", t.summary), ("procurement", t.procurement)] + energy + [("capacity", t.capacity), ("charts", t.charts)]
        if c.hasClientSection { entries.append(("clients", c.fill(c.language.clientText.section, String(c.lastYear)))) }
        if c.eventSeries?.series != nil { entries.append(("events", c.fill(c.language.clientText.eventsSection, String(c.lastYear)))) }
        if c.uncertainty != nil { entries.append(("uncertainty", c.language.uncertaintyText.heading)) }
        entries += [("targets", c.fill(t.targets, String(c.lastYear))), ("assumptions", t.assumptions), ("method", t.method)]
        return "<nav class=\"toc\" aria-label=\"\(escape(t.contents))\"><ol>"
            + entries.map { "<li><a href=\"#\($0.0)\">\(escape($0.1))</a></li>" }.joined() + "</ol></nav>\n"
    }

    static func summary(_ c: ReportContext) -> String {
        let t = c.text
        var h = "<section id=\"summary\">\n<h2>\(escape(t.summary))</h2>\n"
        let infeasible = c.infeasibleYears
        h += statusLead(c)
        h += "<div class=\"cards\">\n"
        h += totalCard(c)
        if c.hasEnergy { h += card(t.energyTotal, c.money(c.energyTotal), note: "\(c.firstYear)–\(c.lastYear)") }
        h += card(t.purchases, String(c.itemCount), note: "\(c.buyingAgencies) / \(c.scenario.agencies.count) \(t.agencies.lowercased())")
        h += card(t.simulations, String(c.plan.simulations), note: "\(c.plan.replications) \(t.replicationsWord)")
        h += "</div>\n"
        if infeasible.isEmpty { h += "<p class=\"ok\">\(escape(t.feasibleNote))</p>\n" }
        if c.itemCount == 0 { h += "<p>\(escape(t.nothingToBuy))</p>\n" }
        h += "<h3>\(escape(t.costByAgencyYear))</h3>\n"
        h += "<div class=\"scroll\"><table class=\"costs\(c.plan.years.count > 6 ? " wide" : "")\"><caption>\(escape(t.costByAgencyYearNote)) (\(escape(c.currencyLabel)))</caption>\n<thead><tr><th>\(escape(t.agency))</th>"
        h += c.plan.years.map { "<th class=\"num\">\($0)</th>" }.joined() + "<th class=\"num\">\(escape(t.total))</th></tr></thead>\n<tbody>\n"
        for a in c.agencyRows where a.plan != nil {
            h += "<tr><td>\(escape(a.name)) <span class=\"small\">(\(escape(a.id)))</span></td>"
            h += c.yearCosts(a.plan).map { "<td class=\"num\">\(escape(c.amount($0)))</td>" }.joined()
            h += "<td class=\"num\"><b>\(escape(c.amount(a.plan?.totalCost ?? 0)))</b></td></tr>\n"
        }
        h += "<tr class=\"total\"><td>\(escape(t.allAgencies))</td>" + c.yearTotals.map { "<td class=\"num\">\(escape(c.amount($0)))</td>" }.joined()
        h += "<td class=\"num\">\(escape(c.amount(c.plan.totalCost)))</td></tr>\n</tbody></table></div>\n"
        h += costSplit(c)
        if !c.idleAgencies.isEmpty {
            h += "<p class=\"note\">\(escape(t.noPurchases)): \(escape(c.idleAgencies.joined(separator: "; "))).</p>\n"
        }
        h += "</section>\n"
        return h
    }

    static func card(_ label: String, _ value: String, note: String, total: Bool = false) -> String {
        "<div class=\"card\(total ? " total" : "")\"><div class=\"label\">\(escape(label))</div><div class=\"value\">\(escape(value))</div>"
            + "<div class=\"note\">\(escape(note))</div></div>\n"
    }

    static func procurement(_ c: ReportContext) -> String {
        let t = c.text
        var h = "<section id=\"procurement\">\n<h2>\(escape(t.procurement))</h2>\n<p class=\"note\">\(escape(t.procurementNote))</p>\n"
        if c.itemCount == 0 { h += "<p>\(escape(t.nothingToBuy))</p>\n" }
        for a in c.plan.agencies {
            h += "<h3>\(escape(a.name)) <span class=\"small\">(\(escape(a.id)))</span> — \(escape(c.agencyTotalLabel)): \(escape(c.money(a.totalCost)))</h3>\n"
            if a.items.isEmpty { h += "<p class=\"note\">\(escape(t.noPurchases)) \(escape(a.name)).</p>\n"; continue }
            h += "<div class=\"scroll\"><table class=\"items\"><thead><tr><th class=\"num\">\(escape(t.year))</th><th>\(escape(t.what))</th><th>\(escape(t.whereText))</th>"
            h += "<th class=\"num\">\(escape(t.quantity))</th><th class=\"num\">\(escape(t.unitCost)) (\(escape(c.currencyLabel)))</th>"
            h += "<th class=\"num\">\(escape(t.cost)) (\(escape(c.currencyLabel)))</th><th class=\"num\">\(escape(t.opexPerYear)) (\(escape(c.currencyLabel)))</th>"
            h += "<th>\(escape(t.reason))</th></tr></thead>\n<tbody>\n"
            for i in a.items {
                let unit = c.unitText(i).map { "<br><span class=\"small\">\(escape($0))</span>" } ?? ""
                let place = ([i.site] + (i.toSite.map { [$0] } ?? [])).map { "<span class=\"nowrap\">\(escape($0))</span>" }
                h += "<tr><td class=\"num\">\(i.year)</td><td>\(escape(c.kindName(i))) <b class=\"nowrap\">\(escape(i.resource.id))</b>\(unit)</td>"
                h += "<td>\(place.joined(separator: " → "))</td><td class=\"qty\">\(quantity(c, i))</td>"
                h += "<td class=\"num\">\(escape(c.price(i.unitCost, i)))</td><td class=\"num\"><b>\(escape(c.price(i.cost, i)))</b></td>"
                h += "<td class=\"num\">\(escape(c.price(i.opexPerYear, i)))</td>"
                h += "<td class=\"why\">\(escape(c.reasonText(i)))<br><span class=\"small\">\(escape(c.utilisationText(i)))</span></td></tr>\n"
            }
            h += "</tbody></table></div>\n"
        }
        return h + "</section>\n"
    }

    /// "4 servers", or "2 steps" over "+10 Mbit/s" (or "+200/s").
    static func quantity(_ c: ReportContext, _ i: ProcurementItem) -> String {
        let steps = "\(i.quantity) \(c.singular(c.text.stepsUnit, i.quantity))"
        switch i.kind {
        case .servers: return "<span class=\"nowrap\">\(escape(c.quantityText(i)))</span>"
        case .bandwidth:
            let bps = i.bandwidthBps.map { "<br><span class=\"small nowrap\">+\(escape(c.language.bandwidth($0)))</span>" } ?? ""
            return "<span class=\"nowrap\">\(escape(steps))</span>\(bps)"
        case .rate:
            let steps = "\(i.quantity) \(c.singular(c.text.stepsUnit, i.quantity))"
            let added = i.ratePerSecond.map { "<br><span class=\"small nowrap\">+\(escape(c.language.rate($0)))</span>" } ?? ""
            return "<span class=\"nowrap\">\(escape(steps))</span>\(added)"
        case .storage:
            let steps = "\(i.quantity) \(c.singular(c.text.stepsUnit, i.quantity))"
            let bytes = i.capacityBytes.map { "<br><span class=\"small nowrap\">+\(escape(c.language.bytes($0)))</span>" } ?? ""
            return "<span class=\"nowrap\">\(escape(steps))</span>\(bytes)"
        }
    }

    static func capacity(_ c: ReportContext) -> String {
        let t = c.text
        var h = "<section id=\"capacity\">\n<h2>\(escape(t.capacity))</h2>\n<p class=\"note\">\(escape(t.capacityNote))</p>\n"
        h += "<div class=\"scroll\"><table class=\"capacity\(c.plan.years.count > 6 ? " wide" : "")\"><thead><tr><th>\(escape(t.resource))</th>"
        h += c.plan.years.map { "<th class=\"num\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for r in c.resources {
            h += "<tr><td>\(escape(c.kindLabel(r.kind))) <b>\(escape(r.id))</b></td>"
            h += c.capacityRow(r).map { "<td class=\"num\(($0.1 ? " grew" : ""))\">\(escape($0.0))</td>" }.joined()
            h += "</tr>\n"
        }
        return h + "</tbody></table></div>\n" + storageNeed(c) + "</section>\n"
    }

    static func charts(_ c: ReportContext) -> String {
        let t = c.text
        let L = c.language
        var h = "<section id=\"charts\" class=\"charts\">\n<h2>\(escape(t.charts))</h2>\n"
        // (a) demand vs capacity per pool
        h += "<figure class=\"demand\">\n<h3>\(escape(t.chartDemand))</h3>\n"
        if c.scenario.pools.isEmpty || c.plan.capacity.isEmpty {
            h += "<p>\(escape(t.noData))</p>\n"
        } else {
            h += "<div class=\"multiples\">\n"
            for p in c.scenario.pools {
                let installed = c.plan.capacity.map { y in y.capacity(of: .pool(p.id)) ?? 0 }
                let demand = c.plan.capacity.map { y in y.demand[.pool(p.id)] ?? .nan }
                h += "<div>" + ReportSVGCharts.demandCapacity(pool: p.id, years: c.plan.capacity.map(\.year), installed: installed,
                                                              demand: demand, language: L) + "</div>\n"
            }
            h += "</div>\n"
        }
        h += "<figcaption>\(escape(t.chartDemandNote))</figcaption>\n</figure>\n"
        h += storageChart(c)
        // (b) utilisation in the final year
        let year = String(c.lastYear)
        h += "<figure class=\"utilisation\">\n<h3>\(escape(c.fill(t.chartUtilisation, year)))</h3>\n"
        if let note = c.finalTriedNote { h += "<p class=\"note\">\(escape(note))</p>\n" }
        if let f = c.final, !(f.results.pools.isEmpty && f.results.links.isEmpty) {
            var bars: [ReportSVGCharts.UtilisationBar] = []
            func limit(_ s: Target.Subject) -> Double? {
                f.results.targets.first { $0.target.subject == s && $0.target.metric == .maxUtilization }?.target.limit
                    ?? c.scenario.targets.first { $0.subject == s && $0.metric == .maxUtilization }?.limit
            }
            for p in f.results.pools {
                bars.append(.init(label: p.id, isLink: false, mean: p.utilization.mean, ci95: p.utilization.ci95, limit: limit(.pool(p.id))))
            }
            for l in f.results.links {
                let spec = c.scenario.link(l.id)?.configuration
                let from = spec?.from ?? "", to = spec?.to ?? ""
                bars.append(.init(label: "\(l.id) \(from)→\(to)", isLink: true, mean: l.forward.utilization.mean,
                                  ci95: l.forward.utilization.ci95, limit: limit(.link(l.id))))
                bars.append(.init(label: "\(l.id) \(to)→\(from)", isLink: true, mean: l.reverse.utilization.mean,
                                  ci95: l.reverse.utilization.ci95, limit: limit(.link(l.id))))
            }
            for l in f.results.limiters {
                bars.append(.init(label: "\(c.language.clientText.limiter.lowercased()) \(l.id)", isLink: false,
                                  mean: l.utilization.mean, ci95: l.utilization.ci95, limit: limit(.limiter(l.id))))
            }
            h += ReportSVGCharts.utilisation(bars, language: L) + "\n"
        } else {
            h += "<p>\(escape(t.noData))</p>\n"
        }
        h += "<figcaption>\(escape(t.chartUtilisationNote))</figcaption>\n</figure>\n"
        // (c) latency percentiles per workload
        h += "<figure class=\"latency\">\n<h3>\(escape(c.fill(t.chartLatency, year)))</h3>\n"
        if let f = c.final, !f.results.workloads.isEmpty {
            let rows = f.results.workloads.map { w in
                ReportSVGCharts.LatencyRow(
                    label: w.id, p50: w.response.p50, p95: w.response.p95, p99: w.response.p99,
                    limits: c.scenario.targets.filter { $0.subject == .workload(w.id) && !ReportContext.isFraction($0.metric) }
                        .map { ($0.metric.rawValue, $0.limit) })
            }
            h += ReportSVGCharts.latency(rows, language: L) + "\n"
        } else {
            h += "<p>\(escape(t.noData))</p>\n"
        }
        h += "<figcaption>\(escape(t.chartLatencyNote))</figcaption>\n</figure>\n"
        // (d) cost stacked by agency
        h += "<figure class=\"cost\">\n<h3>\(escape(t.chartCost))</h3>\n"
        if c.plan.agencies.isEmpty {
            h += "<p>\(escape(t.nothingToBuy))</p>\n"
        } else {
            let series = c.plan.agencies.map { ("\($0.name)", c.yearCosts($0)) }
            h += ReportSVGCharts.cost(years: c.plan.years, series: series, currency: c.currency, language: L) + "\n"
        }
        h += "<figcaption>\(escape(t.chartCostNote))</figcaption>\n</figure>\n"
        return h + "</section>\n"
    }

    static func targets(_ c: ReportContext) -> String {
        let t = c.text
        var h = "<section id=\"targets\">\n<h2>\(escape(c.fill(t.targets, String(c.lastYear))))</h2>\n<p class=\"note\">\(escape(t.targetsNote))</p>\n"
        guard let f = c.final, !f.results.targets.isEmpty else { return h + "<p>\(escape(t.noData))</p>\n</section>\n" }
        if let note = c.finalTriedNote { h += "<p class=\"alert\">\(escape(note))</p>\n" }
        h += "<table class=\"targets\"><thead><tr><th>\(escape(t.subject))</th><th>\(escape(t.metric))</th><th class=\"num\">\(escape(t.limit))</th>"
        h += "<th class=\"num\">\(escape(t.value))</th><th class=\"num\">\(escape(t.bound))</th><th>\(escape(t.met))</th></tr></thead>\n<tbody>\n"
        for (row, r) in zip(c.targetRows(f.results.targets), f.results.targets) {
            let about = c.subjectText(r.target.subject).description.map { "<br><span class=\"small\">\(escape($0))</span>" } ?? ""
            h += "<tr><td>\(escape(row[0]))\(about)</td><td>\(escape(row[1]))</td><td class=\"num\">\(escape(row[2]))</td>"
            h += "<td class=\"num\">\(escape(row[3]))</td><td class=\"num\">\(escape(row[4]))</td>"
            h += "<td class=\"\(r.met ? "good" : "bad")\">\(escape(row[5]))</td></tr>\n"
        }
        return h + "</tbody></table>\n</section>\n"
    }

    static func assumptions(_ c: ReportContext) -> String {
        let t = c.text
        let inputs = c.scenario.inputs
        let marked = inputs.filter(ReportBundle.isAssumption).count
        var h = "<section id=\"assumptions\">\n<h2>\(escape(t.assumptions))</h2>\n<p class=\"note\">\(escape(t.assumptionsNote))</p>\n"
        guard !inputs.isEmpty else { return h + "<p>\(escape(t.noInputs))</p>\n</section>\n" }
        h += "<p>\(escape(t.inputsCount(inputs.count, marked)))</p>\n"
        h += "<table class=\"register\"><colgroup><col style=\"width:6%\"><col style=\"width:29%\"><col style=\"width:20%\">"
        h += "<col style=\"width:10%\"><col style=\"width:35%\"></colgroup><thead><tr><th class=\"num\">\(escape(t.line))</th><th>\(escape(t.path))</th><th>\(escape(t.value))</th>"
        h += "<th>\(escape(t.kindColumn))</th><th>\(escape(t.comment))</th></tr></thead>\n<tbody>\n"
        for i in inputs {
            let a = ReportBundle.isAssumption(i)
            h += "<tr\(a ? " class=\"assumption\"" : "")><td class=\"num\">\(i.line)</td><td><code>\(escape(i.path))</code></td>"
            h += "<td><code>\(escape(i.value))</code></td>"
            h += "<td><span class=\"badge \(a ? "a" : "i")\">\(escape(a ? t.assumptionMark : t.inputMark))</span></td>"
            h += "<td class=\"comment\">\(escape(i.comment ?? ""))</td></tr>\n"
        }
        return h + "</tbody></table>\n</section>\n"
    }

    static func method(_ c: ReportContext) -> String {
        let t = c.text
        let L = c.language
        var h = "<section id=\"method\" class=\"method\">\n<h2>\(escape(t.method))</h2>\n"
        h += "<dl class=\"method-facts\">\n"
        let facts: [(String, String)] = L == .vi ? [
            ("Giá trị khởi tạo ngẫu nhiên (seed)", String(c.plan.seed)),
            ("Số lần lặp cho mỗi cấu hình", String(c.plan.replicationsPerRun)),
            ("Thời gian đo mỗi lần lặp", L.duration(c.plan.duration)),
            ("Thời gian khởi động mỗi lần lặp", L.duration(c.plan.warmup)),
            ("Mức tin cậy", "95% (phân phối Student t)"),
            ("Số lần mô phỏng", "\(c.plan.simulations) (\(c.plan.replications) \(t.replicationsWord))"),
        ] : [
            ("Seed", String(c.plan.seed)),
            ("Replications per configuration", String(c.plan.replicationsPerRun)),
            ("Measured time per replication", L.duration(c.plan.duration)),
            ("Warm-up per replication", L.duration(c.plan.warmup)),
            ("Confidence level", "95% (Student t)"),
            ("Simulations", "\(c.plan.simulations) (\(c.plan.replications) \(t.replicationsWord))"),
        ]
        for (k, v) in facts { h += "<dt>\(escape(k))</dt><dd>\(escape(v))</dd>\n" }
        h += "</dl>\n"
        for p in c.methodParagraphs() { h += "<p>\(escape(p))</p>\n" }
        return h + "</section>\n"
    }

    static func files(_ c: ReportContext) -> String {
        let t = c.text
        var h = "<section id=\"files\">\n<h2>\(escape(t.files))</h2>\n<p class=\"note\">\(escape(t.filesNote))</p>\n<ul>\n"
        let study = c.uncertainty == nil ? [] : ["explore-runs.csv", "sensitivity.csv"]
        let names = study + ReportBundle.fileNames + (c.eventSeries?.series != nil ? ReportBundle.eventFileNames : [])
        for name in names where name.hasSuffix(".csv") || name.hasSuffix(".md") {
            h += "<li><code>\(escape(name))</code></li>\n"
        }
        return h + "</ul>\n</section>\n"
    }
}
