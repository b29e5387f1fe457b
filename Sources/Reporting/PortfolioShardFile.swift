import Foundation
import Planning
import Scenario

/// The file of one shard of a portfolio plan, `DIR/shard-I-of-N.json` (`capsim portfolio plan FILE --shard I/N
/// --out DIR`): the portfolio's hash (`PortfolioIdentity`), its name and member ids, the shard, and, for each member
/// whose position is I modulo N, what the consolidation needs of its plan (`MemberPlanSummary`) and how its
/// agencies enter the consolidation, with numbers that read back to the same bits. `capsim merge DIR` consolidates
/// the shards of every member into exactly the document `capsim portfolio plan --json` writes.
///
/// Written atomically once every member of the shard is planned; checked (`check`) before it is kept or merged.
public enum PortfolioShardFile {
    /// The `format` member, saying what the file is (the first member of the file, see `ShardFolder.format`).
    public static let format = "capsim portfolio shard"
    /// The `version` member: the layout of the file.
    public static let version = 1

    /// What a shard file holds.
    public struct Contents: Sendable {
        /// The portfolio hash as recorded.
        public var hash: String
        public var shard: ExploreShard
        public var portfolio: String
        /// Every member id of the portfolio, in member order.
        public var members: [String]
        /// The shard's members: position in `members`, summary of its plan, agency treatments.
        public var plans: [(index: Int, summary: MemberPlanSummary, agencies: [String: AgencyTreatment])]
    }

    public typealias Problem = ExploreShardFile.Problem

    /// The positions of `shard`'s members among `count` members.
    public static func indices(_ shard: ExploreShard, members count: Int) -> [Int] {
        (0..<count).filter { shard.contains(run: $0) }
    }

    // MARK: Writing

    /// The shard file of `summaries` (the members of `shard` of `portfolio`, in member order).
    public static func json(_ portfolio: Portfolio, identity: PortfolioIdentity, shard: ExploreShard,
                            summaries: [MemberPlanSummary]) -> JSONValue {
        func optional<T>(_ value: T?, _ render: (T) -> JSONValue) -> JSONValue { value.map(render) ?? .null }
        let byID = Dictionary(uniqueKeysWithValues: portfolio.members.enumerated().map { ($1.id, (index: $0, member: $1)) })
        let plans: [JSONValue] = summaries.map { s in
            let m = byID[s.id]!
            return .object([
                ("index", .integer(Int64(m.index))), ("id", .string(s.id)), ("file", .string(s.file)),
                ("origin", .string(s.origin)), ("generated", .bool(s.generated)), ("currency", .string(s.currency)),
                ("years", .array(s.years.map { .integer(Int64($0)) })), ("feasible", .bool(s.feasible)),
                ("total_cost", ExactNumber.json(s.totalCost)), ("demand_growth", ExactNumber.json(s.demandGrowth)),
                ("demand_added_per_day", ExactNumber.json(s.demandAdded)),
                ("agencies", .array(s.agencies.map { a in
                    .object([("id", .string(a.id)), ("name", .string(a.name)), ("total_cost", ExactNumber.json(a.totalCost)),
                             ("by_year", .object(a.byYear.sorted { $0.key < $1.key }.map { (String($0.key), ExactNumber.json($0.value)) }))])
                })),
                ("consolidation", .object(m.member.agencies.sorted { $0.key < $1.key }.map { agency, t in
                    switch t {
                    case .exclude: return (agency, .string("exclude"))
                    case .rename(let id, let name): return (agency, .object([("id", .string(id)), ("name", optional(name) { .string($0) })]))
                    }
                })),
            ])
        }
        return .object([
            ("format", .string(format)), ("version", .integer(Int64(version))),
            ("study", .string(identity.hash)),
            ("shard", .integer(Int64(shard.index))), ("shards", .integer(Int64(shard.count))),
            ("portfolio", .string(portfolio.name)),
            ("portfolio_path", .string(portfolio.path)),
            ("options", .object([
                ("seed", optional(identity.seed) { .integer(Int64(bitPattern: $0)) }),
                ("replications", optional(identity.replications) { .integer(Int64($0)) }),
                ("duration", optional(identity.duration) { ExactNumber.json($0) }),
            ])),
            ("members", .array(portfolio.members.map { .string($0.id) })),
            ("plans", .array(plans)),
        ])
    }

    // MARK: Reading

    /// Reads the shard file at `path`.
    /// - Throws: `Problem` when it cannot be read, is not JSON, or is not a portfolio shard file of this version.
    public static func read(path: String) throws(Problem) -> Contents {
        try decode(try ExploreShardFile.json(path: path))
    }

