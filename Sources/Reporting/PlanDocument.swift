import InfraModel
import Planning

/// JSON documents of `capsim size` and `capsim plan` (contract §4).
public enum PlanDocument {
    /// The results document of the required configuration, with per pool `current`/`required`,
    /// per link `current_bps`/`required_bps`, per limiter `current_per_s`/`required_per_s`, per storage
    /// `current_bytes`/`required_bytes`/`need_bytes`, and the search's simulation count.
    public static func size(_ s: SizingReport) -> JSONValue {
        let r = s.outcome.results
        let pools: [(String, JSONValue)] = r.pools.map { p in
            let line = s.line(.pool(p.id))
            let current = JSONValue.integer(Int64(line.map { Int($0.current) } ?? p.servers))
            let required = JSONValue.integer(Int64(line.map { Int($0.required) } ?? p.servers))
            return (p.id, .object([("current", current), ("required", required)] + ResultsDocument.pool(p)))
        }
        let links: [(String, JSONValue)] = r.links.map { l in
            let line = s.line(.link(l.id))
            let sizes: [(String, JSONValue)] = [("current_bps", .number(line?.current ?? l.bandwidth)),
                                                ("required_bps", .number(line?.required ?? l.bandwidth))]
            return (l.id, .object(sizes + ResultsDocument.link(l)))
        }
        let limiters: [(String, JSONValue)] = r.limiters.map { l in
            let line = s.line(.limiter(l.id))
            let sizes: [(String, JSONValue)] = [("current_per_s", .number(line?.current ?? l.rate)),
                                                ("required_per_s", .number(line?.required ?? l.rate))]
            return (l.id, .object(sizes + ResultsDocument.limiter(l)))
        }
        let storage: [(String, JSONValue)] = s.lines.filter { $0.resource.kind == .storage }.map { line in
            (line.resource.id, .object([("current_bytes", .number(line.current)), ("required_bytes", .number(line.required)),
                                        ("need_bytes", .number(line.need ?? 0))]))
        }
        return .object(ResultsDocument.header(r, year: s.year) + window(s.window) + [
            ("overrides", ResultsDocument.overrides(s.overrides)),
            ("feasible", .bool(s.outcome.feasible)),
            ("diagnosis", .array(s.outcome.diagnosis.map { diagnosis($0, year: nil) })),
            ("simulations", .integer(Int64(s.outcome.simulations))),
            ("replications_simulated", .integer(Int64(s.outcome.replications))),
            ("pools", .object(pools)), ("links", .object(links)), ("limiters", .object(limiters)), ("storage", .object(storage)),
            ("shortfalls", shortfalls(s.outcome.shortfalls)),
            ("workloads", ResultsDocument.workloads(r)),
            ("targets", ResultsDocument.targets(r.targets)),
            ("warnings", .array(r.warnings.map { .string($0) })),
        ])
    }

