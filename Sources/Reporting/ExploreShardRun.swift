import Foundation
import Planning
import Scenario

/// Runs one shard of an explore study into its file, `DIR/shard-I-of-N.json`, unless a complete file of the same
/// study is already there (resume after a crash, a pre-emption or a cancelled array task).
public enum ExploreShardRun {
    /// What is already in the shard's file.
    public enum Existing: Sendable {
        /// No file: the shard must be planned.
        case absent
        /// A complete file of this shard of this study: it is kept, not recomputed.
        case complete(runs: Int)
        /// A file that must be recomputed, and why (partial or corrupt, another study, another shard).
        case unusable(reason: String)
    }

    /// The path of `shard`'s file in `directory` (spelt as the folder was given).
    public static func path(_ shard: ExploreShard, in directory: String) -> String {
        ExploreMerge.path(directory, ExploreShardFile.name(shard))
    }

    /// What the file of `shard` of `study` in `directory` holds.
    public static func existing(_ study: ExploreStudy, identity: ExploreIdentity, shard: ExploreShard,
                                in directory: String) -> Existing {
        let file = path(shard, in: directory)
        guard FileManager.default.fileExists(atPath: file) else { return .absent }
        do {
            let contents = try ExploreShardFile.read(path: file)
            let hash = identity.hash
            guard contents.hash == hash else {
                return .unusable(reason: "it belongs to another study (\(contents.hash); this one is \(hash))")
            }
            guard contents.identity.hash == hash else {
                return .unusable(reason: "its recorded scenario and options do not match its study hash (edited or corrupt)")
            }
            guard contents.shard == shard else {
                return .unusable(reason: "it holds shard \(contents.shard), not \(shard)")
            }
            try ExploreShardFile.check(contents, against: study)
            return .complete(runs: contents.results.count)
        } catch {
            return .unusable(reason: "it \(error)")
        }
    }

    /// Plans the runs of `shard` on up to `jobs` threads and writes its file atomically (creating `directory`).
    /// - Returns: the path written and the number of runs planned.
    /// - Throws: what planning throws, `AtomicFile.Failure` when the file cannot be written.
    public static func compute(_ study: ExploreStudy, identity: ExploreIdentity, shard: ExploreShard, in directory: String,
                               jobs: Int, limits: RunLimits,
                               progress: (@Sendable (Int) -> Void)? = nil) throws -> (path: String, runs: Int) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.Failure.cannotCreate(path: directory, reason: error.localizedDescription)
        }
        let selected = study.runs(in: shard)
        let results = try study.execute(selected, jobs: jobs, limits: limits, progress: progress)
        let file = path(shard, in: directory)
        try AtomicFile.write(ExploreShardFile.json(study, identity: identity, shard: shard, results: results).rendered(), to: file)
        return (file, results.count)
    }
}
