import Foundation
import Planning
import Scenario

/// The consolidated report of a portfolio: `index.html` and `report.md` with the per-agency and per-member tables
/// and two rankings (members by cost, by growth of demand), CSV tables, and each member's own report in
/// `members/ID/`.
public enum PortfolioReport {
    struct Text {
        var title, members, agencies, total, totalNote, member, from, ownTotal, growth, feasible, leftOut, agency, yes, no,
            rankingCost, rankingGrowth, rankingNote, infeasible, memberReports, excludedNote, perYear: String
    }

    static func text(_ l: ReportLanguage) -> Text {
        switch l {
        case .en:
            return Text(title: "Consolidated procurement plan", members: "Members", agencies: "Agencies", total: "Total cost",
                        totalNote: "every agency, every year, summed over the members", member: "Member", from: "From",
                        ownTotal: "Member's own total", growth: "Demand growth", feasible: "Feasible", leftOut: "Left out",
                        agency: "Agency", yes: "yes", no: "NO",
                        rankingCost: "Members ranked by total cost", rankingGrowth: "Members ranked by growth of demand",
                        rankingNote: "Growth of demand: requests a day added between the base year and the last year of the horizon (the relative growth is in the members table).",
                        infeasible: "No feasible plan for these members; their costs are where the search stopped at its bounds, not a budget:",
                        memberReports: "Each member's own report is in members/ID/index.html.",
                        excludedNote: "Agencies left out of a member are planned by other members (such as the national scenario's aggregate of the provinces).",
                        perYear: "Cost per agency and year")
        case .vi:
            return Text(title: "Kế hoạch mua sắm tổng hợp", members: "Thành phần", agencies: "Cơ quan", total: "Tổng chi phí",
                        totalNote: "mọi cơ quan, mọi năm, cộng qua các thành phần", member: "Thành phần", from: "Nguồn",
                        ownTotal: "Tổng của thành phần", growth: "Tăng trưởng nhu cầu", feasible: "Khả thi", leftOut: "Không tính",
                        agency: "Cơ quan", yes: "có", no: "KHÔNG",
                        rankingCost: "Xếp hạng thành phần theo tổng chi phí", rankingGrowth: "Xếp hạng thành phần theo tăng trưởng nhu cầu",
                        rankingNote: "Tăng trưởng nhu cầu: số yêu cầu mỗi ngày tăng thêm từ năm gốc đến năm cuối của giai đoạn (tỷ lệ tăng nằm trong bảng thành phần).",
                        infeasible: "Không có phương án khả thi cho các thành phần sau; chi phí của chúng là nơi việc tìm kiếm dừng ở giới hạn, không phải ngân sách:",
                        memberReports: "Báo cáo riêng của từng thành phần nằm ở members/ID/index.html.",
                        excludedNote: "Các cơ quan không được tính ở một thành phần do thành phần khác lập kế hoạch (như phần tổng hợp các tỉnh của kịch bản quốc gia).",
                        perYear: "Chi phí theo cơ quan và năm")
        }
    }

