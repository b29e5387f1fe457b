import Foundation
import InfraModel
import Planning
import SimKernel

/// Rows and series of the client, limiter and event sections, shared by the HTML and Markdown reports.
extension ReportContext {
    /// Workloads with a client in the last plan year.
    var clientWorkloads: [WorkloadResults] { final?.results.workloads.filter(\.hasClient) ?? [] }
    /// Limiters in the last plan year.
    var finalLimiters: [LimiterResults] { final?.results.limiters ?? [] }
    /// True when the report has a section on retries and rate limits.
    var hasClientSection: Bool { !clientWorkloads.isEmpty || !finalLimiters.isEmpty }

    func clientRows() -> [[String]] {
        let L = language
        return clientWorkloads.map { w in
            [w.id, L.grouped(w.requests), L.grouped(w.attempts.mean), L.estimate(w.amplification.mean, w.amplification.ci95, L.significant),
             L.grouped(w.succeeded.mean), L.grouped(w.failed.mean), L.grouped(w.orphaned.mean),
             L.estimate(w.goodput.mean, w.goodput.ci95, L.rate)]
        }
    }

    var clientHeader: [String] {
        let t = language.clientText
        return [text.workload, t.requests, t.attempts, t.amplification, t.succeeded, t.failed, t.orphaned, t.goodput]
    }

    func limiterRows() -> [[String]] {
        let L = language
        return finalLimiters.map { l in
            [l.id, L.rate(l.rate), L.rate(l.arrivalRate.mean), L.rate(l.passed.mean),
             L.estimate(l.utilization.mean, l.utilization.ci95, L.percent),
             L.estimate(l.rejectedFraction.mean, l.rejectedFraction.ci95, L.percent), L.duration(l.wait.p95)]
        }
    }

    var limiterHeader: [String] {
        let t = language.clientText
        return [t.limiter, t.rate, t.demand, t.passed, text.utilisation,
                t.rejected, t.waitP95]
    }

    /// Workloads charted in the events section: those with a client or named by an event (at most 6), else the
    /// first three.
    func chartedWorkloads(_ s: RunSeries) -> [RunSeries.WorkloadSeries] {
        var names: [String] = scenario.workloads.filter { $0.configuration.client != nil }.map(\.id)
        for e in s.events {
            if case .rateFactor(let w, _) = e.change, !names.contains(w) { names.append(w) }
        }
        let chosen = s.workloads.filter { names.contains($0.id) }
        return chosen.isEmpty ? Array(s.workloads.prefix(3)) : Array(chosen.prefix(6))
    }

    /// Pools charted in the events section: named by an event, or on the charted workloads' routes; the 8 busiest.
    func chartedPools(_ s: RunSeries, workloads: [RunSeries.WorkloadSeries]) -> [RunSeries.PoolSeries] {
        var ids = Set<String>()
        for e in s.events { if case .serversDown(let p, _) = e.change { ids.insert(p) } }
        for w in workloads {
            for r in scenario.workload(w.id)?.configuration.resourcesOnRoute ?? [] where r.kind == .pool { ids.insert(r.id) }
        }
        let chosen = s.pools.filter { ids.contains($0.id) }
        return Array(chosen.sorted { ($0.utilization.max() ?? 0) > ($1.utilization.max() ?? 0) }.prefix(8))
            .sorted { a, b in (s.pools.firstIndex { $0.id == a.id } ?? 0) < (s.pools.firstIndex { $0.id == b.id } ?? 0) }
    }

    /// The recovery of `w` after each event, as sentences.
    func recoveryText(_ w: RunSeries.WorkloadSeries) -> [String] {
        let t = language.clientText
        return (w.recovery ?? []).map { r in
            let outcome: String
            if let s = r.seconds {
                outcome = fill(t.recoveredAfter, language.estimate(s.mean, s.ci95, language.duration))
            } else {
                outcome = t.notRecovered + " (" + fill(fill(t.perReplicationCount, String(r.recovered)), String(r.replications)) + ")"
            }
            return "\(w.id), \(r.event): \(outcome)"
        }
    }
}

