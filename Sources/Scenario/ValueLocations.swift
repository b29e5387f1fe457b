import Yams

/// Where the values that size a simulation are written in the scenario file, so that a limit exceeded by a
/// scenario (`RunLimits`) can be reported at the value to change. Read from the YAML tree after it was decoded;
/// values that come from a `<<:` merge are located where the merged mapping writes them.
public struct ValueLocations: Sendable, Equatable {
    /// The `simulation` mapping, and its `duration`, `warmup` and `replications` values.
    public var simulation: SourceLocation?
    public var duration: SourceLocation?
    public var warmup: SourceLocation?
    public var replications: SourceLocation?
    /// The `horizon` mapping and its `to` value.
    public var horizon: SourceLocation?
    public var horizonTo: SourceLocation?
    /// Per pool id: its mapping, and its `servers`, `concurrency`, `max_servers`, `failures` and `redundancy` values.
    public var pools: [String: SourceLocation] = [:]
    public var servers: [String: SourceLocation] = [:]
    public var concurrency: [String: SourceLocation] = [:]
    public var maxServers: [String: SourceLocation] = [:]
    public var failures: [String: SourceLocation] = [:]
    public var redundancy: [String: SourceLocation] = [:]
    /// Per workload id: its mapping, its `arrivals.rate` value and its `route` list.
    public var workloads: [String: SourceLocation] = [:]
    public var rates: [String: SourceLocation] = [:]
    public var routes: [String: SourceLocation] = [:]

    public init() {}

    /// The locations in the composed tree of a scenario file.
    init(root: Node, file: String) {
        func location(_ node: Node?) -> SourceLocation? {
            guard let mark = node?.mark else { return nil }
            return SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column))
        }
        let top = Self.fields(root)
        simulation = location(top["simulation"])
        if let s = top["simulation"].map(Self.fields) {
            duration = location(s["duration"])
            warmup = location(s["warmup"])
            replications = location(s["replications"])
        }
        horizon = location(top["horizon"])
        horizonTo = location(top["horizon"].map(Self.fields)?["to"])
        for item in Self.items(top["pools"]) {
            guard let id = NodeReader.peekID(item) else { continue }
            let f = Self.fields(item)
            pools[id] = location(item)
            servers[id] = location(f["servers"])
            concurrency[id] = location(f["concurrency"])
            maxServers[id] = location(f["max_servers"])
            failures[id] = location(f["failures"])
            redundancy[id] = location(f["redundancy"])
        }
        for item in Self.items(top["workloads"]) {
            guard let id = NodeReader.peekID(item) else { continue }
            let f = Self.fields(item)
            workloads[id] = location(item)
            rates[id] = location(f["arrivals"].map(Self.fields)?["rate"])
            routes[id] = location(f["route"])
        }
    }

    /// The first location among `candidates` that is known.
    public static func first(_ candidates: SourceLocation?...) -> SourceLocation? {
        candidates.lazy.compactMap { $0 }.first
    }

    /// The values of a mapping by key (merges expanded; empty when `node` is not a mapping).
    static func fields(_ node: Node) -> [String: Node] {
        guard case .mapping(let m) = node else { return [:] }
        var out: [String: Node] = [:]
        for (key, value) in NodeReader.mergedPairs(m) {
            if let name = key.scalar?.string, out[name] == nil { out[name] = value }
        }
        return out
    }

    /// The items of a list (empty when `node` is not a list).
    static func items(_ node: Node?) -> [Node] {
        guard case .sequence(let s)? = node else { return [] }
        return Array(s)
    }
}
