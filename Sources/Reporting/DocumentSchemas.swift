/// JSON Schemas (draft 2020-12) of the documents capsim writes: results (`run`), size, plan, explore, portfolio,
/// compare. They name every key of the contract with its type; documents may carry more keys than listed.
public enum DocumentSchemas {
    typealias S = JSONSchemaBuilder

    /// The documents `capsim schema` knows, by name.
    public static let names = ["scenario", "results", "size", "plan", "explore", "portfolio", "compare"]

    /// The schema called `name`, or nil.
    public static func schema(_ name: String) -> JSONValue? {
        switch name {
        case "scenario": return ScenarioSchema.document()
        case "results": return S.document(id: "urn:capsim:schema:results", title: "capsim results document (run --json)",
                                          root: results(), defs: common())
        case "size": return S.document(id: "urn:capsim:schema:size", title: "capsim size document (size --json)", root: size(), defs: common())
        case "plan": return S.document(id: "urn:capsim:schema:plan", title: "capsim plan document (plan --json)", root: plan(), defs: common())
        case "explore": return S.document(id: "urn:capsim:schema:explore", title: "capsim explore document (explore --json, merge)",
                                          root: explore(), defs: common())
        case "portfolio": return S.document(id: "urn:capsim:schema:portfolio", title: "capsim portfolio plan document",
                                            root: portfolio(), defs: common())
        case "compare": return S.document(id: "urn:capsim:schema:compare", title: "capsim compare document", root: compare(), defs: [])
        default: return nil
        }
    }

    static let num = S.number()
    static let nullableNumber = S.anyOf([S.number(), .object([("type", .string("null"))])])

    static func common() -> [(String, JSONValue)] {
        [
            ("stat", S.object([("mean", nullableNumber), ("ci95", nullableNumber)], required: ["mean", "ci95"],
                              description: "A mean over replications with the half-width of its 95% confidence interval.", open: true)),
            ("latency", S.object([("mean", nullableNumber), ("ci95", nullableNumber), ("p50", nullableNumber), ("p95", nullableNumber),
                                  ("p99", nullableNumber)], required: ["mean", "ci95", "p50", "p95", "p99"],
                                 description: "Seconds: mean with its 95% half-width, and pooled percentiles.", open: true)),
            ("target", S.object([("subject", S.string()), ("metric", S.string()), ("limit", num), ("value", nullableNumber),
                                 ("met", S.boolean())], required: ["subject", "metric", "limit", "value", "met"], open: true)),
            ("overrides", S.map(S.string(), description: "The --set overrides, PATH: VALUE, in the order applied.")),
            ("item", S.object([("year", S.number(integer: true)), ("kind", S.choice(["servers", "bandwidth", "rate", "storage"])),
                               ("resource", S.string()), ("site", S.string()), ("quantity", S.number(minimum: 0, integer: true)),
                               ("unit_cost", num), ("cost", num), ("opex_per_year", num)],
                              required: ["year", "kind", "resource", "site", "quantity", "unit_cost", "cost", "opex_per_year"], open: true)),
            ("percentiles", S.object([("mean", nullableNumber), ("p10", nullableNumber), ("p50", nullableNumber), ("p90", nullableNumber)],
                                     required: ["mean", "p10", "p50", "p90"], open: true)),
        ]
    }

    static func header() -> [(String, JSONValue)] {
        [("scenario", S.string()), ("seed", S.number(minimum: 0, integer: true)), ("replications", S.number(minimum: 1, integer: true)),
         ("duration", num), ("warmup", num), ("year", S.number(integer: true)), ("events", S.number(minimum: 0, integer: true)),
         ("start", num), ("window_changed_by", S.array(S.string())), ("overrides", S.ref("overrides"))]
    }

    static let headerKeys = ["scenario", "seed", "replications", "duration", "warmup", "year", "events"]

    static func pools() -> JSONValue {
        S.map(S.object([("servers", S.number(integer: true)), ("utilization", S.ref("stat")), ("throughput", S.ref("stat")),
                        ("queue_length", S.ref("stat")), ("wait", S.ref("latency")), ("response", S.ref("latency")),
                        ("blocked_fraction", S.ref("stat")), ("abandoned_fraction", S.ref("stat")), ("availability", S.ref("stat"))],
                       required: ["servers", "utilization", "throughput", "queue_length", "wait", "response", "blocked_fraction",
                                  "abandoned_fraction", "availability"], open: true))
    }

    static func links() -> JSONValue {
        let direction = S.object([("utilization", S.ref("stat")), ("throughput_bps", S.ref("stat")), ("delay", S.ref("latency"))],
                                 required: ["utilization", "throughput_bps", "delay"], open: true)
        return S.map(S.object([("forward", direction), ("reverse", direction)], required: ["forward", "reverse"], open: true))
    }

    static func workloads() -> JSONValue {
        S.map(S.object([("arrived", num), ("completed", num), ("response", S.ref("latency")), ("lost_fraction", S.ref("stat"))],
                       required: ["arrived", "completed", "response", "lost_fraction"], open: true))
    }

    static func results() -> JSONValue {
        S.object(header() + [("pools", pools()), ("links", links()), ("limiters", S.map(.object([]))), ("workloads", workloads()),
                             ("targets", S.array(S.ref("target"))), ("warnings", S.array(S.string()))],
                 required: headerKeys + ["pools", "links", "workloads", "targets"], open: true)
    }

