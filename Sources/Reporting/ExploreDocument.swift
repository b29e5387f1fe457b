import InfraModel
import Planning
import Scenario

/// The JSON document of `capsim explore` (contract §8): the study's settings, every sample run, the summary,
/// the robust plan, the sensitivity rows and the noise check. Money in the scenario's currency.
public enum ExploreDocument {
    public static func json(_ study: ExploreStudy, _ a: ExploreAnalysis) -> JSONValue {
        let s = study.spec
        let resourceKeys = a.resources.map(\.description)
        func years(_ values: [Double]) -> JSONValue {
            .object(zip(a.years, values).map { (String($0), .number($1)) })
        }
        func percentiles(_ p: ExploreAnalysis.Percentiles) -> JSONValue {
            func interval(_ r: ClosedRange<Double>?) -> JSONValue { r.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null }
            return .object([("count", .integer(Int64(p.count))), ("mean", .number(p.mean)), ("p10", .number(p.p10)),
                            ("p50", .number(p.p50)), ("p90", .number(p.p90)), ("p10_ci95", interval(p.p10Interval)),
                            ("p50_ci95", interval(p.p50Interval)), ("p90_ci95", interval(p.p90Interval))])
        }
        let inputs: [JSONValue] = s.inputs.map { i in
            .object([("path", .string(i.path.description)), ("name", .string(i.name)), ("effect", .string(i.effect.rawValue)), ("unit", .string(i.kind.unit.rawValue)),
                     ("base", .number(i.base)),
                     ("distribution", distribution(i.distribution)),
                     ("values", .object(i.baseValues.map { ($0.path.description, .number($0.value)) }))])
        }
        let runs: [JSONValue] = a.samples.map { r in
            var m: [(String, JSONValue)] = []
            if case .sample(let i) = r.role { m.append(("sample", .integer(Int64(i)))) }
            m += [("inputs", .object(zip(s.inputs, r.inputs).map { ($0.name, .number($1)) })),
                  ("feasible", .bool(r.feasible)),
                  ("infeasible_from", r.infeasibleFrom.map { .integer(Int64($0)) } ?? .null),
                  ("total_cost", .number(r.totalCost)),
                  ("agencies", .object(zip(a.agencyIDs, r.agencies).map { ($0, .number($1)) })),
                  ("year_costs", years(r.yearCosts)),
                  ("capacity", .object(zip(resourceKeys, r.capacity).map { ($0, .array($1.map { .number($0) })) }))]
            return .object(m)
        }
        let summary: JSONValue = .object([
            ("total_cost", percentiles(a.total)),
            ("agencies", .object(zip(a.agencyIDs, a.agencies).map { ($0, percentiles($1)) })),
            ("fan", .object(zip(a.years, a.fan).map { (String($0), percentiles($1)) })),
            ("feasible_fraction", .number(a.feasibleFraction)),
            ("purchase_probability", .object(zip(resourceKeys, a.purchaseProbability).map { ($0, years($1)) })),
        ])
        let robust: JSONValue = .object([
            ("quantile", .number(a.robust.quantile)), ("feasible", .bool(a.robust.feasible)),
            ("joint_adequacy", .number(a.robust.jointAdequacy)), ("total_cost", .number(a.robust.totalCost)),
            ("agencies", .object(a.robust.agencies.map { ag in
                (ag.id, .object([("name", .string(ag.name)), ("total_cost", .number(ag.totalCost)),
                                 ("items", .array(ag.items.map(PlanDocument.item)))]))
            })),
            ("capacity", .object(a.robust.capacity.map { ($0.resource.description, .array($0.values.map { .number($0) })) })),
        ])
        let sensitivity: JSONValue = .array(a.sensitivity.map { row in
            .object([("path", .string(row.path)), ("name", .string(s.inputs[row.input].name)), ("low", .number(row.low)), ("high", .number(row.high)),
                     ("total_cost_low", .number(row.totalCostLow)), ("total_cost_high", .number(row.totalCostHigh)),
                     ("swing", row.swing.map { .number($0) } ?? .null), ("spearman", row.spearman.map { .number($0) } ?? .null),
                     ("feasible_low", .bool(row.lowFeasible)), ("feasible_high", .bool(row.highFeasible))])
        })
        var members: [(String, JSONValue)] = [
            ("scenario", .string(study.scenario.name)), ("seed", .integer(Int64(bitPattern: study.designSeed))),
            ("simulation_seed", .integer(Int64(bitPattern: RunStudy.configuration(study.scenario, study.simulation).seed))),
            ("method", .string(s.method.rawValue)), ("samples", .integer(Int64(s.samples))), ("quantile", .number(s.quantile)),
            ("currency", .string(study.scenario.currency)),
            ("overrides", ResultsDocument.overrides(study.scenario.overrides)),
            ("years", .array(a.years.map { .integer(Int64($0)) })),
            ("inputs", .array(inputs)), ("runs", .array(runs)), ("summary", summary), ("robust_plan", robust),
            ("sensitivity", sensitivity),
        ]
        if let b = a.base {
            members.append(("base", .object([("feasible", .bool(b.feasible)), ("total_cost", .number(b.totalCost)),
                                             ("year_costs", years(b.yearCosts))])))
        }
        if let n = a.noise {
            members.append(("noise", .object([("runs", .integer(Int64(n.runs))), ("sd", .number(n.sd)), ("share", .number(n.share))])))
        }
        return .object(members)
    }

    static func distribution(_ d: InputDistribution) -> JSONValue {
        switch d {
        case .uniform(let a, let b): return .object([("dist", .string("uniform")), ("min", .number(a)), ("max", .number(b))])
        case .triangular(let a, let m, let b):
            return .object([("dist", .string("triangular")), ("min", .number(a)), ("mode", .number(m)), ("max", .number(b))])
        case .normal(let m, let sd, let lo, let hi):
            return .object([("dist", .string("normal")), ("mean", .number(m)), ("sd", .number(sd)),
                            ("lower", .number(lo)), ("upper", .number(hi))])
        case .lognormal(let m, let cv): return .object([("dist", .string("lognormal")), ("mean", .number(m)), ("cv", .number(cv))])
        case .discrete(let v, let p):
            return .object([("dist", .string("discrete")), ("values", .array(v.map { .number($0) })), ("p", .array(p.map { .number($0) }))])
        }
    }
}