extension ReportHTML {
    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
        var h = "<div class=\"scroll\"><table><thead><tr>"
        h += header.enumerated().map { "<th\(numeric.contains($0.offset) ? " class=\"num\"" : "")>\(escape($0.element))</th>" }.joined()
        h += "</tr></thead>\n<tbody>\n"
        for r in rows {
            h += "<tr>" + r.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"num\"" : "")>\(escape($0.element))</td>" }.joined() + "</tr>\n"
        }
        return h + "</tbody></table></div>\n"
    }

    /// Retries and rate limits in the last plan year (empty when the scenario has neither clients nor limiters).
    static func clients(_ c: ReportContext) -> String {
        guard c.hasClientSection else { return "" }
        let t = c.language.clientText
        var h = "<section id=\"clients\">\n<h2>\(escape(c.fill(t.section, String(c.lastYear))))</h2>\n<p class=\"note\">\(escape(t.sectionNote))</p>\n"
        if !c.clientWorkloads.isEmpty {
            h += "<h3>\(escape(t.clientsTitle))</h3>\n" + table(c.clientHeader, c.clientRows(), numeric: Set(1...7))
        }
        if !c.finalLimiters.isEmpty {
            h += "<h3>\(escape(t.limitersTitle))</h3>\n" + table(c.limiterHeader, c.limiterRows(), numeric: Set(1...6))
        }
        return h + "</section>\n"
    }

    /// Time series of the last plan year with the scenario's events (empty without them).
    static func events(_ c: ReportContext) -> String {
        guard let s = c.eventSeries?.series, !s.starts.isEmpty else { return "" }
        let t = c.language.clientText
        let L = c.language
        var h = "<section id=\"events\" class=\"charts\">\n<h2>\(escape(c.fill(t.eventsSection, String(c.lastYear))))</h2>\n"
        h += "<p class=\"note\">\(escape(t.eventsNote))</p>\n"
        let times = zip(s.starts, s.lengths).map { ($0 + $1 / 2) / 60 }
        let span = ((s.starts.first ?? 0) / 60, ((s.starts.last ?? 0) + (s.lengths.last ?? 0)) / 60)
        let windows = s.events.map { ($0.at / 60, $0.end / 60, $0.name) }
        let workloads = c.chartedWorkloads(s)
        for w in workloads {
            let lines = [
                ReportSVGCharts.TimeLine(label: t.firstAttempts, colour: "#777777", values: w.requests, dashed: true),
                ReportSVGCharts.TimeLine(label: "\(t.attempts.lowercased())/s", colour: ReportSVGCharts.demandColour, values: w.attempts),
                ReportSVGCharts.TimeLine(label: "\(t.goodput.lowercased())/s", colour: ReportSVGCharts.installedColour, values: w.goodput),
                ReportSVGCharts.TimeLine(label: "\(t.failed.lowercased())/s", colour: ReportSVGCharts.limitColour, values: w.lost),
            ]
            h += "<figure class=\"series\">\n"
            h += ReportSVGCharts.timeSeries(title: "\(c.text.workload) \(w.id)", times: times, span: span, lines: lines,
                                            events: windows, yLabel: t.perSecond, language: L) + "\n"
            let recovery = c.recoveryText(w)
            if !recovery.isEmpty { h += "<figcaption>\(escape(t.recovery)): \(escape(recovery.joined(separator: "; ")))</figcaption>\n" }
            h += "</figure>\n"
        }
        let pools = c.chartedPools(s, workloads: workloads)
        if !pools.isEmpty {
            let lines = pools.enumerated().map { k, p in
                ReportSVGCharts.TimeLine(label: p.id, colour: ReportSVGCharts.palette[k % ReportSVGCharts.palette.count], values: p.utilization)
            }
            h += "<figure class=\"series\">\n"
            h += ReportSVGCharts.timeSeries(title: t.poolUtilisation, times: times, span: span, lines: lines, events: windows,
                                            yLabel: c.text.utilisation, percent: true, language: L) + "\n</figure>\n"
        }
        return h + "</section>\n"
    }
}

extension ReportMarkdown {
    /// The client and limiter tables, and the recovery after events (charts are in index.html).
    static func clientsAndEvents(_ c: ReportContext) -> String {
        let t = c.language.clientText
        var m = ""
        if c.hasClientSection {
            m += "## \(escape(c.fill(t.section, String(c.lastYear))))\n\n\(escape(t.sectionNote))\n\n"
            if !c.clientWorkloads.isEmpty {
                m += "### \(escape(t.clientsTitle))\n\n"
                m += table(c.clientHeader.map(escape), c.clientRows().map { $0.map(escape) }, right: Set(1...7))
            }
            if !c.finalLimiters.isEmpty {
                m += "### \(escape(t.limitersTitle))\n\n"
                m += table(c.limiterHeader.map(escape), c.limiterRows().map { $0.map(escape) }, right: Set(1...6))
            }
        }
        if let s = c.eventSeries?.series, !s.starts.isEmpty {
            m += "## \(escape(c.fill(t.eventsSection, String(c.lastYear))))\n\n\(escape(t.eventsNote))\n\n"
            for w in c.chartedWorkloads(s) {
                for line in c.recoveryText(w) { m += "- \(escape(t.recovery)): \(escape(line))\n" }
            }
            m += "\n\(escape(c.text.chartsInHTML)) series.csv\n\n"
        }
        return m
    }
}
