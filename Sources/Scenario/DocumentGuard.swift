import Foundation
import Yams

/// Checks a YAML text against `DocumentLimits` before the scenario reader composes and walks it.
///
/// Yams resolves an alias by sharing the node it names, so composing an alias bomb ("billion laughs") is cheap, but
/// everything that walks the composed tree (the reader, the assumptions register) or hashes a mapping key that is an
/// alias walks every expanded copy: exponential time and memory. The guard therefore composes a *neutralised* copy
/// of the text first, in which every `*` is replaced by one private-use character: aliases become plain scalars
/// (at the same line and column), everything else keeps its structure. On that tree, which has no shared nodes, it
/// counts nodes, nesting depth and the expanded size of every alias in one linear pass, in document order, and
/// refuses mapping keys that are aliases, lists or mappings (no scenario key is). The real text is composed only
/// when the copy passed.
enum DocumentGuard {
    /// The problems of `yaml` against `limits`, at most one, located; empty when the text may be composed.
    static func check(_ yaml: String, path: String, limits: DocumentLimits = .standard) -> [Diagnostic] {
        if let tooLarge = sizeProblem(bytes: yaml.utf8.count, path: path, limits: limits) { return [tooLarge] }
        let marker = aliasMarker(for: yaml)
        var neutral = String.UnicodeScalarView()
        neutral.reserveCapacity(yaml.unicodeScalars.count)
        for scalar in yaml.unicodeScalars { neutral.append(scalar == "*" ? marker : scalar) }
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: String(neutral))
            root = try parser.singleRoot()
        } catch {
            // The copy has the same structure and positions as the text, so its syntax error is the text's.
            return [ScenarioLoader.syntaxDiagnostic(error, yaml: yaml, path: path)]
        }
        guard let root else { return [] }
        var walker = Walker(limits: limits, marker: marker, path: path)
        withExtendedLifetime(parser) {  // the parser owns the anchors that the nodes refer to weakly
            _ = walker.size(root, depth: 1)
        }
        return walker.problem.map { [$0] } ?? []
    }

    /// The problem of a file of `bytes` bytes, if it is larger than `limits` allow.
    static func sizeProblem(bytes: Int, path: String, limits: DocumentLimits = .standard) -> Diagnostic? {
        guard bytes > limits.maxBytes else { return nil }
        return Diagnostic(file: path, line: 1, column: 1,
                          message: "the scenario file has more than \(limits.maxBytes) bytes (\(limits.maxBytes >> 20) MiB); expected a smaller YAML file")
    }

    /// A private-use character that does not occur in `yaml`, to stand for `*`.
    static func aliasMarker(for yaml: String) -> Unicode.Scalar {
        var used = Set<UInt32>()
        for scalar in yaml.unicodeScalars where (0xE000...0xE0FF).contains(scalar.value) { used.insert(scalar.value) }
        let value = (0xE000...0xE0FF).first { !used.contains($0) } ?? 0xE000
        return Unicode.Scalar(value)!
    }

    /// One pass over the neutralised tree in document order.
    struct Walker {
        let limits: DocumentLimits
        let marker: Unicode.Scalar
        let path: String
        /// Nodes as written, and after expanding aliases, so far.
        var nodes = 0
        var expanded = 0
        /// Expanded size of the node each anchor names (the latest definition, as Yams resolves them).
        var anchorSizes: [String: Int] = [:]
        var problem: Diagnostic?

        mutating func report(_ mark: Mark?, _ message: String) {
            if problem == nil {
                problem = Diagnostic(file: path, line: max(1, mark?.line ?? 1), column: max(1, mark?.column ?? 1),
                                     message: message)
            }
        }

        /// The name of the alias a neutralised scalar stands for, or nil when it is not an alias.
        func aliasName(_ node: Node) -> String? {
            guard case .scalar(let s) = node, s.style == .plain, s.string.unicodeScalars.first == marker else { return nil }
            return String(String.UnicodeScalarView(s.string.unicodeScalars.dropFirst()))
        }

        /// The expanded size of `node` (nodes after replacing aliases); stops counting after the first problem.
        mutating func size(_ node: Node, depth: Int) -> Int {
            guard problem == nil else { return 0 }
            nodes += 1
            if nodes > limits.maxNodes {
                report(node.mark, "the scenario file has more than \(limits.maxNodes) YAML nodes; expected at most \(limits.maxNodes)")
                return 0
            }
            if depth > limits.maxDepth {
                report(node.mark, "lists and mappings are nested more than \(limits.maxDepth) levels deep here; expected at most \(limits.maxDepth)")
                return 0
            }
            if let name = aliasName(node) {
                let size = anchorSizes[name] ?? 1
                expanded += size
                if expanded > limits.maxExpandedNodes {
                    report(node.mark, "alias '*\(name)' expands to \(size) YAML nodes, which brings the file past \(limits.maxExpandedNodes) nodes once aliases are expanded (an alias bomb?); expected at most \(limits.maxExpandedNodes)")
                    return 0
                }
                return size
            }
            expanded += 1
            if expanded > limits.maxExpandedNodes {
                report(node.mark, "the scenario file has more than \(limits.maxExpandedNodes) YAML nodes once aliases are expanded; expected at most \(limits.maxExpandedNodes)")
                return 0
            }
            var total = 1
            let anchor: Anchor?
            switch node {
            case .scalar(let s):
                anchor = s.anchor
            case .sequence(let seq):
                for item in seq {
                    total += size(item, depth: depth + 1)
                    if problem != nil { return 0 }
                }
                anchor = seq.anchor
            case .mapping(let m):
                for (key, value) in m {
                    if aliasName(key) != nil || key.scalar == nil {
                        let found = aliasName(key).map { "the alias '*\($0)'" } ?? NodeReader.describe(key)
                        report(key.mark, "a key must be a plain name, found \(found); expected keys like 'id' or 'servers'")
                        return 0
                    }
                    total += size(key, depth: depth + 1)
                    total += size(value, depth: depth + 1)
                    if problem != nil { return 0 }
                }
                anchor = m.anchor
            case .alias:
                anchor = nil
            }
            if let anchor { anchorSizes[anchor.rawValue] = total }
            return total
        }
    }
}
