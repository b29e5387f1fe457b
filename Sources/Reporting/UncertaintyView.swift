import Scenario

/// What a report shows of an uncertainty study, read from its document (`capsim explore --json`, or `capsim merge`
/// of a sharded study): one source for the report, whether the study ran in the same process or on a cluster.
public struct UncertaintyView: Sendable {
    public struct Percentiles: Sendable {
        public var count: Int
        public var mean: Double
        public var p10: Double
        public var p50: Double
        public var p90: Double
        public var p10Interval: ClosedRange<Double>?
        public var p90Interval: ClosedRange<Double>?
    }

    public struct Sensitivity: Sendable {
        public var path: String
        /// The ends as text in the value's units ("4%", "84000000"), or as factors ("×0.9").
        public var lowText: String
        public var highText: String
        public var low: Double
        public var high: Double
        public var totalCostLow: Double
        public var totalCostHigh: Double
        /// Nil when an end is infeasible.
        public var swing: Double?
        public var spearman: Double?
        public var lowFeasible: Bool
        public var highFeasible: Bool
    }

    public struct RobustItem: Sendable {
        public var agency: String
        public var year: Int
        public var kind: String
        public var resource: String
        public var quantity: Int
        public var cost: Double
        public var opexPerYear: Double
    }

    public var scenario: String
    public var samples: Int
    public var method: String
    public var quantile: Double
    public var designSeed: Int64
    public var simulationSeed: Int64
    public var currency: String
    public var years: [Int]
    public var feasibleFraction: Double
    public var total: Percentiles
    public var agencies: [(id: String, percentiles: Percentiles)]
    public var fan: [Percentiles]
    /// Per year, the plan with every input at base (nil when the document has no base run, or it is infeasible).
    public var baseYearCosts: [Double]?
    /// The total of the plan with every input at base (nil when there is none, or it is infeasible).
    public var baseTotal: Double?
    public var robustTotal: Double
    public var robustFeasible: Bool
    public var jointAdequacy: Double
    public var robustItems: [RobustItem]
    /// Sorted by swing, largest first.
    public var sensitivity: [Sensitivity]
    /// Resource label (`pool:eauth`) → share of futures buying in each year.
    public var purchaseProbability: [(resource: String, shares: [Double])]
    public var noiseSD: Double?
    public var noiseShare: Double?
    public var noiseRuns: Int?
    /// Every sample: its inputs (path → value), feasibility and first infeasible year, total and per-agency costs
    /// (no budget when infeasible).
    public var runs: [(sample: Int, inputs: [(String, Double)], feasible: Bool, infeasibleFrom: Int?, total: Double,
                       agencies: [(String, Double)])]

