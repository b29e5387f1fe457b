/// The JSON Schema of scenario files (a YAML scenario read as JSON): every key capsim reads, its unit and its
/// range, for editors that complete and check scenarios, and to check the shipped scenarios.
enum ScenarioSchema {
    typealias S = JSONSchemaBuilder

    static let durationUnits = "us|µs|ms|s|m|min|h|d|y"
    static let duration = S.quantity("A duration: seconds, or a number with us, ms, s, m/min, h, d or y (250ms, 10m, 1.5h, 5y).",
                                     suffixes: durationUnits)
    static let rate = S.quantity("A rate: per second, or a number with /s, /min, /h or /d and an optional k or M (120/s, 3.6M/d).",
                                 suffixes: "[kKM]?/(s|min|h|d)")
    static let bandwidth = S.quantity("A bandwidth in bit/s, or with bps, kbps, Mbps, Gbps or Tbps (decimal).", suffixes: "bps|kbps|Mbps|Gbps|Tbps")
    static let size = S.quantity("A size in bytes, or with B, KB, MB, GB, TB, PB (decimal) or KiB, MiB, GiB, TiB, PiB (binary).",
                                 suffixes: "B|KB|MB|GB|TB|PB|KiB|MiB|GiB|TiB|PiB")
    static let fraction = S.quantity("A fraction: a number in [0, 1] or a percentage (0.5%).", suffixes: "%")
    static let growth = S.quantity("Growth per year: a number (0.25 = +25%) or a percentage > -100% (25%).", suffixes: "%")
    static let count = S.quantity("A count: a number or with k, M or B (10^3, 10^6, 10^9).", suffixes: "k|M|B")
    static let power = S.quantity("A power: watts, or with W or kW.", suffixes: "W|kW")
    static let money = S.number("An amount in the scenario's currency.", minimum: 0)
    static let id = S.string("An id, unique among items of its kind.")
    static let text = S.string()

    /// The scenario schema document.
    static func document() -> JSONValue {
        let root = S.object([
            ("name", S.string("The scenario's name (required).")),
            ("description", text),
            ("currency", S.string("Currency of every amount of money (default VND).")),
            ("seed", S.number("Seed of every random stream (default 1).", minimum: 0, integer: true)),
            ("simulation", S.ref("simulation")),
            ("horizon", S.object([("base_year", S.number("The year the file's loads describe.", integer: true)),
                                  ("to", S.number("The last planned year.", integer: true))],
                                 description: "Years that plan sizes; growth counts from base_year.")),
            ("agencies", S.array(S.object([("id", id), ("name", text), ("description", text)], required: ["id"]),
                                 description: "Agencies that own sites and procure resources.")),
            ("sites", S.array(S.object([("id", id), ("agency", S.string("The agency that owns the site.")),
                                        ("region", text), ("description", text)], required: ["id", "agency"]))),
            ("pools", S.array(S.ref("pool"))),
            ("links", S.array(S.ref("link"))),
            ("limiters", S.array(S.ref("limiter"))),
            ("workloads", S.array(S.ref("workload"), minItems: 1)),
            ("events", S.array(S.ref("event"), description: "Time-bounded load spikes and capacity losses.")),
            ("targets", S.array(S.ref("target"))),
            ("storage", S.array(S.ref("storage"))),
            ("facilities", S.array(S.ref("facility"))),
            ("uncertainty", S.ref("uncertainty")),
        ], required: ["name", "simulation", "agencies", "sites", "workloads"],
           description: "A capsim scenario: what is installed, the loads, the targets and the prices.",
           patternProperties: [("^x-", .object([]))])
        return S.document(id: "urn:capsim:schema:scenario", title: "capsim scenario", root: root, defs: definitions())
    }