    /// The contents of a parsed shard file.
    public static func decode(_ json: JSONValue) throws(Problem) -> Contents {
        typealias F = ExploreShardFile
        guard json["format"]?.string == format else { throw Problem("is not a capsim portfolio shard file (no \"format\": \"\(format)\")") }
        guard let v = json["version"].flatMap(F.integer), v == version else {
            throw Problem("has layout version \(json["version"].map { $0.rendered().trimmingCharacters(in: .whitespacesAndNewlines) } ?? "none"); this capsim reads version \(version)")
        }
        let hash = try F.string(json, "study")
        let index = try F.int(json, "shard"), count = try F.int(json, "shards")
        guard let shard = ExploreShard(index: index, count: count) else { throw Problem("has shard \(index) of \(count), which is not a shard") }
        let members = try F.array(json, "members").map { (m: JSONValue) throws(Problem) -> String in
            guard let s = m.string else { throw Problem("has a member id that is not a string") }
            return s
        }
        var plans: [(index: Int, summary: MemberPlanSummary, agencies: [String: AgencyTreatment])] = []
        for (k, p) in try F.array(json, "plans").enumerated() {
            do throws(Problem) {
                plans.append(try plan(p))
            } catch {
                throw Problem("member plan \(k + 1) \(error.description)")
            }
        }
        return Contents(hash: hash, shard: shard, portfolio: try F.string(json, "portfolio"), members: members, plans: plans)
    }

    static func plan(_ p: JSONValue) throws(Problem) -> (index: Int, summary: MemberPlanSummary, agencies: [String: AgencyTreatment]) {
        typealias F = ExploreShardFile
        guard let feasible = p["feasible"]?.bool else { throw Problem("has no \"feasible\" true or false") }
        guard let generated = p["generated"]?.bool else { throw Problem("has no \"generated\" true or false") }
        let years = try F.array(p, "years").map { (y: JSONValue) throws(Problem) -> Int in
            guard let n = F.integer(y) else { throw Problem("has a year that is not a whole number") }
            return n
        }
        var agencies: [MemberPlanSummary.Agency] = []
        for a in try F.array(p, "agencies") {
            guard let byYear = a["by_year"]?.members else { throw Problem("has an agency without \"by_year\"") }
            var costs: [Int: Double] = [:]
            for (key, value) in byYear {
                guard let y = Int(key), let x = ExactNumber.value(value) else { throw Problem("has a cost by year that is not YEAR: number") }
                costs[y] = x
            }
            agencies.append(MemberPlanSummary.Agency(id: try F.string(a, "id"), name: try F.string(a, "name"),
                                                     totalCost: try F.number(a, "total_cost"), byYear: costs))
        }
        var treatments: [String: AgencyTreatment] = [:]
        guard let consolidation = p["consolidation"]?.members else { throw Problem("has no \"consolidation\" object") }
        for (agency, t) in consolidation {
            if t.string == "exclude" {
                treatments[agency] = .exclude
            } else if let id = t["id"]?.string {
                treatments[agency] = .rename(id: id, name: t["name"]?.string)
            } else {
                throw Problem("has agency '\(agency)' consolidated neither as \"exclude\" nor as {id, name}")
            }
        }
        let summary = MemberPlanSummary(id: try F.string(p, "id"), file: try F.string(p, "file"), origin: try F.string(p, "origin"),
                                        generated: generated, currency: try F.string(p, "currency"), years: years, feasible: feasible,
                                        totalCost: try F.number(p, "total_cost"), agencies: agencies,
                                        demandGrowth: try F.number(p, "demand_growth"), demandAdded: try F.number(p, "demand_added_per_day"))
        return (try F.int(p, "index"), summary, treatments)
    }

    // MARK: Checking

    /// Checks that `contents` holds exactly one plan for each member of its shard, in member order, each under the
    /// id the member list gives its position.
    public static func check(_ contents: Contents) throws(Problem) {
        let expected = indices(contents.shard, members: contents.members.count)
        guard contents.plans.map(\.index) == expected else {
            throw Problem("has plans of members at positions \(contents.plans.map { String($0.index + 1) }.joined(separator: ", ")); shard \(contents.shard) of \(contents.members.count) members has \(expected.map { String($0 + 1) }.joined(separator: ", "))")
        }
        for p in contents.plans where contents.members[p.index] != p.summary.id {
            throw Problem("has a plan of member '\(p.summary.id)' at position \(p.index + 1), which is member '\(contents.members[p.index])'")
        }
    }
}
