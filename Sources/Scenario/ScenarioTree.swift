import Yams

/// The YAML tree of a scenario file, which overrides edit before it is decoded.
///
/// A replaced value keeps the file position of the value it replaces (a new key takes its mapping's position), so a
/// problem with an overridden value is reported where that value sits in the file, and is attributed to the
/// override that put it there.
struct ScenarioTree {
    var root: Node

    /// Where an override put a value: the file position, and the key it created (nil when it replaced a value).
    struct Placement: Equatable {
        var line: Int
        var column: Int
        var createdKey: String?
        /// The path of the created key's parent plus the key, for suggestions.
        var createdAt: ScenarioPath?
    }

    /// Puts `value` at `path` (every match of a wildcard), creating missing mapping keys on the way.
    /// - Returns: where each value was put.
    mutating func set(_ path: ScenarioPath, to value: Node, argument: String) throws(UnknownScenarioPath) -> [Placement] {
        var placements: [Placement] = []
        try Self.set(&root, path.segments[...], value: value, prefix: ScenarioPath(segments: []), argument: argument,
                     placements: &placements)
        return placements
    }

    /// Every value at `path` (wildcards expanded), with its concrete path; empty when nothing matches.
    func values(at path: ScenarioPath) -> [(path: ScenarioPath, node: Node)] {
        var out: [(ScenarioPath, Node)] = []
        Self.collect(root, path.segments[...], prefix: ScenarioPath(segments: []), into: &out)
        return out
    }

    // MARK: - Reading

    private static func collect(_ node: Node, _ rest: ArraySlice<ScenarioPath.Segment>, prefix: ScenarioPath,
                                into out: inout [(ScenarioPath, Node)]) {
        guard let first = rest.first else { out.append((prefix, node)); return }
        let tail = rest.dropFirst()
        switch (node, first) {
        case (.mapping(let m), .name(let key)):
            if let (_, value) = NodeReader.mergedPairs(m).first(where: { $0.0.scalar?.string == key }) {
                collect(value, tail, prefix: prefix.appending(first), into: &out)
            }
        case (.sequence(let s), .name(let id)):
            if let item = s.first(where: { NodeReader.peekID($0) == id }) {
                collect(item, tail, prefix: prefix.appending(first), into: &out)
            }
        case (.sequence(let s), .index(let i)):
            if i < s.count { collect(s[i], tail, prefix: prefix.appending(first), into: &out) }
        case (.sequence(let s), .every):
            for (i, item) in s.enumerated() {
                let segment: ScenarioPath.Segment = NodeReader.peekID(item).map { .name($0) } ?? .index(i)
                collect(item, tail, prefix: prefix.appending(segment), into: &out)
            }
        default:
            break
        }
    }

    // MARK: - Editing

    private static func set(_ node: inout Node, _ rest: ArraySlice<ScenarioPath.Segment>, value: Node, prefix: ScenarioPath,
                            argument: String, placements: inout [Placement]) throws(UnknownScenarioPath) {
        guard let first = rest.first else { return }
        let tail = rest.dropFirst()
        let here = prefix.appending(first)
        switch node {
        case .mapping(var m):
            guard case .name(let key) = first else {
                throw UnknownScenarioPath(argument: argument, problem: "'\(prefix)' is a mapping of keys, not a list", suggestion: nil)
            }
            let existing = NodeReader.mergedPairs(m).first { $0.0.scalar?.string == key }
            if tail.isEmpty {
                let mark = existing?.1.mark ?? m.mark
                Self.put(key, Self.relocated(value, to: mark), in: &m)
                placements.append(Placement(line: mark?.line ?? 1, column: mark?.column ?? 1,
                                            createdKey: existing == nil ? key : nil, createdAt: existing == nil ? here : nil))
            } else {
                var child: Node
                if let existing {
                    child = existing.1
                } else {
                    child = .mapping(Node.Mapping([], .implicit, .block, m.mark))
                    let mark = m.mark
                    placements.append(Placement(line: mark?.line ?? 1, column: mark?.column ?? 1, createdKey: key, createdAt: here))
                }
                try set(&child, tail, value: value, prefix: here, argument: argument, placements: &placements)
                Self.put(key, child, in: &m)
            }
            node = .mapping(m)
        case .sequence(var s):
            let indices: [Int]
            switch first {
            case .name(let id):
                let ids = s.compactMap(NodeReader.peekID)
                guard let i = s.firstIndex(where: { NodeReader.peekID($0) == id }) else {
                    let nearest = NodeReader.suggestion(for: id, among: ids)
                    let defined = ids.isEmpty ? "it has no items with an id" : "ids there: \(ids.joined(separator: ", "))"
                    throw UnknownScenarioPath(argument: argument, problem: "'\(prefix)' has no item with id '\(id)' (\(defined))",
                                              suggestion: nearest.map { Self.replacing(here, with: .name($0), tail) })
                }
                indices = [i]
            case .index(let i):
                guard i < s.count else {
                    throw UnknownScenarioPath(argument: argument,
                                              problem: "'\(prefix)' has \(s.count) items; positions run from 0 to \(s.count - 1)",
                                              suggestion: nil)
                }
                indices = [i]
            case .every:
                indices = Array(s.indices)
            }
            if tail.isEmpty {
                for i in indices {
                    let mark = s[i].mark
                    s[i] = Self.relocated(value, to: mark)
                    placements.append(Placement(line: mark?.line ?? 1, column: mark?.column ?? 1, createdKey: nil, createdAt: nil))
                }
            } else {
                for i in indices {
                    var item = s[i]
                    try set(&item, tail, value: value, prefix: here, argument: argument, placements: &placements)
                    s[i] = item
                }
            }
            node = .sequence(s)
        case .scalar, .alias:
            throw UnknownScenarioPath(argument: argument,
                                      problem: "'\(prefix)' is a single value, so it has no '\(ScenarioPath(segments: [first]))'; set '\(prefix)' whole",
                                      suggestion: nil)
        }
    }

    /// Sets `key` in the mapping's own pairs (a key only merged in with `<<:` is added, and wins over the merge).
    /// A new key node takes the mapping's position, so problems with it are reported there.
    static func put(_ key: String, _ value: Node, in m: inout Node.Mapping) {
        var pairs = Array(m).map { ($0.key, $0.value) }
        if let i = pairs.firstIndex(where: { $0.0.scalar?.string == key }) {
            pairs[i].1 = value
        } else {
            pairs.append((Node.scalar(Node.Scalar(key, .implicit, .plain, m.mark)), value))
        }
        m = Node.Mapping(pairs, m.tag, m.style, m.mark)
    }

    /// `value` with every node placed at `mark`, so problems with it are reported where it replaced something.
    static func relocated(_ value: Node, to mark: Mark?) -> Node {
        switch value {
        case .scalar(var s):
            s.mark = mark
            return .scalar(s)
        case .mapping(var m):
            m = Node.Mapping(m.map { (relocated($0.key, to: mark), relocated($0.value, to: mark)) }, m.tag, m.style, mark)
            return .mapping(m)
        case .sequence(var s):
            s = Node.Sequence(s.map { relocated($0, to: mark) }, s.tag, s.style, mark)
            return .sequence(s)
        case .alias:
            return value
        }
    }

    /// A path whose segment `here` is replaced, followed by `tail`: the text of a suggested path.
    static func replacing(_ here: ScenarioPath, with segment: ScenarioPath.Segment,
                          _ tail: ArraySlice<ScenarioPath.Segment>) -> String {
        ScenarioPath(segments: Array(here.segments.dropLast()) + [segment] + tail).description
    }
}
