/// The uncertainty section of a report (HTML and Markdown) and its CSV tables, from an `UncertaintyView`.
enum ReportUncertainty {
    static func fill(_ s: String, _ values: String...) -> String {
        var out = s
        for v in values {
            guard let r = out.range(of: "%@") else { break }
            out.replaceSubrange(r, with: v)
        }
        return out
    }

    /// The tornado's rows: the input path, its low and high ends as text, the totals.
    static func tornadoRows(_ u: UncertaintyView) -> [(label: String, low: Double, high: Double)] {
        u.sensitivity.filter { $0.swing != nil }.map { ($0.path, $0.totalCostLow, $0.totalCostHigh) }
    }

    /// The inputs that leave a future without a feasible plan at one end of their range.
    static func infeasibleInputs(_ u: UncertaintyView) -> [String] { u.sensitivity.filter { $0.swing == nil }.map(\.path) }

    // MARK: - HTML

    static func html(_ c: ReportContext, _ u: UncertaintyView) -> String {
        let t = c.language.uncertaintyText
        let L = c.language
        let e = ReportHTML.escape
        var h = "<section id=\"uncertainty\">\n<h2>\(e(t.heading))</h2>\n<p>\(e(t.intro))</p>\n"
        h += "<p><strong>\(e(readingText(c, u)))</strong></p>\n"
        func interval(_ r: ClosedRange<Double>?) -> String {
            r.map { "\(t.interval): \(L.shortMoney($0.lowerBound)) – \(L.shortMoney($0.upperBound))" } ?? ""
        }
        h += "<div class=\"cards\">\n"
        h += ReportHTML.card(t.p10Card, c.money(u.total.p10), note: interval(u.total.p10Interval))
        h += ReportHTML.card(t.p50Card, c.money(u.total.p50), note: "\(t.budget)")
        h += ReportHTML.card(t.p90Card, c.money(u.total.p90), note: interval(u.total.p90Interval))
        h += ReportHTML.card(t.robustCard, c.money(u.robustTotal), note: fill(t.jointAdequacy, L.percent(u.jointAdequacy)))
        h += "</div>\n"
        var notes = [t.percentilesNotAdditive]
        if u.feasibleFraction < 1 { notes.append(fill(t.infeasibleSamples, L.percent(1 - u.feasibleFraction))) }
        if let sd = u.noiseSD, let share = u.noiseShare { notes.append(fill(t.noise, c.money(1.96 * sd), L.percent(share))) }
        notes.append(fill(t.method, String(u.samples), u.method, String(u.designSeed), String(u.simulationSeed)))
        h += notes.map { "<p class=\"note\">\(e($0))</p>\n" }.joined()
        if !u.robustFeasible { h += "<div class=\"alert\" role=\"alert\">\(e(t.robustInfeasible))</div>\n" }
        // Fan chart.
        h += "<figure class=\"fan\">\n<h3>\(e(t.fanTitle))</h3>\n"
        h += ReportSVGCharts.fan(years: u.years, p10: u.fan.map(\.p10), p50: u.fan.map(\.p50), p90: u.fan.map(\.p90),
                                 base: u.baseYearCosts, currency: u.currency, language: L) + "\n"
        h += "<figcaption>\(e(t.fanNote))</figcaption>\n</figure>\n"
        // Tornado.
        if !u.sensitivity.isEmpty {
            let infeasible = infeasibleInputs(u)
            if !infeasible.isEmpty { h += "<div class=\"alert\" role=\"alert\">\(e(fill(t.infeasibleInputs, infeasible.joined(separator: ", "))))</div>\n" }
            h += "<figure class=\"tornado\">\n<h3>\(e(t.tornadoTitle))</h3>\n"
            h += ReportSVGCharts.tornado(rows: tornadoRows(u), base: u.baseTotal ?? u.total.p50, noise: u.noiseSD.map { 1.96 * $0 },
                                         currency: u.currency, language: L) + "\n"
            h += "<figcaption>\(e(t.tornadoNote))</figcaption>\n</figure>\n"
            h += "<div class=\"scroll\"><table><thead><tr><th>\(e(t.input))</th><th class=\"num\">\(e(t.low))</th><th class=\"num\">\(e(t.high))</th>"
            h += "<th class=\"num\">\(e(t.costAtLow))</th><th class=\"num\">\(e(t.costAtHigh))</th><th class=\"num\">\(e(t.swing))</th>"
            h += "<th class=\"num\">\(e(t.spearman))</th></tr></thead>\n<tbody>\n"
            for r in u.sensitivity {
                h += "<tr><td><code>\(e(r.path))</code></td><td class=\"num\">\(e(L.decimal(r.lowText)))</td><td class=\"num\">\(e(L.decimal(r.highText)))</td>"
                h += "<td class=\"num\">\(e(r.lowFeasible ? c.amount(r.totalCostLow) : t.infeasibleEnd))</td>"
                h += "<td class=\"num\">\(e(r.highFeasible ? c.amount(r.totalCostHigh) : t.infeasibleEnd))</td>"
                h += "<td class=\"num\"><b>\(e(r.swing.map(c.amount) ?? "–"))</b></td><td class=\"num\">\(e(r.spearman.map { L.decimal(String(format: "%+.2f", $0)) } ?? "–"))</td></tr>\n"
            }
            h += "</tbody></table></div>\n"
        }
        // Purchase probabilities.
        let buying = u.purchaseProbability.filter { $0.shares.contains { $0 > 0 } }
        if !buying.isEmpty {
            h += "<h3>\(e(t.probabilityTitle))</h3>\n<p class=\"note\">\(e(t.probabilityNote))</p>\n"
            h += "<div class=\"scroll\"><table class=\"capacity\"><thead><tr><th>\(e(t.resource))</th>"
            h += u.years.map { "<th class=\"num\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in buying {
                h += "<tr><td><code>\(e(row.resource))</code></td>"
                for share in row.shares {
                    let shade = Int((1 - share) * 55 + 200)
                    let style = share > 0 ? " style=\"background: rgb(\(shade), \(shade + 8 > 255 ? 255 : shade + 8), 255)\"" : ""
                    h += "<td class=\"num\"\(style)>\(e(L.percent(share)))</td>"
                }
                h += "</tr>\n"
            }
            h += "</tbody></table></div>\n"
        }
        // Robust plan.
        h += "<h3>\(e(t.robustTitle)) — \(e(c.money(u.robustTotal)))</h3>\n<p class=\"note\">\(e(fill(t.robustNote, L.percent(u.quantile))))</p>\n"
        if !u.robustItems.isEmpty {
            let text = c.text
            h += "<div class=\"scroll\"><table class=\"items\"><thead><tr><th>\(e(text.agency))</th><th class=\"num\">\(e(text.year))</th>"
            h += "<th>\(e(text.what))</th><th class=\"num\">\(e(text.quantity))</th><th class=\"num\">\(e(text.cost)) (\(e(c.currencyLabel)))</th>"
            h += "<th class=\"num\">\(e(text.opexPerYear)) (\(e(c.currencyLabel)))</th></tr></thead>\n<tbody>\n"
            for i in u.robustItems {
                h += "<tr><td>\(e(c.agencyName(i.agency)))</td><td class=\"num\">\(i.year)</td><td>\(e(i.kind)) <b>\(e(i.resource))</b></td>"
                h += "<td class=\"num\">\(i.quantity)</td><td class=\"num\">\(e(c.amount(i.cost)))</td><td class=\"num\">\(e(c.amount(i.opexPerYear)))</td></tr>\n"
            }
            h += "</tbody></table></div>\n"
        }
        return h + "</section>\n"
    }

