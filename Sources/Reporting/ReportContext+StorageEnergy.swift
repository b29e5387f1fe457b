import Foundation
import InfraModel
import Planning
import Scenario

/// Rows that the HTML and Markdown reports share for storage needs and energy.
extension ReportContext {
    /// True when the plan counts energy for some site.
    var hasEnergy: Bool { !plan.energy.isEmpty }

    /// Energy over the horizon, all agencies.
    var energyTotal: Double { plan.agencies.reduce(0) { $0 + $1.energyTotal } }

    /// Agencies with energy, with their cost in each plan year.
    var energyRows: [(id: String, name: String, perYear: [Double], total: Double)] {
        plan.agencies.filter { !$0.energy.isEmpty }.map { a in
            (a.id, a.name, plan.years.map { a.energy[$0] ?? 0 }, a.energyTotal)
        }
    }

    /// Energy of all agencies in each plan year.
    var energyYearTotals: [Double] {
        plan.years.map { y in plan.agencies.reduce(0) { $0 + ($1.energy[y] ?? 0) } }
    }

    /// Energy lines of the last plan year (one per pool with a facilities entry).
    var finalEnergyLines: [EnergyLine] { plan.energy.filter { $0.year == lastYear } }

    /// One row of the last year's energy per pool: pool, site, servers, W, PUE, price, MWh, cost.
    func energyDetailRow(_ l: EnergyLine) -> [String] {
        [l.pool, l.site, String(l.servers), language.decimal(NumberFormat.fixed(l.watts, 0)) + " W",
         language.decimal(String(format: "%.2f", l.pue)), amount(l.electricity),
         language.decimal(NumberFormat.fixed(l.kWh / 1000, 1)), amount(l.cost)]
    }

    /// A count of items as "105M" / "105 triệu".
    func countText(_ x: Double) -> String {
        let units: [(Double, String)] = language == .vi
            ? [(1e9, " tỷ"), (1e6, " triệu"), (1e3, " nghìn")]
            : [(1e9, "B"), (1e6, "M"), (1e3, "k")]
        for (scale, name) in units where x >= scale { return language.decimal(trimmed(NumberFormat.significant(x / scale))) + name }
        return language.decimal(trimmed(NumberFormat.significant(x)))
    }

    private func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// A retention period in years ("2 years", "0.5 years") or, below a year, days.
    func retentionText(_ seconds: Double) -> String {
        let years = seconds / Scenario.secondsPerYear
        if years >= 1 || abs(years * 365 - (years * 365).rounded()) > 1e-9 {
            let n = language.decimal(trimmed(NumberFormat.significant(years)))
            return language == .vi ? "\(n) năm" : "\(n) year\(years == 1 ? "" : "s")"
        }
        let days = Int((years * 365).rounded())
        return language == .vi ? "\(days) ngày" : "\(days) day\(days == 1 ? "" : "s")"
    }

    /// How an item's volume is counted, in words.
    func dataItemText(_ d: StorageData) -> String {
        switch d.volume {
        case .count(let count, let growth):
            return text.countItem(countText(count), language.bytes(d.size), language.percent(growth))
        case .perRequest(let workloads, let retention):
            return text.perRequestItem(workloads.joined(separator: ", "), language.bytes(d.size), retentionText(retention))
        }
    }

    /// The storage-need table of one storage resource: per data item its volume in each year, the data total, the
    /// need and the installed capacity. Each row: label, detail, values per year; `bold` marks the need row.
    func storageNeedRows(_ s: StorageSpec) -> [(label: String, detail: String?, values: [String], bold: Bool)] {
        let years = plan.years
        var rows: [(String, String?, [String], Bool)] = s.data.map { d in
            (d.name, dataItemText(d), years.map { language.bytes(scenario.volume(of: d, year: $0)) }, false)
        }
        rows.append((text.dataTotal, nil, years.map { language.bytes(scenario.storedData(s, year: $0)) }, false))
        let copies = language.decimal(trimmed(NumberFormat.significant(s.copies)))
        rows.append((text.needRow(copies, language.percent(s.headroom)), nil,
                     years.map { language.bytes(scenario.storageNeed(s, year: $0)) }, true))
        rows.append((text.installed, nil, capacityRow(.storage(s.id)).map(\.0), false))
        return rows
    }
}