    /// Why a document cannot be shown.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path):1:1: error: not a capsim explore document: \(reason)" }
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Reads an explore document (`path` names it in errors).
    public init(document doc: JSONValue, path: String = "explore.json") throws(Failure) {
        func need<T>(_ value: T?, _ what: String) throws(Failure) -> T {
            guard let value else { throw Failure(path: path, reason: "missing \(what)") }
            return value
        }
        func percentiles(_ v: JSONValue?) throws(Failure) -> Percentiles {
            let v = try need(v, "percentiles")
            func interval(_ key: String) -> ClosedRange<Double>? {
                guard let items = v[key]?.items, items.count == 2, let a = items[0].double, let b = items[1].double, a <= b else { return nil }
                return a...b
            }
            return Percentiles(count: Int(v["count"]?.double ?? 0), mean: v["mean"]?.double ?? .nan,
                               p10: v["p10"]?.double ?? .nan, p50: v["p50"]?.double ?? .nan, p90: v["p90"]?.double ?? .nan,
                               p10Interval: interval("p10_ci95"), p90Interval: interval("p90_ci95"))
        }
        scenario = doc["scenario"]?.string ?? ""
        samples = Int(try need(doc["samples"]?.double, "samples"))
        method = doc["method"]?.string ?? ""
        quantile = try need(doc["quantile"]?.double, "quantile")
        designSeed = Int64(doc["seed"]?.double ?? 0)
        if case .integer(let s)? = doc["seed"] { designSeed = s }
        simulationSeed = 0
        if case .integer(let s)? = doc["simulation_seed"] { simulationSeed = s }
        currency = doc["currency"]?.string ?? ""
        years = (doc["years"]?.items ?? []).compactMap { $0.double.map { Int($0) } }
        let summary = try need(doc["summary"], "summary")
        feasibleFraction = summary["feasible_fraction"]?.double ?? .nan
        total = try percentiles(summary["total_cost"])
        agencies = []
        for (id, v) in summary["agencies"]?.members ?? [] { agencies.append((id, try percentiles(v))) }
        fan = []
        for year in years { fan.append(try percentiles(summary["fan"]?[String(year)])) }
        let yearList = years
        purchaseProbability = (summary["purchase_probability"]?.members ?? []).map { r, shares in
            (r, yearList.map { shares[String($0)]?.double ?? 0 })
        }
        // An infeasible base plan has no budget: charts centre on the median instead.
        let base = (doc["base"]?["feasible"]?.bool ?? true) ? doc["base"] : nil
        baseTotal = base?["total_cost"]?.double
        let baseYears = yearList.compactMap { base?["year_costs"]?[String($0)]?.double }
        baseYearCosts = baseYears.count == yearList.count ? baseYears : nil
        let robust = try need(doc["robust_plan"], "robust_plan")
        robustTotal = robust["total_cost"]?.double ?? .nan
        robustFeasible = robust["feasible"]?.bool ?? false
        jointAdequacy = robust["joint_adequacy"]?.double ?? .nan
        robustItems = []
        for (agency, plan) in robust["agencies"]?.members ?? [] {
            for item in plan["items"]?.items ?? [] {
                robustItems.append(RobustItem(agency: agency, year: Int(item["year"]?.double ?? 0), kind: item["kind"]?.string ?? "",
                                              resource: item["resource"]?.string ?? "", quantity: Int(item["quantity"]?.double ?? 0),
                                              cost: item["cost"]?.double ?? 0, opexPerYear: item["opex_per_year"]?.double ?? 0))
            }
        }
        let units = Dictionary((doc["inputs"]?.items ?? []).compactMap { i -> (String, (String, String))? in
            guard let p = i["name"]?.string ?? i["path"]?.string else { return nil }
            return (p, (i["effect"]?.string ?? "replace", i["unit"]?.string ?? "number"))
        }, uniquingKeysWith: { a, _ in a })
        func text(_ path: String, _ x: Double?) -> String {
            guard let x else { return "–" }
            let (effect, unit) = units[path] ?? ("replace", "number")
            if effect == "factor" { return "×" + String(format: "%.4g", x) }
            return ValueKind(ValueKind.Unit(rawValue: unit) ?? .number).display(x)
        }
        sensitivity = (doc["sensitivity"]?.items ?? []).map { r in
            let path = r["name"]?.string ?? r["path"]?.string ?? ""
            return Sensitivity(path: path, lowText: text(path, r["low"]?.double), highText: text(path, r["high"]?.double),
                        low: r["low"]?.double ?? .nan, high: r["high"]?.double ?? .nan,
                        totalCostLow: r["total_cost_low"]?.double ?? .nan, totalCostHigh: r["total_cost_high"]?.double ?? .nan,
                        swing: r["swing"]?.double, spearman: r["spearman"]?.double,
                        lowFeasible: r["feasible_low"]?.bool ?? true, highFeasible: r["feasible_high"]?.bool ?? true)
        }
        noiseSD = doc["noise"]?["sd"]?.double
        noiseShare = doc["noise"]?["share"]?.double
        noiseRuns = doc["noise"]?["runs"]?.double.map { Int($0) }
        runs = (doc["runs"]?.items ?? []).map { r in
            (Int(r["sample"]?.double ?? 0), (r["inputs"]?.members ?? []).map { ($0.0, $0.1.double ?? .nan) },
             r["feasible"]?.bool ?? false, r["infeasible_from"]?.double.map { Int($0) }, r["total_cost"]?.double ?? .nan,
             (r["agencies"]?.members ?? []).map { ($0.0, $0.1.double ?? .nan) })
        }
    }
}