    public static func item(_ i: ProcurementItem) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("year", .integer(Int64(i.year))), ("kind", .string(i.kind.rawValue)), ("resource", .string(i.resource.id)),
            ("site", .string(i.site)), ("quantity", .integer(Int64(i.quantity))), ("unit_cost", .number(i.unitCost)),
            ("cost", .number(i.cost)), ("opex_per_year", .number(i.opexPerYear)),
        ]
        if i.resource.kind != .pool { members.append((i.resource.kind.capacityKey, .number(i.addedCapacity))) }
        if let t = i.toSite { members.append(("to_site", .string(t))) }
        members += [("capacity_before", .number(i.capacityBefore)), ("capacity_after", .number(i.capacityAfter)),
                    ("utilization_before", .number(i.utilizationBefore)), ("utilization_after", .number(i.utilizationAfter)),
                    ("reason", .string(ReportLanguage.en.reason(i.reason)))]
        if let c = i.reason.reserveCase {
            members.append(("reserve", .object([("servers", .integer(Int64(c.servers))), ("down", .integer(Int64(c.down))),
                                                ("utilization", .number(c.utilization))])))
        }
        if i.unpriced { members.append(("unpriced", .bool(true))) }
        return .object(members)
    }

    /// Capacity of one plan year: per kind, an object of resource id → capacity (`servers`, `bandwidth_bps`,
    /// `capacity_bytes`), and for storage the need (`need_bytes`).
    static func capacity(_ y: YearCapacity) -> [(String, JSONValue)] {
        let capacities: [(String, JSONValue)] = ResourceID.Kind.allCases.map { kind in
            (kind.capacityKey, .object(y.capacity.filter { $0.resource.kind == kind }.map { ($0.resource.id, kind.json($0.value)) }))
        }
        let needs: [(String, JSONValue)] = y.capacity.filter { $0.resource.kind == .storage }.map { c in
            (c.resource.id, .number(y.demand[c.resource] ?? 0))
        }
        return capacities + [(ResourceID.Kind.storage.demandKey, .object(needs))]
    }

    /// Storage whose need exceeds its bound: resource, need and bound in bytes.
    static func shortfalls(_ list: [CapacityShortfall]) -> JSONValue {
        .array(list.map { f in
            .object([("resource", .string(f.resource.description)), ("need", .number(f.need)), ("maximum", .number(f.maximum))])
        })
    }

    /// Energy cost per year as `{"YEAR": cost}`, in year order.
    static func energy(_ perYear: [Int: Double]) -> JSONValue {
        .object(perYear.keys.sorted().map { (String($0), .number(perYear[$0]!)) })
    }

    /// The plan document. An infeasible plan keeps `"feasible": false`, lists `infeasible_years` and the `diagnosis`
    /// of each, and says in `note` that its costs cover the feasible years only (infeasible years buy nothing).
    /// Purchases without a price are flagged `"unpriced": true` and listed in `unpriced`.
    public static func plan(_ p: ProcurementPlan) -> JSONValue {
        var status: [(String, JSONValue)] = [("feasible", .bool(p.feasible))]
        if !p.feasible {
            let feasible = p.capacity.filter(\.feasible).map(\.year)
            status += [
                ("infeasible_years", .array(p.infeasibleYears.map { .integer(Int64($0)) })),
                ("diagnosis", .array(p.capacity.flatMap { y in y.diagnosis.map { diagnosis($0, year: y.year) } })),
                ("note", .string("no feasible plan: the infeasible years buy nothing, so the costs below cover the purchases of the feasible years (\(PlanSummary.yearList(feasible))) only and are not a budget for the horizon")),
            ]
        }
        let unpriced = PlanSummary.unpricedResources(p.unpricedItems)
        if !unpriced.isEmpty { status.append(("unpriced", .array(unpriced.map { .string($0) }))) }
        return .object([
            ("scenario", .string(p.scenario)), ("currency", .string(p.currency)),
            ("seed", .integer(Int64(bitPattern: p.seed))), ("replications", .integer(Int64(p.replicationsPerRun))),
            ("duration", .number(p.duration)), ("warmup", .number(p.warmup)),
        ] + window(p.window) + [
            ("overrides", ResultsDocument.overrides(p.overrides)),
            ("years", .array(p.years.map { .integer(Int64($0)) })),
        ] + status + [
            ("simulations", .integer(Int64(p.simulations))),
            ("total_cost", .number(p.totalCost)),
            ("capex_total", .number(p.capexTotal)), ("opex_total", .number(p.opexTotal)),
            ("agencies", .object(p.agencies.map { a in
                (a.id, .object([("name", .string(a.name)), ("total_cost", .number(a.totalCost)), ("items", .array(a.items.map(item))),
                                ("energy", energy(a.energy))]))
            })),
            ("capacity", .array(p.capacity.map { y in
                let head: [(String, JSONValue)] = [("year", .integer(Int64(y.year))), ("feasible", .bool(y.feasible)),
                                                   ("simulations", .integer(Int64(y.simulations)))]
                var tail: [(String, JSONValue)] = [("targets", ResultsDocument.targets(y.results.targets)),
                                                   ("shortfalls", shortfalls(y.shortfalls))]
                if !y.feasible {
                    // What was simulated for the diagnosis: ample capacity within the bounds, not a purchase.
                    let tried: [(String, JSONValue)] = ResourceID.Kind.allCases.map { kind in
                        (kind.capacityKey, .object(y.tried.filter { $0.resource.kind == kind }.map { ($0.resource.id, kind.json($0.value)) }))
                    }
                    tail += [("diagnosis", .array(y.diagnosis.map { diagnosis($0, year: nil) })), ("tried", .object(tried))]
                }
                return JSONValue.object(head + capacity(y) + tail)
            })),
        ])
    }
}