    /// Renders and writes the consolidated report and each member's report into `directory`; returns the paths.
    @discardableResult
    public static func write(_ plan: PortfolioPlan, memberPlans: [ProcurementPlan], portfolio: Portfolio, to directory: String,
                             language: ReportLanguage) throws -> [String] {
        var written: [String] = []
        let files: [(String, String)] = [
            ("portfolio-agencies.csv", agenciesCSV(plan)), ("portfolio-members.csv", membersCSV(plan)),
            ("report.md", markdown(plan, language)), ("index.html", html(plan, language)),
        ]
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (member, memberPlan) in zip(portfolio.members, memberPlans) {
            let folder = (directory as NSString).appendingPathComponent("members/\(member.id)")
            written += try ReportBundle.write(plan: memberPlan, scenario: member.scenario, to: folder, language: language)
        }
        for (name, content) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            try AtomicFile.write(content, to: path)
            written.append(path)
        }
        return written
    }

    static func agenciesCSV(_ p: PortfolioPlan) -> String {
        ReportCSV.render(header: ["agency", "name", "members"] + p.years.map(String.init) + ["total_cost"],
                         rows: p.agencies.map { a in
                             [a.id, a.name, a.members.joined(separator: " ")] + p.years.map { ReportCSV.number(a.byYear[$0] ?? 0) }
                                 + [ReportCSV.number(a.totalCost)]
                         })
    }

    static func membersCSV(_ p: PortfolioPlan) -> String {
        ReportCSV.render(header: ["member", "origin", "file", "total_cost", "demand_growth", "demand_added_per_day", "feasible", "excluded_agencies"],
                         rows: p.members.map { m in
                             [m.id, m.origin, m.file, ReportCSV.number(m.totalCost), ReportCSV.number(m.demandGrowth),
                              ReportCSV.number(m.demandAdded), String(m.feasible),
                              (p.excluded[m.id] ?? []).joined(separator: " ")]
                         })
    }

    static func markdown(_ p: PortfolioPlan, _ l: ReportLanguage) -> String {
        let t = text(l)
        let e = ReportMarkdown.escape
        var m = "# \(e(t.title)): \(e(p.name))\n\n**\(e(t.total)):** \(e(l.money(p.totalCost, currency: p.currency))) (\(e(t.totalNote)))\n\n"
        let infeasible = p.members.filter { !$0.feasible }
        if !infeasible.isEmpty { m += "**\(e(t.infeasible))** \(e(infeasible.map(\.id).joined(separator: ", ")))\n\n" }
        m += "## \(e(t.perYear))\n\n"
        m += ReportMarkdown.table([t.agency] + p.years.map(String.init) + [t.total],
                                  p.agencies.map { a in ["\(e(a.name)) (\(e(a.id)))"] + p.years.map { l.grouped(a.byYear[$0] ?? 0) } + [l.grouped(a.totalCost)] },
                                  right: Set(1...(p.years.count + 1)))
        m += "## \(e(t.members))\n\n"
        m += ReportMarkdown.table([t.member, t.from, t.ownTotal, t.growth, t.feasible, t.leftOut],
                                  p.members.map { [e($0.id), e($0.origin), l.grouped($0.totalCost), l.percent($0.demandGrowth),
                                                   $0.feasible ? t.yes : t.no, e((p.excluded[$0.id] ?? []).joined(separator: ", "))] },
                                  right: [2, 3])
        m += "\(e(t.excludedNote)) \(e(t.memberReports))\n"
        return m
    }

    static func html(_ p: PortfolioPlan, _ l: ReportLanguage) -> String {
        let t = text(l)
        let e = ReportHTML.escape
        var h = "<!DOCTYPE html>\n<html lang=\"\(l.code)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(e(t.title)) — \(e(p.name))</title>\n<style>\n\(ReportHTML.css)\n</style>\n</head>\n<body>\n<main>\n"
        h += "<header class=\"cover\">\n<p class=\"kicker\">capsim · portfolio</p>\n<h1>\(e(t.title))</h1>\n"
        h += "<p class=\"scenario-name\">\(e(p.name))</p>\n</header>\n"
        h += "<div class=\"cards\">\n"
        h += ReportHTML.card(t.total, l.money(p.totalCost, currency: p.currency), note: "\(p.years.first ?? 0)–\(p.years.last ?? 0): \(t.totalNote)", total: true)
        h += ReportHTML.card(t.agencies, String(p.agencies.count), note: "")
        h += ReportHTML.card(t.members, String(p.members.count), note: "")
        h += "</div>\n"
        let infeasible = p.members.filter { !$0.feasible }
        if !infeasible.isEmpty {
            h += "<div class=\"alert\" role=\"alert\">\(e(t.infeasible)) \(e(infeasible.map(\.id).joined(separator: ", ")))</div>\n"
        }
        h += "<h2>\(e(t.perYear))</h2>\n<div class=\"scroll\"><table class=\"costs\"><thead><tr><th>\(e(t.agency))</th>"
        h += p.years.map { "<th class=\"num\">\($0)</th>" }.joined() + "<th class=\"num\">\(e(t.total))</th></tr></thead>\n<tbody>\n"
        for a in p.agencies {
            h += "<tr><td>\(e(a.name)) <span class=\"small\">(\(e(a.id)))</span></td>"
            h += p.years.map { "<td class=\"num\">\(e(l.grouped(a.byYear[$0] ?? 0)))</td>" }.joined()
            h += "<td class=\"num\"><b>\(e(l.grouped(a.totalCost)))</b></td></tr>\n"
        }
        h += "</tbody></table></div>\n<p class=\"note\">\(e(t.excludedNote))</p>\n"
        h += "<h2>\(e(t.members))</h2>\n<div class=\"scroll\"><table><thead><tr><th>\(e(t.member))</th><th>\(e(t.from))</th>"
        h += "<th class=\"num\">\(e(t.ownTotal))</th><th class=\"num\">\(e(t.growth))</th><th>\(e(t.feasible))</th><th>\(e(t.leftOut))</th></tr></thead>\n<tbody>\n"
        for m in p.members {
            h += "<tr><td><a href=\"members/\(e(m.id))/index.html\">\(e(m.id))</a></td><td>\(e(m.origin))</td>"
            h += "<td class=\"num\">\(e(l.grouped(m.totalCost)))</td><td class=\"num\">\(e(l.percent(m.demandGrowth)))</td>"
            h += "<td class=\"\(m.feasible ? "good" : "bad")\">\(e(m.feasible ? t.yes : t.no))</td><td>\(e((p.excluded[m.id] ?? []).joined(separator: ", ")))</td></tr>\n"
        }
        h += "</tbody></table></div>\n<p class=\"note\">\(e(t.memberReports))</p>\n"
        // Rank the generated members (the provinces) among themselves when there are any.
        let ranked = p.members.contains(where: \.generated) ? p.members.filter(\.generated) : p.members
        let byCost = ranked.sorted { ($0.totalCost, $1.id) > ($1.totalCost, $0.id) }
        h += "<figure>\n<h3>\(e(t.rankingCost))</h3>\n"
        h += ReportSVGCharts.ranking(byCost.map { ($0.id, $0.totalCost, $0.feasible) }, label: { l.shortMoney($0) }, title: t.rankingCost) + "\n</figure>\n"
        let byGrowth = ranked.sorted { ($0.demandAdded, $1.id) > ($1.demandAdded, $0.id) }
        h += "<figure>\n<h3>\(e(t.rankingGrowth))</h3>\n"
        h += ReportSVGCharts.ranking(byGrowth.map { ($0.id, $0.demandAdded, true) }, label: { "+" + l.shortMoney($0) + "/d" }, title: t.rankingGrowth)
        h += "\n<figcaption>\(e(t.rankingNote))</figcaption>\n</figure>\n"
        h += "<footer>capsim · \(e(p.name))</footer>\n</main>\n</body>\n</html>\n"
        return h
    }
}

extension ReportSVGCharts {
    /// One horizontal bar per row, largest first (as given); infeasible rows in red.
    static func ranking(_ rows: [(label: String, value: Double, ok: Bool)], label: (Double) -> String, title: String) -> String {
        let width = 680.0, labelWidth = 150.0, right = 70.0, top = 8.0, bar = 13.0, gap = 4.0
        let plotWidth = width - labelWidth - right
        var c = SVGCanvas(width: width, height: top * 2 + Double(rows.count) * (bar + gap))
        let maximum = max(rows.map(\.value).filter(\.isFinite).max() ?? 1, 1e-12)
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * (bar + gap)
            c.text(labelWidth - 6, y + bar * 0.8, truncated(r.label, 24), anchor: .end, size: 10)
            let w = max(plotWidth * max(r.value, 0) / maximum, 1)
            c.rect(labelWidth, y, w, bar, fill: r.ok ? palette[0] : limitColour, title: "\(r.label): \(label(r.value))")
            c.text(labelWidth + w + 4, y + bar * 0.8, label(r.value), size: 9.5)
        }
        return c.rendered(label: title)
    }
}