    static func readingText(_ c: ReportContext, _ u: UncertaintyView) -> String {
        let L = c.language
        let relative = u.total.p50 > 0 ? (u.total.p90 - u.total.p10) / u.total.p50 : 0
        let top = u.sensitivity.first?.path ?? "–"
        switch L {
        case .en:
            return "With these assumptions the budget is \(c.money(u.total.p50)) in a typical future (P50) and \(c.money(u.total.p90)) or less "
                + "in 9 futures out of 10 (P90); the P10–P90 range is \(L.percent(relative)) of the P50. The assumption that moves the budget "
                + "most is \(top). Commit the first year's purchases and replan each year as the assumptions are observed."
        case .vi:
            return "Với các giả định này, ngân sách ở một tương lai điển hình (P50) là \(c.money(u.total.p50)); trong 9/10 tương lai (P90) không vượt quá "
                + "\(c.money(u.total.p90)); khoảng P10–P90 bằng \(L.percent(relative)) của P50. Giả định ảnh hưởng lớn nhất đến ngân sách là \(top). "
                + "Nên chốt khoản mua sắm của năm đầu và lập lại kế hoạch hằng năm khi các giả định được kiểm chứng."
        }
    }

    // MARK: - Markdown

    static func markdown(_ c: ReportContext, _ u: UncertaintyView, table: ([String], [[String]], Set<Int>) -> String) -> String {
        let t = c.language.uncertaintyText
        let L = c.language
        var m = "## \(t.heading)\n\n\(t.intro)\n\n**\(readingText(c, u))**\n\n"
        func interval(_ r: ClosedRange<Double>?) -> String { r.map { "\(c.amount($0.lowerBound)) – \(c.amount($0.upperBound))" } ?? "–" }
        m += table(["", t.budget, t.interval],
                   [[t.p10Card, c.money(u.total.p10), interval(u.total.p10Interval)], [t.p50Card, c.money(u.total.p50), ""],
                    [t.p90Card, c.money(u.total.p90), interval(u.total.p90Interval)],
                    [t.robustCard, c.money(u.robustTotal), fill(t.jointAdequacy, L.percent(u.jointAdequacy))]], [1])
        m += "\(t.percentilesNotAdditive)\n\n"
        if let sd = u.noiseSD, let share = u.noiseShare { m += fill(t.noise, c.money(1.96 * sd), L.percent(share)) + "\n\n" }
        m += fill(t.method, String(u.samples), u.method, String(u.designSeed), String(u.simulationSeed)) + "\n\n"
        if !u.robustFeasible { m += "**\(t.robustInfeasible)**\n\n" }
        m += "### \(t.fanTitle)\n\n"
        m += table([c.text.year, "P10", "P50", "P90"], zip(u.years, u.fan).map { [String($0), c.amount($1.p10), c.amount($1.p50), c.amount($1.p90)] },
                   [1, 2, 3])
        if !u.sensitivity.isEmpty {
            m += "### \(t.tornadoTitle)\n\n\(t.tornadoNote)\n\n"
            let infeasible = infeasibleInputs(u)
            if !infeasible.isEmpty { m += "**\(fill(t.infeasibleInputs, infeasible.joined(separator: ", ")))**\n\n" }
            m += table([t.input, t.low, t.high, t.costAtLow, t.costAtHigh, t.swing, t.spearman],
                       u.sensitivity.map { ["`\($0.path)`", L.decimal($0.lowText), L.decimal($0.highText),
                                            $0.lowFeasible ? c.amount($0.totalCostLow) : t.infeasibleEnd,
                                            $0.highFeasible ? c.amount($0.totalCostHigh) : t.infeasibleEnd, $0.swing.map(c.amount) ?? "–",
                                            $0.spearman.map { L.decimal(String(format: "%+.2f", $0)) } ?? "–"] }, [1, 2, 3, 4, 5, 6])
        }
        let buying = u.purchaseProbability.filter { $0.shares.contains { $0 > 0 } }
        if !buying.isEmpty {
            m += "### \(t.probabilityTitle)\n\n\(t.probabilityNote)\n\n"
            m += table([t.resource] + u.years.map(String.init), buying.map { ["`\($0.resource)`"] + $0.shares.map { L.percent($0) } },
                       Set(1...u.years.count))
        }
        m += "### \(t.robustTitle)\n\n\(fill(t.robustNote, L.percent(u.quantile)))\n\n"
        if !u.robustItems.isEmpty {
            m += table([c.text.agency, c.text.year, c.text.what, c.text.quantity, c.text.cost, c.text.opexPerYear],
                       u.robustItems.map { [c.agencyName($0.agency), String($0.year), "\($0.kind) **\($0.resource)**", String($0.quantity),
                                            c.amount($0.cost), c.amount($0.opexPerYear)] }, [1, 3, 4, 5])
        }
        return m
    }

