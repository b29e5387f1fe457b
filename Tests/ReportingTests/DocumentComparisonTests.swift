import Foundation
import Reporting
import Testing

@Suite("capsim compare")
struct DocumentComparisonTests {
    static func results(utilization: Double, ci: Double, servers: Int, met: Bool) -> JSONValue {
        .object([("scenario", .string("x")), ("seed", .integer(1)), ("replications", .integer(5)), ("duration", .integer(600)),
                 ("pools", .object([("p", .object([("servers", .integer(Int64(servers))),
                                                   ("utilization", .object([("mean", .number(utilization)), ("ci95", .number(ci))]))]))])),
                 ("links", .object([])), ("workloads", .object([])),
                 ("targets", .array([.object([("subject", .string("pool:p")), ("metric", .string("max_utilization")),
                                              ("met", .bool(met))])]))])
    }

    static func plan(_ items: [(year: Int, cost: Double, opex: Double)], energy: [(String, Double)] = [], servers: [Int]) -> JSONValue {
        let total = items.reduce(0.0) { $0 + $1.cost + $1.opex * Double(2027 - $1.year) } + energy.reduce(0) { $0 + $1.1 }
        return .object([
            ("scenario", .string("x")), ("currency", .string("VND")), ("years", .array([.integer(2025), .integer(2026), .integer(2027)])),
            ("total_cost", .number(total)),
            ("agencies", .object([("a", .object([("total_cost", .number(total)),
                                                  ("energy", .object(energy.map { ($0.0, .number($0.1)) })),
                                                  ("items", .array(items.map { .object([("year", .integer(Int64($0.year))),
                                                                                        ("cost", .number($0.cost)),
                                                                                        ("opex_per_year", .number($0.opex))]) }))]))])),
            ("capacity", .array(zip([2025, 2026, 2027], servers).map { y, s in
                .object([("year", .integer(Int64(y))), ("servers", .object([("p", .integer(Int64(s)))]))]) })),
        ])
    }

    func row(_ o: DocumentComparison.Outcome, _ metric: String) -> DocumentComparison.Row? { o.rows.first { $0.metric == metric } }

    @Test func aDifferenceBeyondTheCombinedIntervalIsSignificant() throws {
        // |0.80 − 0.70| = 0.10 > √(0.03² + 0.04²) = 0.05.
        let o = try DocumentComparison.compare(Self.results(utilization: 0.7, ci: 0.03, servers: 4, met: true),
                                               Self.results(utilization: 0.8, ci: 0.04, servers: 3, met: false), aPath: "a", bPath: "b")
        let u = try #require(row(o, "pools.p.utilization.mean"))
        #expect(abs(u.difference! - 0.1) < 1e-12)
        #expect(u.significant == true)
        #expect(row(o, "pools.p.servers")?.difference == -1)
        #expect(row(o, "targets.pool:p.max_utilization.met")?.a == 1 && row(o, "targets.pool:p.max_utilization.met")?.b == 0)
    }

    @Test func aDifferenceWithinTheCombinedIntervalIsNotSignificant() throws {
        // |0.74 − 0.70| = 0.04 < 0.05.
        let o = try DocumentComparison.compare(Self.results(utilization: 0.7, ci: 0.03, servers: 4, met: true),
                                               Self.results(utilization: 0.74, ci: 0.04, servers: 4, met: true), aPath: "a", bPath: "b")
        #expect(row(o, "pools.p.utilization.mean")?.significant == false)
    }

    @Test func planCostsPerYearIncludePurchasesUpkeepOfEarlierOnesAndEnergy() throws {
        let a = Self.plan([(2025, 100, 10), (2026, 50, 5)], servers: [1, 2, 2])
        let b = Self.plan([(2025, 100, 10)], energy: [("2027", 7)], servers: [1, 1, 1])
        let o = try DocumentComparison.compare(a, b, aPath: "a", bPath: "b")
        #expect(row(o, "agencies.a.2025")?.a == 100)
        #expect(row(o, "agencies.a.2026")?.a == 60)       // 50 bought + 10 upkeep of 2025's
        #expect(row(o, "agencies.a.2027")?.a == 15)       // upkeep of both
        #expect(row(o, "agencies.a.2027")?.b == 17)       // 10 upkeep + 7 energy
        #expect(row(o, "capacity.2026.servers.p")?.difference == -1)
        #expect(row(o, "total_cost")?.difference == b["total_cost"]!.double! - a["total_cost"]!.double!)
    }

    @Test func documentsOfDifferentKindsAreRefused() {
        #expect(throws: DocumentComparison.Failure.self) {
            try DocumentComparison.compare(Self.results(utilization: 0.7, ci: 0.03, servers: 4, met: true),
                                           Self.plan([], servers: [1, 1, 1]), aPath: "a", bPath: "b")
        }
        #expect(throws: DocumentComparison.Failure.self) {
            try DocumentComparison.compare(.object([("x", .integer(1))]), .object([("x", .integer(1))]), aPath: "a", bPath: "b")
        }
    }
}
