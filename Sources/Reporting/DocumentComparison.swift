import Foundation

/// `capsim compare`: two results documents, or two plan documents, side by side.
///
/// Results: every statistic with both estimates, the difference B − A and whether it is significant at 95%
/// (|B − A| > √(h_A² + h_B²), the half-width of the difference of two independent estimates), every target's
/// verdict, and the installed configuration (servers, bandwidth). Plans: every agency's cost per year and in total,
/// the plan totals, and each resource's capacity per year, with the difference.
public enum DocumentComparison {
    public enum Kind: String, Sendable { case results, plan }

    /// One compared quantity.
    public struct Row: Sendable, Equatable {
        /// What it is, e.g. `pools.eauth.utilization.mean` or `agencies.mps.2026`.
        public var metric: String
        public var a: Double?
        /// 95% half-width of `a` (statistics only).
        public var aHalfWidth: Double?
        public var b: Double?
        public var bHalfWidth: Double?
        /// b − a, when both exist.
        public var difference: Double? { a.flatMap { a in b.map { $0 - a } } }
        /// For statistics: whether the difference is significant at 95%; nil for exact quantities.
        public var significant: Bool? {
            guard let d = difference, let ha = aHalfWidth, let hb = bHalfWidth else { return nil }
            return abs(d) > (ha * ha + hb * hb).squareRoot() + 1e-12 * abs(a ?? 0)
        }
    }

    public struct Outcome: Sendable {
        public var kind: Kind
        public var rows: [Row]
        /// The plans' currency (plans only).
        public var currency: String?
    }