    // MARK: - CSV

    /// One row per sampled future: its inputs, feasibility, total and per-agency costs.
    static func runsCSV(_ u: UncertaintyView) -> String {
        let inputs = u.runs.first?.inputs.map(\.0) ?? []
        let agencies = u.runs.first?.agencies.map(\.0) ?? []
        let header = ["sample"] + inputs + ["feasible", "infeasible_from", "total_cost"] + agencies.map { "agency_\($0)" }
        // An infeasible future's plan stopped at its first infeasible year: its costs are no budget, left empty.
        let rows = u.runs.map { r -> [String] in
            let inputs: [String] = r.inputs.map { ReportCSV.number($0.1) }
            let status: [String] = [String(r.feasible), r.infeasibleFrom.map(String.init) ?? "",
                                    r.feasible ? ReportCSV.number(r.total) : ""]
            let agencies: [String] = r.agencies.map { r.feasible ? ReportCSV.number($0.1) : "" }
            return [String(r.sample)] + inputs + status + agencies
        }
        return ReportCSV.render(header: header, rows: rows)
    }

    /// One row per input of the one-at-a-time sensitivity, largest swing first.
    static func sensitivityCSV(_ u: UncertaintyView) -> String {
        ReportCSV.render(header: ["path", "low", "high", "total_cost_low", "total_cost_high", "swing", "spearman"],
                         rows: u.sensitivity.map { [$0.path, ReportCSV.number($0.low), ReportCSV.number($0.high),
                                                    $0.lowFeasible ? ReportCSV.number($0.totalCostLow) : "",
                                                    $0.highFeasible ? ReportCSV.number($0.totalCostHigh) : "",
                                                    ReportCSV.number($0.swing), ReportCSV.number($0.spearman)] })
    }
}
