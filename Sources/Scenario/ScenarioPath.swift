/// The address of a value in a scenario file, as written on the command line (`--set PATH=VALUE`) and in
/// `uncertainty.inputs`: keys separated by dots, list items chosen by their `id` (`pools.eauth.servers`) or, for
/// items without an id, by position (`workloads.login.route[1].service.mean`, `targets[0].p95`). `*` in place of
/// an id or `[*]` in place of a position matches every item at that level.
public struct ScenarioPath: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        /// A mapping key, or (in a list) the id of an item.
        case name(String)
        /// The position of a list item, from 0.
        case index(Int)
        /// Every item of a list (`*` or `[*]`).
        case every
    }

    public var segments: [Segment]

    public init(segments: [Segment]) { self.segments = segments }

    /// Parses `a.b[2].c`; throws a message when the text is not a path.
    public init(parsing text: String) throws(ScenarioPathError) {
        var segments: [Segment] = []
        guard !text.isEmpty else { throw ScenarioPathError(text: text, problem: "the path is empty") }
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            guard !rest.isEmpty else { throw ScenarioPathError(text: text, problem: "a path segment is empty (two dots in a row, or a dot at an end)") }
            let nameEnd = rest.firstIndex(of: "[") ?? rest.endIndex
            let name = rest[..<nameEnd]
            if !name.isEmpty { segments.append(name == "*" ? .every : .name(String(name))) }
            rest = rest[nameEnd...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]") else {
                    throw ScenarioPathError(text: text, problem: "'\(part)' has an unclosed or stray bracket; expected NAME[INDEX]")
                }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if inside == "*" {
                    segments.append(.every)
                } else if let i = Int(inside), i >= 0 {
                    segments.append(.index(i))
                } else {
                    throw ScenarioPathError(text: text, problem: "'[\(inside)]' is not a list position; expected a whole number >= 0 or *")
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        self.segments = segments
    }

    /// The path as written: `a.b[2].c`, `workloads.*.arrivals.rate`.
    public var description: String {
        var out = ""
        for s in segments {
            switch s {
            case .name(let n): out += out.isEmpty ? n : ".\(n)"
            case .index(let i): out += "[\(i)]"
            case .every: out += out.isEmpty ? "*" : ".*"
            }
        }
        return out
    }

    /// True when the path matches several values (it holds `*`).
    public var hasWildcard: Bool { segments.contains(.every) }

    /// The last mapping key of the path, if it ends in one.
    public var lastKey: String? {
        if case .name(let n) = segments.last { return n }
        return nil
    }

    /// The path with one more segment.
    public func appending(_ segment: Segment) -> ScenarioPath { ScenarioPath(segments: segments + [segment]) }
}

/// A path that cannot be read.
public struct ScenarioPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var problem: String
    public var description: String { "invalid path '\(text)': \(problem)" }
}