    static func definitions() -> [(String, JSONValue)] {
        [
            ("simulation", S.object([
                ("duration", duration), ("warmup", duration),
                ("replications", S.number("Independent replications (default 10).", minimum: 1, integer: true)),
                ("start", duration),
            ], required: ["duration"])),
            ("distribution", S.oneOf([
                .object([("type", .string("number"))]), .object([("type", .string("string"))]),
                S.object([("dist", S.choice(["exponential", "deterministic", "lognormal", "gamma", "erlang", "uniform", "weibull",
                                             "hyperexponential", "empirical"])),
                          ("mean", S.anyOf([.object([("type", .string("number"))]), .object([("type", .string("string"))])])),
                          ("value", S.anyOf([.object([("type", .string("number"))]), .object([("type", .string("string"))])])),
                          ("cv", S.number(minimum: 0)), ("k", S.number(minimum: 1, integer: true)),
                          ("min", S.anyOf([.object([("type", .string("number"))]), .object([("type", .string("string"))])])),
                          ("max", S.anyOf([.object([("type", .string("number"))]), .object([("type", .string("string"))])])),
                          ("shape", S.number(minimum: 0)),
                          ("scale", S.anyOf([.object([("type", .string("number"))]), .object([("type", .string("string"))])])),
                          ("file", S.string("A CSV of samples, relative to the scenario file."))], required: ["dist"]),
            ], description: "A value, or a distribution {dist: NAME, ...} whose amounts take the value's unit.")),
            ("pool", S.object([
                ("id", id), ("site", S.string("The site the pool is at.")), ("description", text),
                ("servers", S.number("Servers installed now.", minimum: 1, integer: true)),
                ("concurrency", S.number("Requests one server works on at once (default 1).", minimum: 1, integer: true)),
                ("queue", S.object([("capacity", S.anyOf([S.number(minimum: 0, integer: true), S.choice(["unlimited"])],
                                                         description: "Waiting places (0 = pure loss) or unlimited.")),
                                    ("discipline", S.choice(["fifo", "priority"]))])),
                ("patience", S.ref("distribution")),
                ("failures", S.object([("mtbf", duration), ("mttr", duration)], required: ["mtbf", "mttr"])),
                ("unit", S.object([("name", text), ("cost", money), ("opex_per_year", money)], required: ["cost"],
                                  description: "One more server: its price and yearly upkeep.")),
                ("max_servers", S.number("Sizing bound.", minimum: 1, integer: true)),
                ("redundancy", S.anyOf([S.string(pattern: #"^\s*n(\s*\+\s*[0-9]+)?\s*$"#), S.number(minimum: 0, integer: true)],
                                       description: "n, n+1, n+2: servers kept in reserve.")),
                ("power", power),
            ], required: ["id", "site", "servers"])),
            ("link", S.object([
                ("id", id), ("from", S.string("One end (a site).")), ("to", S.string("The other end (a site).")), ("description", text),
                ("bandwidth", bandwidth), ("latency", duration), ("sharing", S.choice(["ps", "fifo"])),
                ("owner", S.string("The agency that procures it (default: the agency of `from`).")),
                ("unit", S.object([("step", bandwidth), ("cost_per_year", money)], required: ["step", "cost_per_year"])),
                ("max_bandwidth", bandwidth),
            ], required: ["id", "from", "to", "bandwidth"])),
            ("limiter", S.object([
                ("id", id), ("site", S.string()), ("description", text), ("rate", rate),
                ("burst", S.number("Bucket size in tokens (default: rate × 1 s).", minimum: 0)),
                ("excess", S.choice(["reject", "queue"])),
                ("queue", S.object([("capacity", S.anyOf([S.number(minimum: 0, integer: true), S.choice(["unlimited"])]))])),
                ("patience", S.ref("distribution")), ("owner", S.string()),
                ("unit", S.object([("step", rate), ("cost_per_year", money)], required: ["step", "cost_per_year"])),
                ("max_rate", rate),
            ], required: ["id", "site", "rate"])),
            ("workload", S.object([
                ("id", id), ("agency", S.string()), ("origin", S.string("Where requests enter (a site).")), ("description", text),
                ("arrivals", S.object([
                    ("rate", rate),
                    ("profile", S.array(S.number(minimum: 0), minItems: 24, maxItems: 24, description: "24 hourly multipliers.")),
                    ("weekly", S.array(S.number(minimum: 0), minItems: 7, maxItems: 7, description: "7 day multipliers, Monday first.")),
                    ("peaks", S.array(S.object([("name", text), ("day", S.number(minimum: 1, integer: true)),
                                                ("hours", S.array(S.number(minimum: 0, maximum: 24), minItems: 2, maxItems: 2)),
                                                ("multiplier", S.number(minimum: 0))], required: ["day", "multiplier"]))),
                    ("growth", growth),
                ], required: ["rate"])),
                ("priority", S.number(integer: true)), ("request_size", S.ref("distribution")), ("response_size", S.ref("distribution")),
                ("route", S.ref("route")),
                ("client", S.object([
                    ("timeout", duration), ("description", text),
                    ("retry", S.object([
                        ("attempts", S.number("Attempts including the first.", minimum: 1, integer: true)),
                        ("backoff", S.object([("base", duration), ("cap", duration), ("jitter", S.choice(["none", "full", "equal"]))],
                                             required: ["base"])),
                        ("budget", S.object([("ratio", fraction)], required: ["ratio"])),
                    ], required: ["attempts"])),
                ])),
            ], required: ["id", "arrivals", "route"])),
            ("route", S.array(S.ref("step"), description: "Steps in order.")),
            ("step", S.oneOf([
                S.object([("pool", S.string()), ("service", S.ref("distribution"))], required: ["pool", "service"]),
                S.object([("link", S.string()), ("size", S.ref("distribution"))], required: ["link"]),
                S.object([("limit", S.string("A limiter id."))], required: ["limit"]),
                S.object([("delay", S.ref("distribution"))], required: ["delay"]),
                S.object([("branch", S.array(S.object([("p", S.number(minimum: 0, maximum: 1)), ("route", S.ref("route")),
                                                       ("description", text)], required: ["p"]), minItems: 1))], required: ["branch"]),
                S.object([("fork", S.array(S.ref("route"), minItems: 1))], required: ["fork"]),
            ])),
            ("event", S.object([
                ("name", text), ("at", duration), ("for", duration), ("workload", S.string()),
                ("rate_factor", S.number(minimum: 0)), ("pool", S.string()),
                ("servers_down", S.number(minimum: 0, integer: true)), ("description", text),
            ], required: ["at", "for"])),
            ("target", S.object([
                ("workload", S.string()), ("pool", S.string()), ("link", S.string()), ("limiter", S.string()),
                ("mean", duration), ("p50", duration), ("p95", duration), ("p99", duration),
                ("max_lost", fraction), ("max_utilization", fraction), ("description", text),
            ])),
            ("storage", S.object([
                ("id", id), ("site", S.string()), ("owner", S.string()), ("description", text),
                ("installed", size), ("copies", S.number(minimum: 1, integer: true)), ("headroom", fraction),
                ("data", S.array(S.object([("name", text), ("count", count), ("size", size), ("growth", growth),
                                           ("per_request", S.array(S.string("A workload id."))), ("retention", duration),
                                           ("description", text)], required: ["size"]))),
                ("unit", S.object([("name", text), ("step", size), ("cost", money), ("opex_per_year", money)], required: ["step", "cost"])),
                ("max_capacity", size),
            ], required: ["id", "site", "installed"])),
            ("facility", S.object([
                ("site", S.string()), ("power_per_server", power), ("pue", S.number(minimum: 1)), ("electricity", money),
                ("description", text),
            ], required: ["site", "power_per_server", "pue", "electricity"])),
            ("uncertainty", S.object([
                ("samples", S.number(minimum: 2, integer: true)), ("method", S.choice(["lhs", "sobol", "random", "grid"])),
                ("quantile", S.number(minimum: 0, maximum: 1)), ("seed", S.number(minimum: 0, integer: true)),
                ("noise_check", S.number(minimum: 0, integer: true)), ("description", text),
                ("inputs", S.array(S.ref("input"), minItems: 1)),
                ("correlations", S.array(S.object([("paths", S.array(S.string(), minItems: 2, maxItems: 2)),
                                                   ("rank", S.number(minimum: -1, maximum: 1))], required: ["paths", "rank"]))),
            ], required: ["inputs"])),
            ("input", S.object([
                ("path", S.string("A scenario path: pools.eauth.unit.cost, \"workloads.*.arrivals.rate\", targets[0].p95.")),
                ("name", text), ("description", text),
                ("dist", S.choice(["uniform", "triangular", "normal", "lognormal", "discrete"])),
                ("factor", S.object([("dist", S.choice(["uniform", "triangular", "normal", "lognormal", "discrete"])),
                                     ("min", S.number()), ("max", S.number()), ("mode", S.number()), ("mean", S.number()),
                                     ("sd", S.number(minimum: 0)), ("cv", S.number(minimum: 0)),
                                     ("values", S.array(S.number())), ("p", S.array(S.number(minimum: 0, maximum: 1)))],
                                    required: ["dist"])),
                ("values", .object([("type", .string("array"))])), ("p", S.array(S.number(minimum: 0, maximum: 1))),
                ("min", .object([])), ("max", .object([])), ("mode", .object([])), ("mean", .object([])), ("sd", .object([])),
                ("cv", S.number(minimum: 0)),
            ], required: ["path"])),
        ]
    }
}
