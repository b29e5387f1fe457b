import InfraModel
import Planning
import Scenario
import SimKernel

/// CSV tables of a report bundle: RFC 4180 (comma separator, CRLF line ends, fields with a comma, quote or
/// line break quoted, quotes doubled), a header row, numbers in plain machine form whatever the language.
/// Every table starts with a UTF-8 byte order mark, so that spreadsheet programs (Excel) read it as UTF-8 and show
/// Vietnamese names correctly; CSV readers for UTF-8 with a BOM (Python's `utf-8-sig`) skip it.
public enum ReportCSV {
    /// The UTF-8 byte order mark that starts every table.
    public static let byteOrderMark = "\u{FEFF}"

    /// Rows of cells rendered as RFC 4180 text, after a byte order mark.
    public static func render(header: [String], rows: [[String]]) -> String {
        byteOrderMark + ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when needed.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number in plain machine form: integral values without a fraction, others in the shortest form that
    /// reads back to the same value, never with an exponent or thousands separators; non-finite values empty.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return positional("\(x)")
    }

    static func number(_ x: Double?) -> String { x.map { number($0) } ?? "" }

    /// Expands "1.5e-05" into "0.000015" (digits unchanged).
    static func positional(_ s: String) -> String {
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return s }
        var mantissa = String(s[..<e])
        guard let exponent = Int(s[s.index(after: e)...]) else { return s }
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = intPart + fracPart
        var point = intPart.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var whole = String(digits.prefix(point))
        var frac = String(digits.dropFirst(point))
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        while frac.hasSuffix("0") { frac.removeLast() }
        let body = frac.isEmpty ? whole : whole + "." + frac
        return negative ? "-" + body : body
    }

    // MARK: - Tables

    /// One row per plan item with the contract's ITEM fields, plus agency, to_site, reason and utilisations.
    public static func procurement(_ plan: ProcurementPlan) -> String {
        let header = ["year", "kind", "resource", "site", "quantity", "unit_cost", "cost", "opex_per_year",
                      "bandwidth_bps", "capacity_bytes", "agency", "to_site", "capacity_before", "capacity_after",
                      "utilization_before", "utilization_after", "reason", "rate_per_s", "unpriced"]
        let rows = plan.agencies.flatMap { a in
            a.items.map { i in
                [String(i.year), i.kind.rawValue, i.resource.id, i.site, String(i.quantity),
                 number(i.unitCost), number(i.cost), number(i.opexPerYear), number(i.bandwidthBps), number(i.capacityBytes),
                 i.agency, i.toSite ?? "", number(i.capacityBefore), number(i.capacityAfter),
                 number(i.utilizationBefore), number(i.utilizationAfter), ReportLanguage.en.reason(i.reason),
                 number(i.ratePerSecond), String(i.unpriced)]
            }
        }
        return render(header: header, rows: rows)
    }

    /// Per year and resource: installed capacity and demand, one capacity and one demand column per kind of
    /// resource. Pools: servers and offered load in servers; links: bandwidth per direction and the busier
    /// direction's simulated throughput, both in bit/s; storage: usable bytes installed and needed.
    public static func capacity(_ plan: ProcurementPlan) -> String {
        let kinds = ResourceID.Kind.allCases
        let header = ["year", "kind", "resource"] + kinds.map(\.capacityKey) + kinds.map(\.demandKey) + ["feasible"]
        var rows: [[String]] = []
        for y in plan.capacity {
            for (resource, value) in y.capacity {
                let capacity = kinds.map { $0 == resource.kind ? number(value) : "" }
                let demand = kinds.map { $0 == resource.kind ? number(Self.demand(of: resource, in: y)) : "" }
                rows.append([String(y.year), resource.kind.rawValue, resource.id] + capacity + demand + [String(y.feasible)])
            }
        }
        return render(header: header, rows: rows)
    }

    /// Demand on a resource in a plan year: pools, offered load in servers; links, the busier direction's
    /// simulated throughput in bit/s; limiters, the simulated requests per second reaching them.
    static func demand(of resource: ResourceID, in y: YearCapacity) -> Double? {
        switch resource.kind {
        case .pool: return y.demand[resource]
        case .link:
            return y.results.links.first { $0.id == resource.id }.map { max($0.forward.throughputBps.mean, $0.reverse.throughputBps.mean) }
        case .limiter: return y.results.limiters.first { $0.id == resource.id }?.arrivalRate.mean
        case .storage: return y.demand[resource]
        }
    }

    /// Per year and agency: investment (capex: servers and storage bought that year), running costs (opex: upkeep,
    /// leases and rents, energy; see `ProcurementItem.isInvestment`) and their sum, the agency's cost that year; in
    /// the scenario's currency.
    public static func costs(_ plan: ProcurementPlan) -> String {
        let header = ["year", "agency", "capex", "opex", "total"]
        var rows: [[String]] = []
        for year in plan.years {
            for a in plan.agencies {
                rows.append([String(year), a.id, number(a.capex(inYear: year)), number(a.opex(inYear: year)), number(a.cost(inYear: year))])
            }
        }
        return render(header: header, rows: rows)
    }

    /// Per year and pool with a facilities entry: the energy of the servers installed after that year's purchases.
    /// energy_kwh = servers × power_w × pue × 8,760 h / 1000; cost = energy_kwh × electricity_per_kwh.
    public static func energy(_ plan: ProcurementPlan) -> String {
        let header = ["year", "agency", "pool", "site", "servers", "power_w", "pue", "electricity_per_kwh", "energy_kwh", "cost"]
        let rows = plan.energy.map { l in
            [String(l.year), l.agency, l.pool, l.site, String(l.servers), number(l.watts), number(l.pue),
             number(l.electricity), number(l.kWh), number(l.cost)]
        }
        return render(header: header, rows: rows)
    }

    /// Per year and pool: every statistic of the simulated plan configuration.
    public static func pools(_ plan: ProcurementPlan) -> String {
        let header = ["year", "pool", "servers_simulated", "concurrency",
                      "utilization_mean", "utilization_ci95", "throughput_mean", "throughput_ci95",
                      "queue_length_mean", "queue_length_ci95",
                      "wait_mean", "wait_ci95", "wait_p50", "wait_p95", "wait_p99",
                      "response_mean", "response_ci95", "response_p50", "response_p95", "response_p99",
                      "blocked_fraction_mean", "blocked_fraction_ci95", "abandoned_fraction_mean", "abandoned_fraction_ci95",
                      "availability_mean", "availability_ci95"]
        var rows: [[String]] = []
        for y in plan.capacity {
            for p in y.results.pools {
                rows.append([String(y.year), p.id, String(p.servers), String(p.concurrency)]
                            + stat(p.utilization) + stat(p.throughput) + stat(p.queueLength)
                            + latency(p.wait) + latency(p.response)
                            + stat(p.blockedFraction) + stat(p.abandonedFraction) + stat(p.availability))
            }
        }
        return render(header: header, rows: rows)
    }

    /// Per year, link and direction (forward = from → to, reverse = to → from).
    public static func links(_ plan: ProcurementPlan) -> String {
        let header = ["year", "link", "direction", "bandwidth_bps", "utilization_mean", "utilization_ci95",
                      "throughput_bps_mean", "throughput_bps_ci95",
                      "delay_mean", "delay_ci95", "delay_p50", "delay_p95", "delay_p99"]
        var rows: [[String]] = []
        for y in plan.capacity {
            for l in y.results.links {
                for (name, d) in [("forward", l.forward), ("reverse", l.reverse)] {
                    rows.append([String(y.year), l.id, name, number(l.bandwidth)]
                                + stat(d.utilization) + stat(d.throughputBps) + latency(d.delay))
                }
            }
        }
        return render(header: header, rows: rows)
    }

    /// Per year and workload: end-to-end response and losses, then the client metrics (attempts, amplification,
    /// succeeded, failed, orphaned, goodput; the same as `requests`, 1, completed, lost, 0, completed/s without a
    /// client).
    public static func workloads(_ plan: ProcurementPlan) -> String {
        let header = ["year", "workload", "arrived", "completed", "response_mean", "response_ci95",
                      "response_p50", "response_p95", "response_p99", "lost_fraction_mean", "lost_fraction_ci95",
                      "requests", "attempts_mean", "attempts_ci95", "amplification_mean", "amplification_ci95",
                      "succeeded_mean", "succeeded_ci95", "failed_mean", "failed_ci95", "orphaned_mean", "orphaned_ci95",
                      "goodput_mean", "goodput_ci95"]
        var rows: [[String]] = []
        for y in plan.capacity {
            for w in y.results.workloads {
                rows.append([String(y.year), w.id, number(w.arrived), number(w.completed)]
                            + latency(w.response) + stat(w.lostFraction)
                            + [number(w.requests)] + stat(w.attempts) + stat(w.amplification) + stat(w.succeeded)
                            + stat(w.failed) + stat(w.orphaned) + stat(w.goodput))
            }
        }
        return render(header: header, rows: rows)
    }

    /// Per year and limiter: rate, demand, passed, utilisation, rejections and the wait for a token.
    public static func limiters(_ plan: ProcurementPlan) -> String {
        let header = ["year", "limiter", "rate_per_s", "burst", "arrival_rate_mean", "arrival_rate_ci95",
                      "passed_mean", "passed_ci95", "utilization_mean", "utilization_ci95",
                      "rejected_fraction_mean", "rejected_fraction_ci95", "abandoned_fraction_mean", "abandoned_fraction_ci95",
                      "queue_length_mean", "queue_length_ci95", "wait_mean", "wait_ci95", "wait_p50", "wait_p95", "wait_p99"]
        var rows: [[String]] = []
        for y in plan.capacity {
            for l in y.results.limiters {
                rows.append([String(y.year), l.id, number(l.rate), number(l.burst)] + stat(l.arrivalRate) + stat(l.passed)
                            + stat(l.utilization) + stat(l.rejectedFraction) + stat(l.abandonedFraction)
                            + stat(l.queueLength) + latency(l.wait))
            }
        }
        return render(header: header, rows: rows)
    }

    /// Time series in long form: one row per year, kind (pool, workload, limiter), id, metric and interval, with
    /// the interval's start (seconds from time 0), its length and the mean over replications.
    public static func series(_ s: RunSeries, year: Int) -> String {
        let header = ["year", "kind", "id", "metric", "interval_start_s", "interval_s", "value"]
        var rows: [[String]] = []
        func add(_ kind: String, _ id: String, _ metric: String, _ values: [Double]) {
            for (k, v) in values.enumerated() where k < s.starts.count && k < s.lengths.count {
                rows.append([String(year), kind, id, metric, number(s.starts[k]), number(s.lengths[k]), number(v)])
            }
        }
        for p in s.pools {
            add("pool", p.id, "utilization", p.utilization)
            add("pool", p.id, "queue_length", p.queueLength)
            add("pool", p.id, "throughput", p.throughput)
        }
        for w in s.workloads {
            add("workload", w.id, "requests", w.requests)
            add("workload", w.id, "attempts", w.attempts)
            add("workload", w.id, "goodput", w.goodput)
            add("workload", w.id, "lost", w.lost)
        }
        for l in s.limiters {
            add("limiter", l.id, "passed", l.passed)
            add("limiter", l.id, "rejected", l.rejected)
        }
        return render(header: header, rows: rows)
    }

    /// Per year and target: limit, estimate, 95% bound and whether it is met.
    public static func targets(_ plan: ProcurementPlan) -> String {
        let header = ["year", "subject", "metric", "limit", "value", "bound", "met"]
        var rows: [[String]] = []
        for y in plan.capacity {
            for t in y.results.targets {
                rows.append([String(y.year), t.target.subject.label, t.target.metric.rawValue,
                             number(t.target.limit), number(t.value), number(t.bound), String(t.met)])
            }
        }
        return render(header: header, rows: rows)
    }

    /// Every input of the scenario file with its line, comment and whether it is marked as an assumption.
    public static func assumptions(_ scenario: Scenario) -> String {
        let header = ["path", "value", "line", "comment", "assumption"]
        let rows = scenario.inputs.map { i in
            [i.path, i.value, String(i.line), i.comment ?? "", String(ReportBundle.isAssumption(i))]
        }
        return render(header: header, rows: rows)
    }

    static func stat(_ e: Estimate) -> [String] { [number(e.mean), number(e.ci95)] }

    static func latency(_ l: LatencyEstimate) -> [String] {
        [number(l.mean.mean), number(l.mean.ci95), number(l.p50), number(l.p95), number(l.p99)]
    }
}
