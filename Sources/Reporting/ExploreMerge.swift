import Foundation
import Planning
import Scenario

/// Gathers the shard files of an explore study (`capsim merge DIR`): finds every `shard-I-of-N.json` in a folder,
/// checks that they are all there and all of one study, rebuilds the study from the identity they record, and
/// returns every run result in run order, so that the analysis and the document are those of the unsharded study.
public enum ExploreMerge {
    /// Why the shards cannot be merged.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The folder cannot be listed, or holds no shard file (sysexits 66).
        case noShards(directory: String, reason: String)
        /// Some shards have no file (sysexits 66): every missing shard's index, and the command that plans a shard
        /// (`capsim explore FILE`, `capsim portfolio plan FILE`).
        case missing(directory: String, shards: Int, indices: [Int], command: String = "capsim explore FILE")
        /// Shard files of different studies or different shard counts (sysexits 65): each group of files.
        case mixed(directory: String, what: String, groups: [(label: String, paths: [String])])
        /// A shard file that cannot be used (sysexits 65).
        case invalid(path: String, reason: String)

        public var description: String {
            switch self {
            case .noShards(let d, let reason):
                return "\(d): error: \(reason); expected the shard-I-of-N.json files written by capsim explore FILE --shard I/N --out \(d) "
                    + "or capsim portfolio plan FILE --shard I/N --out \(d)"
            case .missing(let d, let n, let indices, let command):
                let paths = indices.map { path(d, ExploreShardFile.name(ExploreShard(index: $0, count: n)!)) }
                return "\(d): error: \(indices.count) of \(n) shard files missing: " + paths.joined(separator: ", ")
                    + "; plan them with \(command) --shard I/\(n) --out \(d) for I = "
                    + indices.map(String.init).joined(separator: ", ") + " (shards already complete are kept)"
            case .mixed(let d, let what, let groups):
                return "\(d): error: the shard files are not all of one study (\(what) differ): "
                    + groups.map { "\($0.label): \($0.paths.joined(separator: ", "))" }.joined(separator: "; ")
                    + "; keep one study's shards in a folder"
            case .invalid(let p, let reason):
                return "\(p): error: the shard file \(reason)"
            }
        }

        /// sysexits status: 66 for absent input, 65 for unusable input.
        public var exitStatus: Int32 {
            switch self {
            case .noShards, .missing: return 66
            case .mixed, .invalid: return 65
            }
        }
    }

    /// The merged study.
    public struct Merged: Sendable {
        public var study: ExploreStudy
        /// Every run's result, in run order.
        public var results: [ExploreRunResult]
        public var shards: Int
        public var hash: String
    }

    /// Reads and checks the shard files in `directory`.
    /// - Throws: `Failure`; `ScenarioError` or `ExploreStudy.Failure` when the recorded study cannot be rebuilt
    ///   (an empirical file gone, say).
    public static func load(directory: String) throws -> Merged {
        let found = try ShardFolder.list(directory)
        let first = found[0]
        var contents: [(path: String, contents: ExploreShardFile.Contents)] = []
        for f in found {
            do throws(ExploreShardFile.Problem) {
                let c = try ExploreShardFile.read(path: f.path)
                guard c.shard == f.shard else { throw ExploreShardFile.Problem("holds shard \(c.shard), not \(f.shard) as its name says") }
                contents.append((f.path, c))
            } catch {
                throw Failure.invalid(path: f.path, reason: error.description)
            }
        }
        var order: [String] = []
        var byHash: [String: [String]] = [:]
        for c in contents {
            if byHash[c.contents.hash] == nil { order.append(c.contents.hash) }
            byHash[c.contents.hash, default: []].append(c.path)
        }
        if order.count > 1 {
            throw Failure.mixed(directory: directory, what: "study hashes", groups: order.map { ("study \($0)", byHash[$0]!) })
        }
        for c in contents where c.contents.identity.hash != c.contents.hash {
            throw Failure.invalid(path: c.path, reason: "records a scenario and options whose hash is \(c.contents.identity.hash), not its study hash \(c.contents.hash) (edited or corrupt); recompute it")
        }
        let n = first.shard.count
        let present = Set(found.map(\.shard.index))
        let missing = (0..<n).filter { !present.contains($0) }
        if !missing.isEmpty {
            throw Failure.missing(directory: directory, shards: n, indices: missing)
        }
        let study = try contents[0].contents.identity.study()
        var results: [ExploreRunResult] = []
        results.reserveCapacity(study.runs.count)
        for c in contents {
            do {
                try ExploreShardFile.check(c.contents, against: study)
            } catch {
                throw Failure.invalid(path: c.path, reason: error.description)
            }
            results += c.contents.results
        }
        results.sort { $0.index < $1.index }
        return Merged(study: study, results: results, shards: n, hash: order[0])
    }

    /// `name` in `directory`, spelt as the folder was given.
    static func path(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
