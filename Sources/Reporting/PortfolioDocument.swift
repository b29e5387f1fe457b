import Planning
import Scenario

/// The JSON document of `capsim portfolio plan` (contract §11) and its human summary. Money in the currency.
public enum PortfolioDocument {
    public static func json(_ p: PortfolioPlan) -> JSONValue {
        func years(_ byYear: [Int: Double]) -> JSONValue {
            .object(p.years.compactMap { y in byYear[y].map { (String(y), .number($0)) } })
        }
        let members: [JSONValue] = p.members.map { m in
            var fields: [(String, JSONValue)] = [("id", .string(m.id)), ("file", .string(m.file)), ("origin", .string(m.origin)),
                                                 ("total_cost", .number(m.totalCost)), ("feasible", .bool(m.feasible)),
                                                 ("demand_growth", .number(m.demandGrowth)),
                                                 ("demand_added_per_day", .number(m.demandAdded))]
            if let ex = p.excluded[m.id], !ex.isEmpty { fields.append(("excluded_agencies", .array(ex.map { .string($0) }))) }
            return .object(fields)
        }
        return .object([
            ("portfolio", .string(p.name)), ("currency", .string(p.currency)),
            ("years", .array(p.years.map { .integer(Int64($0)) })),
            ("feasible", .bool(p.feasible)),
            ("members", .array(members)),
            ("agencies", .object(p.agencies.map { a in
                (a.id, .object([("name", .string(a.name)), ("total_cost", .number(a.totalCost)), ("by_year", years(a.byYear)),
                                ("members", .array(a.members.map { .string($0) }))]))
            })),
            ("total_cost", .number(p.totalCost)),
        ])
    }

    /// Per-agency and per-member tables.
    public static func summary(_ p: PortfolioPlan) -> String {
        let L = ReportLanguage.en
        func money(_ x: Double) -> String { L.grouped(x) }
        var out = "capsim portfolio plan: \(p.name), \(p.members.count) members, years \(p.years.first ?? 0)–\(p.years.last ?? 0)\n\n"
        let infeasible = p.members.filter { !$0.feasible }
        if !infeasible.isEmpty {
            out += "NO FEASIBLE PLAN for \(infeasible.count) member(s): \(infeasible.map(\.id).joined(separator: ", ")); "
            out += "their costs below stop where the search hit its bounds and are not a budget (see each member's plan).\n\n"
        }
        var agencies = TextTable(title: "Cost per agency and year (\(p.currency)), consolidated over the members",
                                 header: ["agency", "members"] + p.years.map(String.init) + ["total"],
                                 rightAligned: Set(1...(p.years.count + 2)))
        for a in p.agencies {
            agencies.add(["\(a.name) (\(a.id))", String(a.members.count)] + p.years.map { money(a.byYear[$0] ?? 0) } + [money(a.totalCost)])
        }
        let totals = p.years.map { y in p.agencies.reduce(0) { $0 + ($1.byYear[y] ?? 0) } }
        agencies.add(["all", String(p.members.count)] + totals.map(money) + [money(p.totalCost)])
        out += agencies.rendered() + "\n"
        var members = TextTable(title: "Members", header: ["member", "from", "own total", "demand growth", "feasible", "left out"],
                                rightAligned: [2, 3])
        for m in p.members {
            members.add([m.id, m.origin, money(m.totalCost), L.percent(m.demandGrowth), m.feasible ? "yes" : "NO",
                         (p.excluded[m.id] ?? []).joined(separator: ", ")])
        }
        out += members.rendered()
        out += "\nTotal: \(L.money(p.totalCost, currency: p.currency))"
        out += p.feasible ? ".\n" : " (not a budget: some members have no feasible plan).\n"
        if p.excluded.values.contains(where: { !$0.isEmpty }) {
            out += "Agencies left out are planned by other members (e.g. the national scenario's aggregate of the provinces); "
            out += "the member's own total includes them, the consolidated totals do not.\n"
        }
        return out
    }
}
