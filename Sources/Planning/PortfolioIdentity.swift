import Foundation
import Scenario

/// What a portfolio plan is, independent of where and how it runs: the portfolio's name, every member in order
/// (its id, its file and origin as the document names them, its scenario text, the overrides that make it, how its
/// agencies enter the consolidation, the contents of the empirical CSV files it reads) and the options that change
/// results (seed, replications, measured duration). Two shards with the same `hash` plan members of the same
/// portfolio with the same results, so their member plans can be consolidated together.
///
/// Unlike an explore study's identity, the member files are part of the hash: they appear in the document, and a
/// merge must write exactly the bytes the unsharded `capsim portfolio plan --json` writes.
public struct PortfolioIdentity: Sendable, Equatable {
    /// Version of what the hash covers; a change makes older shard files another portfolio (recomputed, not mixed).
    public static let version = 1

    public var name: String
    /// Member ids in member order.
    public var members: [String]
    /// Simulation seed, replications and measured duration (seconds) of every member plan, as given.
    public var seed: UInt64?
    public var replications: Int?
    public var duration: Double?
    /// `fnv1a64:` and 16 hex digits of everything above and of every member's file, origin, scenario text,
    /// overrides, agency treatments and empirical file contents.
    public let hash: String

    /// The identity of `portfolio` planned with `overrides`; reads the members' empirical files to digest them.
    public init(_ portfolio: Portfolio, _ overrides: RunStudy.Overrides) {
        name = portfolio.name
        members = portfolio.members.map(\.id)
        seed = overrides.seed
        replications = overrides.replications
        duration = overrides.duration
        var h = FNV1a64()
        func field(_ name: String, _ value: String?) {
            // Length-prefixed, so no value can run into the next one.
            let text = value ?? "-"
            h.add("\(name) \(value == nil ? "none" : String(text.utf8.count)):\(text)\n")
        }
        field("capsim portfolio plan", String(Self.version))
        field("portfolio", portfolio.name)
        field("seed", overrides.seed.map { String($0) })
        field("replications", overrides.replications.map { String($0) })
        field("duration", overrides.duration.map { "\($0)" })
        field("year", overrides.year.map { String($0) })
        field("members", String(portfolio.members.count))
        for m in portfolio.members {
            field("member", m.id)
            field("file", m.file)
            field("origin", m.origin)
            field("generated", m.generated ? "yes" : "no")
            field("scenario", m.source.text)
            field("overrides", String(m.overrides.count))
            for o in m.overrides { field("set", o.argument) }
            field("agencies", String(m.agencies.count))
            for (agency, treatment) in m.agencies.sorted(by: { $0.key < $1.key }) {
                switch treatment {
                case .exclude: field("exclude", agency)
                case .rename(let id, let name): field("rename", agency); field("to", id); field("named", name)
                }
            }
            field("empirical files", String(m.scenario.empiricalFiles.count))
            for path in m.scenario.empiricalFiles {
                field("empirical", FileManager.default.contents(atPath: path).map { FNV1a64.digest($0) } ?? "unreadable")
            }
        }
        hash = h.hex
    }
}
