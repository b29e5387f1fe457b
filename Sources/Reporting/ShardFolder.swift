import Foundation
import Planning

/// A folder of shard files, `shard-I-of-N.json`, as `capsim merge DIR` finds it: written by `capsim explore
/// --shard` (runs of an explore study) or by `capsim portfolio plan --shard` (members of a portfolio).
public enum ShardFolder {
    /// What the shard files of a folder are shards of.
    public enum Kind: Sendable, Equatable {
        case explore
        case portfolioPlan
    }

    /// Every `shard-I-of-N.json` in `directory`, by shard index; they all have the same N.
    /// - Throws: `ExploreMerge.Failure.noShards` (no folder, or no shard file in it), `.mixed` (several shard counts).
    public static func list(_ directory: String) throws(ExploreMerge.Failure) -> [(shard: ExploreShard, path: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noShards(directory: directory, reason: "no such folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .noShards(directory: directory, reason: "cannot list the folder (\(error.localizedDescription))")
        }
        let found = names.compactMap { name in shard(named: name).map { (shard: $0, path: ExploreMerge.path(directory, name)) } }
            .sorted { ($0.shard.count, $0.shard.index) < ($1.shard.count, $1.shard.index) }
        guard !found.isEmpty else { throw .noShards(directory: directory, reason: "no shard files in the folder") }
        let counts = Dictionary(grouping: found, by: \.shard.count)
        if counts.count > 1 {
            throw .mixed(directory: directory, what: "shard counts",
                         groups: counts.keys.sorted().map { n in ("of \(n) shards", counts[n]!.map(\.path)) })
        }
        return found
    }

    /// What the shard files in `directory` are shards of, from the `format` each file begins with. A file whose
    /// format cannot be seen counts as an explore shard (the explore merge then says what is wrong with it).
    /// - Throws: `ExploreMerge.Failure` as `list` does, and `.mixed` when explore and portfolio shards are mixed.
    public static func kind(_ directory: String) throws(ExploreMerge.Failure) -> Kind {
        let found = try list(directory)
        var byKind: [Kind: [String]] = [:]
        for f in found { byKind[format(of: f.path) == PortfolioShardFile.format ? .portfolioPlan : .explore, default: []].append(f.path) }
        if byKind.count > 1 {
            throw .mixed(directory: directory, what: "kinds of study",
                         groups: [("portfolio plan shards", byKind[.portfolioPlan]!), ("explore shards", byKind[.explore]!)])
        }
        return byKind.keys.first!
    }

    /// The `format` a shard file begins with (both kinds of shard file are written with `format` first), read from
    /// its first bytes only; nil when the file cannot be read or does not begin so.
    static func format(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 256) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let match = text.range(of: #"^\{\s*"format"\s*:\s*"[^"\\]*""#, options: .regularExpression) else { return nil }
        let head = text[match].dropLast()
        return head.lastIndex(of: "\"").map { String(head[head.index(after: $0)...]) }
    }

    /// The shard a file name names (`shard-I-of-N.json`, plain decimal numbers), or nil.
    static func shard(named name: String) -> ExploreShard? {
        guard name.hasPrefix("shard-"), name.hasSuffix(".json") else { return nil }
        let middle = name.dropFirst(6).dropLast(5)
        let parts = middle.components(separatedBy: "-of-")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let i = Int(parts[0]), let n = Int(parts[1]), String(i) == parts[0], String(n) == parts[1] else { return nil }
        return ExploreShard(index: i, count: n)
    }
}
