import Foundation
import Planning
import Scenario

/// Consolidates the shard files of a portfolio plan (`capsim merge DIR` on the files of `capsim portfolio plan
/// --shard`): checks that they are all there and all of one portfolio and options, puts every member's plan
/// summary back in member order, and consolidates them as the unsharded plan does, so that the document is
/// byte for byte the one `capsim portfolio plan --json` writes.
public enum PortfolioMerge {
    public typealias Failure = ExploreMerge.Failure

    /// The consolidated portfolio.
    public struct Merged: Sendable {
        public var plan: PortfolioPlan
        public var shards: Int
        public var hash: String
    }

    /// Reads, checks and consolidates the shard files in `directory`.
    /// - Throws: `Failure` (66 when the folder has no shard file or some are missing, 65 when they are of
    ///   several portfolios or cannot be used).
    public static func load(directory: String) throws(Failure) -> Merged {
        let found = try ShardFolder.list(directory)
        var contents: [(path: String, contents: PortfolioShardFile.Contents)] = []
        for f in found {
            do throws(PortfolioShardFile.Problem) {
                let c = try PortfolioShardFile.read(path: f.path)
                guard c.shard == f.shard else { throw PortfolioShardFile.Problem("holds shard \(c.shard), not \(f.shard) as its name says") }
                contents.append((f.path, c))
            } catch {
                throw .invalid(path: f.path, reason: error.description)
            }
        }
        var order: [String] = []
        var byHash: [String: [String]] = [:]
        for c in contents {
            if byHash[c.contents.hash] == nil { order.append(c.contents.hash) }
            byHash[c.contents.hash, default: []].append(c.path)
        }
        if order.count > 1 {
            throw .mixed(directory: directory, what: "portfolio hashes (portfolio, members or options)",
                         groups: order.map { ("portfolio \($0)", byHash[$0]!) })
        }
        let reference = contents[0].contents
        for c in contents where c.contents.members != reference.members || c.contents.portfolio != reference.portfolio {
            throw .invalid(path: c.path, reason: "records another portfolio name or member list than \(contents[0].path) under the same hash (edited or corrupt); recompute it")
        }
        let n = found[0].shard.count
        let present = Set(found.map(\.shard.index))
        let missing = (0..<n).filter { !present.contains($0) }
        if !missing.isEmpty {
            throw .missing(directory: directory, shards: n, indices: missing, command: "capsim portfolio plan FILE")
        }
        var byIndex: [Int: MemberPlanSummary] = [:]
        var treatments: [String: [String: AgencyTreatment]] = [:]
        for c in contents {
            do throws(PortfolioShardFile.Problem) {
                try PortfolioShardFile.check(c.contents)
            } catch {
                throw .invalid(path: c.path, reason: error.description)
            }
            for p in c.contents.plans {
                byIndex[p.index] = p.summary
                treatments[p.summary.id] = p.agencies
            }
        }
        let summaries = reference.members.indices.map { byIndex[$0]! }
        return Merged(plan: PortfolioPlan(name: reference.portfolio, members: summaries, treatments: treatments), shards: n, hash: order[0])
    }
}
