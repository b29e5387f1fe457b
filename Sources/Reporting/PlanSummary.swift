import InfraModel
import Planning

/// Human tables for `capsim size` and `capsim plan`.
///
/// An infeasible result leads with its diagnosis (which target cannot be met and why) and shows no purchase list or
/// total as if it were a plan: `size` labels its table as the capacity tried, `plan` shows only the purchases of the
/// feasible years, without a total.
public enum PlanSummary {
    public static func size(_ s: SizingReport) -> String {
        var out = "capsim size: year \(s.year); \(s.outcome.simulations) simulations, \(s.outcome.replications) replications\n"
        if let w = s.window { out += "window: \(ReportLanguage.en.window(w))\n" }
        out += "\n"
        let feasible = s.outcome.feasible
        if !feasible {
            out += "NO FEASIBLE CONFIGURATION: no configuration within the bounds (max_servers, max_bandwidth, max_capacity) meets every target in \(s.year).\n"
            out += diagnosisLines(s.outcome.diagnosis)
            out += "\n"
        }
        let title = feasible ? "Required capacity" : "Capacity tried for the diagnosis (not a requirement: it does not meet the targets)"
        let column = feasible ? "required" : "tried"
        var t = TextTable(title: title, header: ["resource", "current", column, "change"], rightAligned: [1, 2, 3])
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
        if !feasible && s.outcome.diagnosis.isEmpty {
            for f in s.outcome.shortfalls { out += shortfallText(f) + "\n" }
            out += "No configuration within the bounds (max_servers, max_bandwidth, max_rate) meets every target.\n"
        }
        out += settledNote(s.outcome.results, base: s.window?.replications, year: s.year)
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

    /// One line per cause, "  - ...".
    static func diagnosisLines(_ diagnosis: [Infeasibility]) -> String {
        diagnosis.map { "  - " + ReportLanguage.en.diagnosis($0) + ".\n" }.joined()
    }

    /// When the configuration was settled with more replications than the scenario's, say so: `run` with the
    /// scenario's replications may then report a target as not met that `size` and `plan` found met.
    static func settledNote(_ r: RunResults, base: Int?, year: Int) -> String {
        guard let base, r.replications > base else { return "" }
        return "\(year): the capacity chosen was confirmed with \(r.replications) replications (with the scenario's \(base), a 95% bound "
            + "stayed above its limit while the estimate was within it).\n"
    }

    public static func plan(_ p: ProcurementPlan) -> String {
        var out = "capsim plan: \(p.scenario), years \(p.years.first ?? 0)–\(p.years.last ?? 0); "
        out += "\(p.simulations) simulations (\(p.replications) replications)\n"
        if let w = p.window { out += "window: \(ReportLanguage.en.window(w))\n" }
        out += "\n"
        let infeasible = p.capacity.filter { !$0.feasible }
        let feasibleYears = p.capacity.filter(\.feasible).map(\.year)
        if !infeasible.isEmpty {
            out += "NO FEASIBLE PLAN: \(infeasible.map { String($0.year) }.joined(separator: ", ")) cannot meet every target within the bounds; they buy nothing.\n"
            for g in DiagnosisGroup.groups(p.capacity) { out += "  " + g.text(.en) + ".\n" }
            if p.agencies.contains(where: { !$0.items.isEmpty }) {
                out += "The purchases below are those of the feasible years (\(yearList(feasibleYears))) only: not a plan or a budget for the horizon.\n"
            }
            out += "\n"
        }
        for a in p.agencies {
            let title = infeasible.isEmpty ? "\(a.name) (\(a.id)): total \(money(a.totalCost, p.currency)) over the horizon"
                                           : "\(a.name) (\(a.id)): purchases in the feasible years"
            var t = TextTable(title: title, header: ["year", "what", "where", "quantity", "unit cost", "cost", "opex/year", "why"],
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
                let whereText = i.toSite.map { "\(i.site)–\($0)" } ?? i.site
                let price: (Double) -> String = { i.unpriced ? "no price" : NumberFormat.grouped(Int64($0.rounded())) }
                t.add(["\(i.year)", what, whereText, quantity, price(i.unitCost), price(i.cost), price(i.opexPerYear),
                       ReportLanguage.en.reason(i.reason) + " (\(utilisationChange(i)))"])
            }
            if a.items.isEmpty {
                out += infeasible.isEmpty ? "\(a.name) (\(a.id)): total \(money(a.totalCost, p.currency)) over the horizon; nothing to buy\n"
                                          : "\(a.name) (\(a.id)): nothing to buy in the feasible years\n"
            } else {
                out += t.rendered()
            }
            if !a.energy.isEmpty && infeasible.isEmpty {
                let years = a.energy.keys.sorted()
                out += "energy: " + years.map { "\($0) \(NumberFormat.grouped(Int64(a.energy[$0]!.rounded())))" }.joined(separator: ", ")
                out += " (total \(money(a.energyTotal, p.currency)); not a purchase)\n"
            }
            out += "\n"
        }
        out += unpricedLines(p)
        if infeasible.isEmpty && p.agencies.allSatisfy({ $0.items.isEmpty }) {
            out += "Nothing to buy: the installed capacity meets every target in every year (sized with every n+k reserve out of service; "
                + "estimates whose 95% bound was unclear were simulated again with up to 4 × the replications).\n\n"
        }
        for y in p.capacity where y.feasible { out += settledNote(y.results, base: p.window?.replications, year: y.year) }
        guard infeasible.isEmpty else {
            out += "No total: the plan is infeasible (see the diagnosis above). Relax the targets or raise the bounds named there and plan again.\n"
            return out
        }
        out += costTable(p)
        out += "\nTotal: \(money(p.totalCost, p.currency))\(unpricedSuffix(p)): investment \(money(p.capexTotal, p.currency)), running costs \(money(p.opexTotal, p.currency)).\n"
        return out
    }

    /// "utilisation 34% → 22%" (storage: fill).
    static func utilisationChange(_ i: ProcurementItem) -> String {
        let change = i.kind == .storage ? "fill" : "utilisation"
        return "\(change) \(NumberFormat.percent(i.utilizationBefore)) → \(NumberFormat.percent(i.utilizationAfter))"
    }

    /// The yearly cost table per agency, with the investment / running-cost split of all agencies.
    static func costTable(_ p: ProcurementPlan) -> String {
        let energyNote = p.energy.isEmpty ? "" : ", plus the energy of installed servers (servers × W × PUE × 8,760 h × price per kWh)"
        var y = TextTable(title: "Cost per year (\(p.currency)): purchases and leases of that year plus upkeep of earlier purchases\(energyNote)",
                          header: ["agency"] + p.years.map(String.init) + ["total"], rightAligned: Set(1...(p.years.count + 1)))
        func row(_ name: String, _ values: [Double], _ total: Double) {
            y.add([name] + values.map { NumberFormat.grouped(Int64($0.rounded())) } + [NumberFormat.grouped(Int64(total.rounded()))])
        }
        for a in p.agencies { row(a.id, p.years.map { yearCost(a, year: $0) }, a.totalCost) }
        row("all", p.years.map { p.cost(inYear: $0) }, p.totalCost)
        row("  investment", p.years.map { p.capex(inYear: $0) }, p.capexTotal)
        row("  running", p.years.map { p.opex(inYear: $0) }, p.opexTotal)
        return y.rendered() + "investment = servers and storage bought that year; running = upkeep, leases and rents (bandwidth; units "
            + "whose cost equals their opex_per_year, such as rented VMs) and energy.\n"
    }

    /// ", excluding the price of 3 servers of pool x (no unit:)" when some purchases have no price.
    static func unpricedSuffix(_ p: ProcurementPlan) -> String {
        let items = p.unpricedItems
        guard !items.isEmpty else { return "" }
        return ", EXCLUDING the unpriced purchases of " + unpricedResources(items).joined(separator: ", ")
    }

    /// "pool x (3 servers)" per resource with unpriced purchases.
    static func unpricedResources(_ items: [ProcurementItem]) -> [String] {
        var order: [ResourceID] = []
        var quantity: [ResourceID: Int] = [:]
        for i in items {
            if quantity[i.resource] == nil { order.append(i.resource) }
            quantity[i.resource, default: 0] += i.quantity
        }
        return order.map { r in
            let n = quantity[r] ?? 0
            return "\(r) (\(n) \(r.kind == .pool ? (n == 1 ? "server" : "servers") : "steps"))"
        }
    }

    /// A warning per resource bought without a price.
    static func unpricedLines(_ p: ProcurementPlan) -> String {
        let items = p.unpricedItems
        guard !items.isEmpty else { return "" }
        return "warning: no price for " + unpricedResources(items).joined(separator: ", ")
            + ": the scenario gives no unit: (cost, opex_per_year), so these purchases count as 0 in every total; add a unit: to price them.\n\n"
    }

    /// "2025–2029" for consecutive years, else "2025, 2027".
    static func yearList(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "none" }
        if years.count > 1, last - first == years.count - 1 { return "\(first)–\(last)" }
        return years.map(String.init).joined(separator: ", ")
    }

    /// What an agency pays in `year`: that year's purchases, the opex of earlier items and the year's energy.
    public static func yearCost(_ a: AgencyPlan, year: Int) -> Double { a.cost(inYear: year) }

    /// What an agency pays in `year`: that year's purchases plus the opex of earlier items.
    public static func yearCost(_ items: [ProcurementItem], year: Int) -> Double { AgencyPlan.cost(of: items, inYear: year) }
}