    static func size() -> JSONValue {
        S.object(header() + [("feasible", S.boolean()), ("simulations", S.number(minimum: 0, integer: true)), ("pools", pools()),
                             ("links", links()), ("workloads", workloads()), ("targets", S.array(S.ref("target")))],
                 required: headerKeys + ["feasible", "pools", "links", "workloads", "targets"], open: true)
    }

    static func plan() -> JSONValue {
        let agency = S.object([("name", S.string()), ("total_cost", num), ("items", S.array(S.ref("item"))),
                               ("energy", S.map(num))], required: ["total_cost", "items"], open: true)
        let diagnosis = S.object([("year", S.number(integer: true)), ("cause", S.string()), ("resource", S.string()),
                                  ("text", S.string())], required: ["cause", "text"],
                                 description: "Why a year is infeasible: one cause per entry, with its words.", open: true)
        return S.object([("scenario", S.string()), ("currency", S.string()), ("seed", S.number(integer: true)),
                         ("start", num), ("window_changed_by", S.array(S.string())),
                         ("overrides", S.ref("overrides")), ("years", S.array(S.number(integer: true))), ("feasible", S.boolean()),
                         ("infeasible_years", S.array(S.number(integer: true))), ("diagnosis", S.array(diagnosis)),
                         ("note", S.string()), ("simulations", S.number(minimum: 0, integer: true)),
                         ("total_cost", num), ("capex_total", num), ("opex_total", num), ("agencies", S.map(agency)),
                         ("capacity", S.array(S.object([("year", S.number(integer: true)), ("feasible", S.boolean())],
                                                        required: ["year", "feasible"], open: true)))],
                        required: ["scenario", "currency", "years", "total_cost", "agencies"], open: true)
    }

    static func explore() -> JSONValue {
        let year = S.anyOf([S.number(integer: true), .object([("type", .string("null"))])])
        let run = S.object([("sample", S.number(minimum: 0, integer: true)), ("inputs", S.map(num)), ("feasible", S.boolean()),
                            ("infeasible_from", year), ("total_cost", num), ("agencies", S.map(num)),
                            ("capacity", S.map(S.array(num)))],
                           required: ["sample", "inputs", "feasible", "infeasible_from", "total_cost", "agencies", "capacity"],
                           open: true)
        let summary = S.object([("total_cost", S.ref("percentiles")), ("agencies", S.map(S.ref("percentiles"))),
                                ("feasible_fraction", num), ("purchase_probability", S.map(S.map(num)))],
                               required: ["total_cost", "agencies", "feasible_fraction", "purchase_probability"], open: true)
        let robust = S.object([("quantile", num), ("total_cost", num), ("joint_adequacy", num),
                               ("agencies", S.map(S.object([("total_cost", num), ("items", S.array(S.ref("item")))],
                                                           required: ["total_cost", "items"], open: true)))],
                              required: ["quantile", "total_cost", "agencies"], open: true)
        let sensitivity = S.object([("path", S.string()), ("low", num), ("high", num), ("total_cost_low", num),
                                    ("total_cost_high", num), ("swing", nullableNumber), ("spearman", nullableNumber)],
                                   required: ["path", "low", "high", "total_cost_low", "total_cost_high", "swing", "spearman"], open: true)
        return S.object([("scenario", S.string()), ("seed", S.number(integer: true)), ("method", S.choice(["lhs", "sobol", "random", "grid"])),
                         ("samples", S.number(minimum: 1, integer: true)), ("quantile", num), ("currency", S.string()),
                         ("inputs", S.array(S.object([("path", S.string()), ("base", nullableNumber)], required: ["path", "base"], open: true))),
                         ("runs", S.array(run)), ("summary", summary), ("robust_plan", robust), ("sensitivity", S.array(sensitivity))],
                        required: ["scenario", "seed", "method", "samples", "quantile", "currency", "inputs", "runs", "summary",
                                   "robust_plan", "sensitivity"], open: true)
    }

    static func portfolio() -> JSONValue {
        let member = S.object([("id", S.string()), ("file", S.string()), ("total_cost", num), ("feasible", S.boolean())],
                              required: ["id", "file", "total_cost", "feasible"], open: true)
        let agency = S.object([("name", S.string()), ("total_cost", num), ("by_year", S.map(num)), ("members", S.array(S.string()))],
                              required: ["name", "total_cost", "by_year", "members"], open: true)
        return S.object([("portfolio", S.string()), ("currency", S.string()), ("years", S.array(S.number(integer: true))),
                         ("members", S.array(member)), ("agencies", S.map(agency)), ("total_cost", num)],
                        required: ["portfolio", "currency", "years", "members", "agencies", "total_cost"], open: true)
    }

    static func compare() -> JSONValue {
        let row = S.object([("metric", S.string()), ("a", nullableNumber), ("b", nullableNumber), ("difference", nullableNumber),
                            ("significant", S.boolean())], required: ["metric", "a", "b", "difference"], open: true)
        return S.object([("kind", S.choice(["results", "plan"])), ("a", S.string()), ("b", S.string()), ("rows", S.array(row))],
                        required: ["kind", "a", "b", "rows"], open: true)
    }
}
