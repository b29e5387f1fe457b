import Foundation
import Planning
import Scenario

/// The file of one shard of an explore study, `DIR/shard-I-of-N.json` (`capsim explore --shard I/N --out DIR`):
/// the study's identity and hash (`ExploreIdentity`: what merge needs to rebuild the study without the user's
/// file), the shard, and every result of its runs, with numbers that read back to the same bits.
///
/// A shard file is written atomically once all its runs are planned, so a file that exists is whole; it is checked
/// anyway (`check`) before it is kept or merged, since it may have been edited, or written by another study or
/// another capsim.
public enum ExploreShardFile {
    /// The `format` member, saying what the file is.
    public static let format = "capsim explore shard"
    /// The `version` member: the layout of the file.
    public static let version = 1

    /// `shard-I-of-N.json`.
    public static func name(_ shard: ExploreShard) -> String { "shard-\(shard.index)-of-\(shard.count).json" }

    /// What a shard file holds.
    public struct Contents: Sendable {
        public var identity: ExploreIdentity
        /// The study hash as recorded (normally `identity.hash`).
        public var hash: String
        public var shard: ExploreShard
        /// Runs of the whole study, as recorded.
        public var studyRuns: Int
        /// In run order.
        public var results: [ExploreRunResult]
    }

    /// Why a file is not a usable shard file.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: Writing

    /// The shard file of `results` (the runs of `shard` of `study`, in run order).
    public static func json(_ study: ExploreStudy, identity: ExploreIdentity, shard: ExploreShard,
                            results: [ExploreRunResult]) -> JSONValue {
        func optional<T>(_ value: T?, _ render: (T) -> JSONValue) -> JSONValue { value.map(render) ?? .null }
        let options: JSONValue = .object([
            ("samples", optional(identity.samples) { .integer(Int64($0)) }),
            ("method", optional(identity.method) { .string($0.rawValue) }),
            ("quantile", optional(identity.quantile) { ExactNumber.json($0) }),
            ("design_seed", optional(identity.designSeed) { .integer(Int64(bitPattern: $0)) }),
            ("noise_check", optional(identity.noiseCheck) { .integer(Int64($0)) }),
            ("seed", optional(identity.seed) { .integer(Int64(bitPattern: $0)) }),
            ("replications", optional(identity.replications) { .integer(Int64($0)) }),
            ("duration", optional(identity.duration) { ExactNumber.json($0) }),
        ])
        return .object([
            ("format", .string(format)), ("version", .integer(Int64(version))),
            ("study", .string(identity.hash)),
            ("shard", .integer(Int64(shard.index))), ("shards", .integer(Int64(shard.count))),
            ("study_runs", .integer(Int64(study.runs.count))),
            ("scenario", .string(study.scenario.name)),
            ("scenario_path", .string(identity.scenarioPath)),
            ("base_directory", .string(identity.baseDirectory)),
            ("overrides", .array(identity.overrides.map { .string($0) })),
            ("options", options),
            ("empirical_files", .array(identity.empiricalFiles.map {
                .object([("path", .string($0.path)), ("digest", .string($0.digest))])
            })),
            ("results", .array(results.map(result))),
            ("scenario_text", .string(identity.scenarioText)),
        ])
    }

    static func result(_ r: ExploreRunResult) -> JSONValue {
        var m: [(String, JSONValue)] = [("index", .integer(Int64(r.index)))]
        switch r.role {
        case .sample(let i): m += [("role", .string("sample")), ("sample", .integer(Int64(i)))]
        case .base: m += [("role", .string("base"))]
        case .low(let k): m += [("role", .string("low")), ("input", .integer(Int64(k)))]
        case .high(let k): m += [("role", .string("high")), ("input", .integer(Int64(k)))]
        case .noise(let i): m += [("role", .string("noise")), ("sample", .integer(Int64(i)))]
        }
        func numbers(_ xs: [Double]) -> JSONValue { .array(xs.map(ExactNumber.json)) }
        m += [("inputs", numbers(r.inputs)), ("feasible", .bool(r.feasible)),
              ("infeasible_from", r.infeasibleFrom.map { .integer(Int64($0)) } ?? .null),
              ("total_cost", ExactNumber.json(r.totalCost)),
              ("agencies", numbers(r.agencies)), ("year_costs", numbers(r.yearCosts)),
              ("capacity", .array(r.capacity.map(numbers)))]
        return .object(m)
    }

    // MARK: Reading

    /// Reads the shard file at `path`.
    /// - Throws: `Problem` when it cannot be read, is not JSON, or is not a shard file of this version.
    public static func read(path: String) throws(Problem) -> Contents {
        try decode(try json(path: path))
    }

