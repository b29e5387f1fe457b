import InfraModel
import Planning

/// Human tables for `capsim size` and `capsim plan`.
public enum PlanSummary {
    public static func size(_ s: SizingReport) -> String {
        var out = "capsim size: year \(s.year); \(s.outcome.simulations) simulations, \(s.outcome.replications) replications\n\n"
        var t = TextTable(title: "Required capacity", header: ["resource", "current", "required", "change"], rightAligned: [1, 2, 3])
        for line in s.lines {
            switch line.resource.kind {
            case .pool:
                let current = Int(line.current), required = Int(line.required)
                t.add([line.resource.description, "\(current) servers", "\(required) servers", signed(required - current)])
            case .link:
                t.add([line.resource.description, NumberFormat.bandwidth(line.current), NumberFormat.bandwidth(line.required),
                       (line.required >= line.current ? "+" : "-") + NumberFormat.bandwidth(abs(line.required - line.current))])
            case .limiter:
                t.add([line.resource.description, NumberFormat.rate(line.current), NumberFormat.rate(line.required),
                       (line.required >= line.current ? "+" : "-") + NumberFormat.rate(abs(line.required - line.current))])
            case .storage:
                let need = line.need.map { " (need \(NumberFormat.bytes($0)))" } ?? ""
                t.add([line.resource.description, NumberFormat.bytes(line.current), NumberFormat.bytes(line.required) + need,
                       "+" + NumberFormat.bytes(max(line.required - line.current, 0))])
            }
        }
        out += t.rendered() + "\n" + RunSummary.targetTable(s.outcome.results.targets).rendered()
        for f in s.outcome.shortfalls { out += shortfallText(f) + "\n" }
        if !s.outcome.feasible && s.outcome.shortfalls.isEmpty {
            out += "No configuration within the bounds (max_servers, max_bandwidth, max_rate) meets every target.\n"
        }
        return out
    }

    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }

    /// "storage:x needs 1.2 PB but max_capacity is 1 PB".
    public static func shortfallText(_ f: CapacityShortfall) -> String {
        "\(f.resource) needs \(NumberFormat.bytes(f.need)) but max_capacity is \(NumberFormat.bytes(f.maximum))"
    }

    /// Money as a grouped integer with the currency ("1,250,000,000 VND").
    public static func money(_ x: Double, _ currency: String) -> String {
        ReportLanguage.en.money(x, currency: currency)
    }

    public static func plan(_ p: ProcurementPlan) -> String {
        var out = "capsim plan: \(p.scenario), years \(p.years.first ?? 0)–\(p.years.last ?? 0); "
        out += "\(p.simulations) simulations (\(p.replications) replications)\n\n"
        for a in p.agencies {
            var t = TextTable(title: "\(a.name) (\(a.id)): total \(money(a.totalCost, p.currency)) over the horizon",
                              header: ["year", "what", "where", "quantity", "unit cost", "cost", "opex/year", "why"],
                              rightAligned: [0, 3, 4, 5, 6])
            for i in a.items {
                let what = "\(i.kind.rawValue) \(i.resource.id)"
                let quantity: String
                switch i.kind {
                case .servers: quantity = "\(i.quantity)"
                case .bandwidth: quantity = "\(i.quantity) × step (\(NumberFormat.bandwidth(i.bandwidthBps ?? 0)))"
                case .rate: quantity = "\(i.quantity) × step (\(NumberFormat.rate(i.ratePerSecond ?? 0)))"
                case .storage: quantity = "\(i.quantity) × step (\(NumberFormat.bytes(i.capacityBytes ?? 0)))"
                }
                let change = i.kind == .storage ? "fill" : "utilisation"
                let whereText = i.toSite.map { "\(i.site)–\($0)" } ?? i.site
                t.add(["\(i.year)", what, whereText, quantity, NumberFormat.grouped(Int64(i.unitCost.rounded())),
                       NumberFormat.grouped(Int64(i.cost.rounded())), NumberFormat.grouped(Int64(i.opexPerYear.rounded())),
                       ReportLanguage.en.reason(i.reason) + " (\(change) \(NumberFormat.percent(i.utilizationBefore)) → \(NumberFormat.percent(i.utilizationAfter)))"])
            }
            if a.items.isEmpty { out += "\(a.name) (\(a.id)): total \(money(a.totalCost, p.currency)) over the horizon; nothing to buy\n" } else { out += t.rendered() }
            if !a.energy.isEmpty {
                let years = a.energy.keys.sorted()
                out += "energy: " + years.map { "\($0) \(NumberFormat.grouped(Int64(a.energy[$0]!.rounded())))" }.joined(separator: ", ")
                out += " (total \(money(a.energyTotal, p.currency)); not a purchase)\n"
            }
            out += "\n"
        }
        if p.agencies.allSatisfy({ $0.items.isEmpty }) { out += "Nothing to buy: the installed capacity meets every target in every year.\n\n" }
        let energyNote = p.energy.isEmpty ? "" : ", plus the energy of installed servers (servers × W × PUE × 8,760 h × price per kWh)"
        var y = TextTable(title: "Cost per year (\(p.currency)): purchases and leases of that year plus upkeep of earlier purchases\(energyNote)",
                          header: ["agency"] + p.years.map(String.init) + ["total"], rightAligned: Set(1...(p.years.count + 1)))
        for a in p.agencies {
            let perYear = p.years.map { year in yearCost(a, year: year) }
            y.add([a.id] + perYear.map { NumberFormat.grouped(Int64($0.rounded())) } + [NumberFormat.grouped(Int64(a.totalCost.rounded()))])
        }
        let totals = p.years.map { year in p.agencies.reduce(0) { $0 + yearCost($1, year: year) } }
        y.add(["all"] + totals.map { NumberFormat.grouped(Int64($0.rounded())) } + [NumberFormat.grouped(Int64(p.totalCost.rounded()))])
        out += y.rendered()
        out += "\nTotal: \(money(p.totalCost, p.currency)).\n"
        for c in p.capacity where !c.feasible {
            out += "\(c.year): no configuration within the bounds meets every target; unmet: "
            let unmet = c.results.targets.filter { !$0.met }.map { "\($0.target.subject.label) \($0.target.metric.rawValue)" }
                + c.shortfalls.map(shortfallText)
            out += unmet.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// What an agency pays in `year`: that year's purchases, the opex of earlier items and the year's energy.
    public static func yearCost(_ a: AgencyPlan, year: Int) -> Double { a.cost(inYear: year) }

    /// What an agency pays in `year`: that year's purchases plus the opex of earlier items.
    public static func yearCost(_ items: [ProcurementItem], year: Int) -> Double { AgencyPlan.cost(of: items, inYear: year) }
}
