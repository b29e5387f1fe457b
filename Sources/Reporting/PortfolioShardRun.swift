import Foundation
import Planning
import Scenario

/// Plans one shard of a portfolio into its file, `DIR/shard-I-of-N.json`, unless a complete file of the same
/// portfolio is already there (resume after a crash, a pre-emption or a cancelled array task).
public enum PortfolioShardRun {
    public typealias Existing = ExploreShardRun.Existing

    /// What the file of `shard` of the portfolio with `identity` in `directory` holds.
    public static func existing(_ identity: PortfolioIdentity, shard: ExploreShard, in directory: String) -> Existing {
        let file = ExploreShardRun.path(shard, in: directory)
        guard FileManager.default.fileExists(atPath: file) else { return .absent }
        do {
            let contents = try PortfolioShardFile.read(path: file)
            guard contents.hash == identity.hash else {
                return .unusable(reason: "it belongs to another portfolio or other options (\(contents.hash); this one is \(identity.hash))")
            }
            guard contents.shard == shard else { return .unusable(reason: "it holds shard \(contents.shard), not \(shard)") }
            guard contents.members == identity.members else {
                return .unusable(reason: "its member list is not the portfolio's (edited or corrupt)")
            }
            try PortfolioShardFile.check(contents)
            return .complete(runs: contents.plans.count)
        } catch {
            return .unusable(reason: "it \(error)")
        }
    }

    /// Plans the members of `shard` (up to `jobs` at a time) and writes its file atomically (creating `directory`).
    /// - Returns: the path written and the shard's member summaries.
    /// - Throws: what planning throws (`PortfolioMemberError`), `AtomicFile.Failure` when the file cannot be written.
    public static func compute(_ portfolio: Portfolio, _ overrides: RunStudy.Overrides, identity: PortfolioIdentity,
                               shard: ExploreShard, in directory: String, jobs: Int, limits: RunLimits,
                               progress: (@Sendable (Int) -> Void)? = nil) throws -> (path: String, summaries: [MemberPlanSummary]) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.Failure.cannotCreate(path: directory, reason: error.localizedDescription)
        }
        let indices = PortfolioShardFile.indices(shard, members: portfolio.members.count)
        let planned = try PortfolioStudy.planMembers(portfolio, indices: indices, overrides, jobs: jobs, limits: limits, progress: progress)
        let summaries = planned.map(\.summary)
        let file = ExploreShardRun.path(shard, in: directory)
        try AtomicFile.write(PortfolioShardFile.json(portfolio, identity: identity, shard: shard, summaries: summaries).rendered(), to: file)
        return (file, summaries)
    }
}