    /// Why two documents cannot be compared.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path):1:1: error: \(reason)" }
    }

    /// The kind of a capsim document, or nil when it is neither a results nor a plan document.
    public static func kind(of doc: JSONValue) -> Kind? {
        if doc["agencies"]?.members != nil, doc["total_cost"]?.double != nil, doc["runs"] == nil { return .plan }
        if ResultsMetrics.isResultsDocument(doc) { return .results }
        return nil
    }

    /// Compares two documents of the same kind (`aPath`, `bPath` name them in errors).
    public static func compare(_ a: JSONValue, _ b: JSONValue, aPath: String, bPath: String) throws(Failure) -> Outcome {
        guard let ka = kind(of: a) else { throw Failure(path: aPath, reason: "not a capsim results or plan document") }
        guard let kb = kind(of: b) else { throw Failure(path: bPath, reason: "not a capsim results or plan document") }
        guard ka == kb else {
            throw Failure(path: bPath, reason: "this is a \(kb.rawValue) document but \(aPath) is a \(ka.rawValue) document; compare two of the same kind")
        }
        switch ka {
        case .results: return Outcome(kind: .results, rows: results(a, b), currency: nil)
        case .plan: return Outcome(kind: .plan, rows: plans(a, b), currency: a["currency"]?.string)
        }
    }

    // MARK: - Results

    static func results(_ a: JSONValue, _ b: JSONValue) -> [Row] {
        var rows: [Row] = []
        // The configuration each was run with.
        for (section, key) in [("pools", "servers"), ("links", "bandwidth_bps")] {
            let names = union(a[section]?.members?.map(\.0) ?? [], b[section]?.members?.map(\.0) ?? [])
            for name in names {
                rows.append(Row(metric: "\(section).\(name).\(key)", a: a[section]?[name]?[key]?.double, aHalfWidth: nil,
                                b: b[section]?[name]?[key]?.double, bHalfWidth: nil))
            }
        }
        let ma = ResultsMetrics(a), mb = ResultsMetrics(b)
        let aByPath = Dictionary(ma.metrics.map { ($0.path, $0) }, uniquingKeysWith: { x, _ in x })
        let bByPath = Dictionary(mb.metrics.map { ($0.path, $0) }, uniquingKeysWith: { x, _ in x })
        for path in union(ma.metrics.map(\.path), mb.metrics.map(\.path)) {
            let x = aByPath[path], y = bByPath[path]
            rows.append(Row(metric: path, a: x?.value, aHalfWidth: x?.halfWidth, b: y?.value, bHalfWidth: y?.halfWidth))
        }
        let ta = Dictionary(ma.targets.map { ($0.key, $0.met) }, uniquingKeysWith: { x, _ in x })
        let tb = Dictionary(mb.targets.map { ($0.key, $0.met) }, uniquingKeysWith: { x, _ in x })
        for key in union(ma.targets.map(\.key), mb.targets.map(\.key)) {
            rows.append(Row(metric: "targets.\(key).met", a: ta[key].map { $0 ? 1 : 0 }, aHalfWidth: nil,
                            b: tb[key].map { $0 ? 1 : 0 }, bHalfWidth: nil))
        }
        return rows
    }

    // MARK: - Plans

    static func plans(_ a: JSONValue, _ b: JSONValue) -> [Row] {
        var rows: [Row] = []
        let years = union((a["years"]?.items ?? []).compactMap(\.double).map { String(Int($0)) },
                          (b["years"]?.items ?? []).compactMap(\.double).map { String(Int($0)) })
        let agencies = union(a["agencies"]?.members?.map(\.0) ?? [], b["agencies"]?.members?.map(\.0) ?? [])
        for agency in agencies {
            let ca = a["agencies"]?[agency], cb = b["agencies"]?[agency]
            for year in years {
                rows.append(Row(metric: "agencies.\(agency).\(year)", a: yearCost(ca, year), aHalfWidth: nil,
                                b: yearCost(cb, year), bHalfWidth: nil))
            }
            rows.append(Row(metric: "agencies.\(agency).total_cost", a: ca?["total_cost"]?.double ?? 0, aHalfWidth: nil,
                            b: cb?["total_cost"]?.double ?? 0, bHalfWidth: nil))
        }
        rows.append(Row(metric: "total_cost", a: a["total_cost"]?.double, aHalfWidth: nil, b: b["total_cost"]?.double, bHalfWidth: nil))
        // Capacity per resource and year: every object of numbers in each year's entry (servers, bandwidth_bps, ...).
        let capA = capacity(a), capB = capacity(b)
        for key in union(capA.map(\.0), capB.map(\.0)) {
            rows.append(Row(metric: key, a: capA.first { $0.0 == key }?.1, aHalfWidth: nil,
                            b: capB.first { $0.0 == key }?.1, bHalfWidth: nil))
        }
        return rows
    }

    /// What an agency pays in `year` in a plan document: that year's purchases, the upkeep or lease of earlier
    /// ones, and the year's energy when the plan has it. 0 for an agency without purchases.
    static func yearCost(_ agency: JSONValue?, _ year: String) -> Double {
        guard let agency, let y = Double(year) else { return 0 }
        var total = 0.0
        for item in agency["items"]?.items ?? [] {
            guard let iy = item["year"]?.double else { continue }
            if iy == y { total += item["cost"]?.double ?? 0 } else if iy < y { total += item["opex_per_year"]?.double ?? 0 }
        }
        total += agency["energy"]?[year]?.double ?? 0
        return total
    }

    /// `capacity.YEAR.KEY.RESOURCE` → value, for every numeric member of each year's capacity objects.
    static func capacity(_ doc: JSONValue) -> [(String, Double)] {
        var out: [(String, Double)] = []
        for entry in doc["capacity"]?.items ?? [] {
            guard let year = entry["year"]?.double else { continue }
            for (key, value) in entry.members ?? [] {
                for (resource, v) in value.members ?? [] {
                    if let x = v.double { out.append(("capacity.\(Int(year)).\(key).\(resource)", x)) }
                }
            }
        }
        return out
    }

    /// `a` followed by the members of `b` that `a` lacks, each once.
    static func union(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set<String>()
        return (a + b).filter { seen.insert($0).inserted }
    }

    // MARK: - Output

    /// The comparison as a JSON document.
    public static func json(_ o: Outcome, aPath: String, bPath: String) -> JSONValue {
        func num(_ x: Double?) -> JSONValue { x.map { .number($0) } ?? .null }
        var head: [(String, JSONValue)] = [("kind", .string(o.kind.rawValue)), ("a", .string(aPath)), ("b", .string(bPath))]
        if let c = o.currency { head.append(("currency", .string(c))) }
        let rows = o.rows.map { r -> JSONValue in
            var m: [(String, JSONValue)] = [("metric", .string(r.metric)), ("a", num(r.a))]
            if let h = r.aHalfWidth { m.append(("a_ci95", .number(h))) }
            m.append(("b", num(r.b)))
            if let h = r.bHalfWidth { m.append(("b_ci95", .number(h))) }
            m.append(("difference", num(r.difference)))
            if let s = r.significant { m.append(("significant", .bool(s))) }
            return .object(m)
        }
        let differing = o.rows.filter { ($0.difference ?? 1) != 0 }.count
        return .object(head + [("rows", .array(rows)), ("rows_that_differ", .integer(Int64(differing)))])
    }

    /// The comparison as text: only rows that differ, then a count.
    public static func table(_ o: Outcome, aPath: String, bPath: String) -> String {
        func f(_ x: Double?) -> String {
            guard let x else { return "–" }
            if o.kind == .plan { return ReportLanguage.en.grouped(x) }
            return String(format: "%.6g", x)
        }
        let changed = o.rows.filter { $0.a != $0.b }
        var out = "capsim compare: \(o.kind.rawValue) documents\n  A: \(aPath)\n  B: \(bPath)\n\n"
        if changed.isEmpty {
            return out + "No difference: all \(o.rows.count) quantities are equal.\n"
        }
        let header = ["metric", "A", "B", "B − A"] + (o.kind == .results ? ["significant"] : [])
        var t = TextTable(title: o.kind == .plan ? "Costs (\(o.currency ?? "")) and capacity that differ" : "Quantities that differ",
                          header: header, rightAligned: [1, 2, 3])
        for r in changed {
            let a = r.aHalfWidth.map { "\(f(r.a)) ± \(f($0))" } ?? f(r.a)
            let b = r.bHalfWidth.map { "\(f(r.b)) ± \(f($0))" } ?? f(r.b)
            let sig = r.significant.map { $0 ? "yes" : "no (within noise)" } ?? ""
            t.add([r.metric, a, b, r.difference.map { ($0 > 0 ? "+" : "") + f($0) } ?? "–"] + (o.kind == .results ? [sig] : []))
        }
        out += t.rendered()
        if o.kind == .results {
            let significant = changed.filter { $0.significant == true }.count
            out += "\n\(changed.count) of \(o.rows.count) quantities differ; \(significant) statistics differ significantly at 95%.\n"
        } else {
            out += "\n\(changed.count) of \(o.rows.count) quantities differ.\n"
        }
        return out
    }

    /// Reads a document for comparison.
    public static func load(path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineDocument.Failure.unreadable(path: path, reason: "no such file or not readable")
        }
        do {
            return try JSONValue.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw Failure(path: path, reason: "not JSON (\(error))")
        }
    }
}
