/// The one check of route continuity, shared by the scenario reader (which reports problems at their line and
/// column) and `CompiledModel` (which needs each link step's direction).
///
/// A request starts at its workload's origin. A pool or limit step must be at the site where the request is; a
/// link step must have one end there and moves the request to the other end; a delay step keeps it where it is.
/// Every alternative of a `branch` and every branch of a `fork` starts at the site where the step began and must
/// end there again.
public struct RouteWalk: Sendable, Equatable {
    /// Where a step sits in a route, as an index path: `[i]` is step i of the route; `[i, j]` is alternative j of
    /// a `branch` (or branch j of a `fork`) at step i; `[i, j, k]` is step k inside it, and so on.
    public typealias StepPath = [Int]

    /// A step that does not continue from where the request is, or an alternative / fork branch that does not
    /// end where it began.
    public struct Problem: Sendable, Equatable {
        public var step: StepPath
        /// What is wrong and what was expected, without naming the step (the caller does, e.g. with `describe`).
        public var message: String
    }

    /// The origin: as given, or the first located step's site (a pool's or limiter's site, or a link's `from`);
    /// nil when it cannot be resolved because that step names an unknown resource or the route has none.
    public var origin: String?
    public var problems: [Problem] = []
    /// For each link step: true when it runs from the link's `from` end to its `to` end.
    public var forward: [StepPath: Bool] = [:]
    /// For each link step: the site the request arrives at.
    public var arrival: [StepPath: String] = [:]

    /// Walks `route` from `origin`.
    /// - Parameters:
    ///   - poolSite: the site of a pool id (nil for an unknown pool: the walk stops there, the caller reports it).
    ///   - linkEnds: the `from` and `to` sites of a link id (nil for an unknown link).
    ///   - limiterSite: the site of a limiter id (nil for an unknown limiter).
    public init(route: [RouteStep], origin: String?, poolSite: (String) -> String?,
                linkEnds: (String) -> (from: String, to: String)?,
                limiterSite: (String) -> String? = { _ in nil }) {
        var start = origin
        if start == nil { start = Self.firstSite(route, poolSite: poolSite, linkEnds: linkEnds, limiterSite: limiterSite) }
        self.origin = start
        guard let start else { return }
        let walker = withoutActuallyEscaping(poolSite) { poolSite in
            withoutActuallyEscaping(linkEnds) { linkEnds in
                withoutActuallyEscaping(limiterSite) { limiterSite in
                    var walker = Walker(poolSite: poolSite, linkEnds: linkEnds, limiterSite: limiterSite)
                    _ = walker.walk(route, prefix: [], from: start)
                    return (walker.problems, walker.forward, walker.arrival)
                }
            }
        }
        (problems, forward, arrival) = walker
    }

    /// The site the first located step in route order needs the request at; nil if none or unknown.
    static func firstSite(_ route: [RouteStep], poolSite: (String) -> String?,
                          linkEnds: (String) -> (from: String, to: String)?, limiterSite: (String) -> String?) -> String? {
        for step in route {
            switch step {
            case .pool(let id, _): return poolSite(id)
            case .link(let id, _): return linkEnds(id)?.from
            case .limit(let id): return limiterSite(id)
            case .delay: continue
            case .branch(let alternatives):
                for a in alternatives where !a.route.isEmpty {
                    if let s = firstSite(a.route, poolSite: poolSite, linkEnds: linkEnds, limiterSite: limiterSite) { return s }
                }
            case .fork(let branches):
                for b in branches {
                    if let s = firstSite(b, poolSite: poolSite, linkEnds: linkEnds, limiterSite: limiterSite) { return s }
                }
            }
        }
        return nil
    }

    /// Names the step or alternative at `path` in `route` for messages: "step 3", "alternative 1 of step 3",
    /// "step 2 of fork branch 1 of step 3".
    public static func describe(_ path: StepPath, in route: [RouteStep]) -> String {
        var parts: [String] = []
        var steps = route
        var k = 0
        while k < path.count {
            let i = path[k]
            parts.append("step \(i + 1)")
            guard k + 1 < path.count, i < steps.count else { break }
            let j = path[k + 1]
            switch steps[i] {
            case .branch(let alternatives):
                parts.append("alternative \(j + 1)")
                steps = j < alternatives.count ? alternatives[j].route : []
            case .fork(let branches):
                parts.append("fork branch \(j + 1)")
                steps = j < branches.count ? branches[j] : []
            default:
                steps = []
            }
            k += 2
        }
        return parts.reversed().joined(separator: " of ")
    }
}

/// The walk itself, with the resource look-ups it needs.
private struct Walker {
    typealias StepPath = RouteWalk.StepPath
    typealias Problem = RouteWalk.Problem
    let poolSite: (String) -> String?
    let linkEnds: (String) -> (from: String, to: String)?
    let limiterSite: (String) -> String?
    var problems: [Problem] = []
    var forward: [StepPath: Bool] = [:]
    var arrival: [StepPath: String] = [:]

    /// Walks `steps` (at `prefix`) from `site`; returns where the request ends, or nil when an unknown resource
    /// stopped the walk.
    mutating func walk(_ steps: [RouteStep], prefix: StepPath, from site: String) -> String? {
        var current = site
        for (index, step) in steps.enumerated() {
            let path = prefix + [index]
            switch step {
            case .pool(let id, _):
                guard let site = poolSite(id) else { return nil }
                if site != current {
                    problems.append(Problem(step: path, message: "uses pool '\(id)' at site '\(site)', but the request is at site '\(current)'; expected a pool at '\(current)' or a link step from '\(current)' towards '\(site)' before it"))
                    current = site
                }
            case .limit(let id):
                guard let site = limiterSite(id) else { return nil }
                if site != current {
                    problems.append(Problem(step: path, message: "uses limiter '\(id)' at site '\(site)', but the request is at site '\(current)'; expected a limiter at '\(current)' or a link step from '\(current)' towards '\(site)' before it"))
                    current = site
                }
            case .link(let id, _):
                guard let ends = linkEnds(id) else { return nil }
                if ends.from == current {
                    forward[path] = true
                    current = ends.to
                } else if ends.to == current {
                    forward[path] = false
                    current = ends.from
                } else {
                    problems.append(Problem(step: path, message: "uses link '\(id)' between sites '\(ends.from)' and '\(ends.to)', but the request is at site '\(current)'; expected a link with one end at '\(current)'"))
                    forward[path] = true
                    current = ends.to
                }
                arrival[path] = current
            case .delay:
                break
            case .branch(let alternatives):
                for (j, a) in alternatives.enumerated() {
                    guard let end = walk(a.route, prefix: path + [j], from: current) else { return nil }
                    if end != current {
                        problems.append(Problem(step: path + [j], message: "ends at site '\(end)', but the branch began at site '\(current)'; expected every alternative to end where the branch began (add a link step back to '\(current)')"))
                    }
                }
            case .fork(let branches):
                for (j, b) in branches.enumerated() {
                    guard let end = walk(b, prefix: path + [j], from: current) else { return nil }
                    if end != current {
                        problems.append(Problem(step: path + [j], message: "ends at site '\(end)', but the fork began at site '\(current)'; expected every fork branch to end where the fork began (add a link step back to '\(current)')"))
                    }
                }
            }
        }
        return current
    }
}
