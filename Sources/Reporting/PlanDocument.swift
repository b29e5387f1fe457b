import InfraModel
import Planning

/// JSON documents of `capsim size` and `capsim plan` (contract §4).
public enum PlanDocument {
    /// The results document of the required configuration, with per pool `current`/`required`,
    /// per link `current_bps`/`required_bps`, and the search's simulation count.
    public static func size(_ s: SizingReport) -> JSONValue {
        let r = s.outcome.results
        let pools: [(String, JSONValue)] = r.pools.map { p in
            let line = s.pools.first { $0.id == p.id }
            return (p.id, .object([("current", .integer(Int64(line?.current ?? p.servers))),
                                   ("required", .integer(Int64(line?.required ?? p.servers)))] + ResultsDocument.pool(p)))
        }
        let links: [(String, JSONValue)] = r.links.map { l in
            let line = s.links.first { $0.id == l.id }
            return (l.id, .object([("current_bps", .number(line?.currentBps ?? l.bandwidth)),
                                   ("required_bps", .number(line?.requiredBps ?? l.bandwidth))] + ResultsDocument.link(l)))
        }
        return .object(ResultsDocument.header(r, year: s.year) + [
            ("feasible", .bool(s.outcome.feasible)),
            ("simulations", .integer(Int64(s.outcome.simulations))),
            ("replications_simulated", .integer(Int64(s.outcome.replications))),
            ("pools", .object(pools)), ("links", .object(links)),
            ("workloads", ResultsDocument.workloads(r)),
            ("targets", ResultsDocument.targets(r.targets)),
            ("warnings", .array(r.warnings.map { .string($0) })),
        ])
    }

    public static func item(_ i: ProcurementItem) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("year", .integer(Int64(i.year))), ("kind", .string(i.kind.rawValue)), ("resource", .string(i.resource)),
            ("site", .string(i.site)), ("quantity", .integer(Int64(i.quantity))), ("unit_cost", .number(i.unitCost)),
            ("cost", .number(i.cost)), ("opex_per_year", .number(i.opexPerYear)),
        ]
        if let b = i.bandwidthBps { members.append(("bandwidth_bps", .number(b))) }
        if let t = i.toSite { members.append(("to_site", .string(t))) }
        members += [("capacity_before", .number(i.capacityBefore)), ("capacity_after", .number(i.capacityAfter)),
                    ("utilization_before", .number(i.utilizationBefore)), ("utilization_after", .number(i.utilizationAfter)),
                    ("reason", .string(i.reason))]
        return .object(members)
    }

    public static func plan(_ p: ProcurementPlan) -> JSONValue {
        .object([
            ("scenario", .string(p.scenario)), ("currency", .string(p.currency)),
            ("seed", .integer(Int64(bitPattern: p.seed))), ("replications", .integer(Int64(p.replicationsPerRun))),
            ("duration", .number(p.duration)), ("warmup", .number(p.warmup)),
            ("years", .array(p.years.map { .integer(Int64($0)) })),
            ("feasible", .bool(p.feasible)),
            ("simulations", .integer(Int64(p.simulations))),
            ("total_cost", .number(p.totalCost)),
            ("agencies", .object(p.agencies.map { a in
                (a.id, .object([("name", .string(a.name)), ("total_cost", .number(a.totalCost)), ("items", .array(a.items.map(item)))]))
            })),
            ("capacity", .array(p.capacity.map { y in
                .object([("year", .integer(Int64(y.year))), ("feasible", .bool(y.feasible)),
                         ("simulations", .integer(Int64(y.simulations))),
                         ("servers", .object(y.servers.map { ($0.0, .integer(Int64($0.1))) })),
                         ("bandwidth_bps", .object(y.bandwidth.map { ($0.0, .number($0.1)) })),
                         ("targets", ResultsDocument.targets(y.results.targets))])
            })),
        ])
    }
}