    /// The JSON of the file at `path` (any kind of shard file).
    /// - Throws: `Problem` when it cannot be read, is not UTF-8 or is not complete JSON.
    static func json(path: String) throws(Problem) -> JSONValue {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Problem("cannot be read (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw Problem("is not UTF-8 text") }
        let json: JSONValue
        do {
            json = try JSONValue.parse(text)
        } catch {
            throw Problem("is not complete JSON (line \(error.line), column \(error.column): \(error.problem))")
        }
        return json
    }

    /// The contents of a parsed shard file.
    public static func decode(_ json: JSONValue) throws(Problem) -> Contents {
        guard json["format"]?.string == format else { throw Problem("is not a capsim explore shard file (no \"format\": \"\(format)\")") }
        guard let v = json["version"].flatMap(integer), v == version else {
            throw Problem("has layout version \(json["version"].map { $0.rendered().trimmingCharacters(in: .whitespacesAndNewlines) } ?? "none"); this capsim reads version \(version)")
        }
        let hash = try string(json, "study")
        let index = try int(json, "shard"), count = try int(json, "shards")
        guard let shard = ExploreShard(index: index, count: count) else { throw Problem("has shard \(index) of \(count), which is not a shard") }
        let options = json["options"] ?? .null
        guard options.members != nil else { throw Problem("has no \"options\" object") }
        func optionalInt(_ key: String) throws(Problem) -> Int? {
            guard let v = options[key], v != .null else { return nil }
            guard let n = integer(v) else { throw Problem("option \"\(key)\" is not a whole number") }
            return n
        }
        func optionalSeed(_ key: String) throws(Problem) -> UInt64? { try optionalInt(key).map { UInt64(bitPattern: Int64($0)) } }
        func optionalNumber(_ key: String) throws(Problem) -> Double? {
            guard let v = options[key], v != .null else { return nil }
            guard let x = ExactNumber.value(v) else { throw Problem("option \"\(key)\" is not a number") }
            return x
        }
        var method: UncertaintySpec.Method?
        if let m = options["method"], m != .null {
            guard let name = m.string, let parsed = UncertaintySpec.Method(rawValue: name) else { throw Problem("option \"method\" is not a sampling method") }
            method = parsed
        }
        var files: [ExploreIdentity.EmpiricalFile] = []
        for f in try array(json, "empirical_files") {
            guard let path = f["path"]?.string, let digest = f["digest"]?.string else { throw Problem("has an empirical file without path and digest") }
            files.append(ExploreIdentity.EmpiricalFile(path: path, digest: digest))
        }
        let identity = ExploreIdentity(
            scenarioPath: try string(json, "scenario_path"), baseDirectory: try string(json, "base_directory"),
            scenarioText: try string(json, "scenario_text"),
            overrides: try array(json, "overrides").map { (o: JSONValue) throws(Problem) -> String in
                guard let s = o.string else { throw Problem("has an override that is not a string") }
                return s
            },
            samples: try optionalInt("samples"), method: method, quantile: try optionalNumber("quantile"),
            designSeed: try optionalSeed("design_seed"), noiseCheck: try optionalInt("noise_check"),
            seed: try optionalSeed("seed"), replications: try optionalInt("replications"),
            duration: try optionalNumber("duration"), empiricalFiles: files)
        var results: [ExploreRunResult] = []
        for (k, r) in try array(json, "results").enumerated() {
            do throws(Problem) {
                results.append(try result(r))
            } catch {
                throw Problem("result \(k + 1) \(error.description)")
            }
        }
        return Contents(identity: identity, hash: hash, shard: shard, studyRuns: try int(json, "study_runs"), results: results)
    }

    static func result(_ r: JSONValue) throws(Problem) -> ExploreRunResult {
        let index = try int(r, "index")
        let role: ExploreRunSpec.Role
        switch r["role"]?.string {
        case "sample": role = .sample(try int(r, "sample"))
        case "base": role = .base
        case "low": role = .low(input: try int(r, "input"))
        case "high": role = .high(input: try int(r, "input"))
        case "noise": role = .noise(sample: try int(r, "sample"))
        default: throw Problem("has no valid \"role\" (sample, base, low, high or noise)")
        }
        guard let feasible = r["feasible"]?.bool else { throw Problem("has no \"feasible\" true or false") }
        var infeasibleFrom: Int?
        if let year = r["infeasible_from"], year != .null { infeasibleFrom = try int(r, "infeasible_from") }
        guard feasible == (infeasibleFrom == nil) else {
            throw Problem("has \"feasible\" \(feasible) with \"infeasible_from\" \(infeasibleFrom.map(String.init) ?? "null"); expected a year exactly when the run is infeasible")
        }
        return ExploreRunResult(index: index, role: role, inputs: try numbers(r, "inputs"), feasible: feasible,
                                infeasibleFrom: infeasibleFrom,
                                totalCost: try number(r, "total_cost"), agencies: try numbers(r, "agencies"),
                                yearCosts: try numbers(r, "year_costs"),
                                capacity: try array(r, "capacity").map { (row: JSONValue) throws(Problem) -> [Double] in
                                    try numbers(row, nil)
                                })
    }

    // MARK: Checking

    /// Checks that `contents` holds exactly the results of its shard of `study`: every run of the shard once, in
    /// order, each with the role and inputs the study gives it and as many agencies, years and resources as the
    /// study has. The study must be the one the contents describe (same hash).
    public static func check(_ contents: Contents, against study: ExploreStudy) throws(Problem) {
        guard contents.studyRuns == study.runs.count else {
            throw Problem("records \(contents.studyRuns) runs in the study, which has \(study.runs.count)")
        }
        let expected = study.runs(in: contents.shard)
        guard contents.results.count == expected.count else {
            throw Problem("has \(contents.results.count) results; shard \(contents.shard) of the study has \(expected.count) runs")
        }
        let agencies = study.scenario.agencies.count, years = study.scenario.horizon.yearCount
        let resources = study.scenario.resources.count
        for (r, run) in zip(contents.results, expected) {
            guard r.index == run.index else { throw Problem("has a result for run \(r.index) where run \(run.index) was expected") }
            guard r.role == run.role else { throw Problem("has run \(r.index) with another role than the study gives it") }
            guard r.inputs.count == run.inputs.count,
                  zip(r.inputs, run.inputs).allSatisfy({ $0.bitPattern == $1.bitPattern }) else {
                throw Problem("has run \(r.index) with other input values than the study draws for it")
            }
            guard r.agencies.count == agencies, r.yearCosts.count == years, r.capacity.count == resources,
                  r.capacity.allSatisfy({ $0.count == years }) else {
                throw Problem("has run \(r.index) with other agencies, years or resources than the study")
            }
        }
    }

    // MARK: Members

    static func integer(_ v: JSONValue) -> Int? {
        if case .integer(let n) = v { return Int(exactly: n) }
        return nil
    }

    static func int(_ o: JSONValue, _ key: String) throws(Problem) -> Int {
        guard let v = o[key], let n = integer(v) else { throw Problem("has no whole number \"\(key)\"") }
        return n
    }

    static func string(_ o: JSONValue, _ key: String) throws(Problem) -> String {
        guard let s = o[key]?.string else { throw Problem("has no string \"\(key)\"") }
        return s
    }

    static func array(_ o: JSONValue, _ key: String) throws(Problem) -> [JSONValue] {
        guard let a = o[key]?.items else { throw Problem("has no list \"\(key)\"") }
        return a
    }

    static func number(_ o: JSONValue, _ key: String) throws(Problem) -> Double {
        guard let v = o[key], let x = ExactNumber.value(v) else { throw Problem("has no number \"\(key)\"") }
        return x
    }

    /// The numbers of list `key` of `o`, or of `o` itself when `key` is nil.
    static func numbers(_ o: JSONValue, _ key: String?) throws(Problem) -> [Double] {
        let what = key.map { "\"\($0)\"" } ?? "capacity row"
        guard let items = (key.map { o[$0] } ?? o)?.items else { throw Problem("has no list \(what)") }
        var xs: [Double] = []
        xs.reserveCapacity(items.count)
        for v in items {
            guard let x = ExactNumber.value(v) else { throw Problem("has a value in \(what) that is not a number") }
            xs.append(x)
        }
        return xs
    }
}

/// Doubles written to JSON so that they read back to the same bits: finite numbers as JSON numbers (shortest
/// round-trip form, `JSONValue.format`), and the values JSON has no number for (infinities, NaN, negative zero)
/// as the strings `inf`, `-inf`, `nan` and `-0`.
public enum ExactNumber {
    public static func json(_ x: Double) -> JSONValue {
        if x.isNaN { return .string("nan") }
        if x.isInfinite { return .string(x < 0 ? "-inf" : "inf") }
        if x == 0, x.sign == .minus { return .string("-0") }
        return .number(x)
    }

    /// The number `v` holds, or nil when it holds none.
    public static func value(_ v: JSONValue) -> Double? {
        switch v {
        case .number(let x): return x
        case .integer(let n): return Double(exactly: n)
        case .string("nan"): return .nan
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        case .string("-0"): return -0.0
        default: return nil
        }
    }
}
