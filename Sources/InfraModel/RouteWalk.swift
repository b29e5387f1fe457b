/// The one check of route continuity, shared by the scenario reader (which reports problems at their line and
/// column) and `CompiledModel` (which needs each link step's direction).
///
/// A request starts at its workload's origin. A pool step must be at the site where the request is; a link step
/// must have one end there and moves the request to the other end.
public struct RouteWalk: Sendable, Equatable {
    /// Where a step sits in a route: its index in the route (nested steps will add indices).
    public typealias StepPath = [Int]

    /// A step that does not continue from where the request is.
    public struct Problem: Sendable, Equatable {
        public var step: StepPath
        /// What is wrong and what was expected, without naming the step (the caller does).
        public var message: String
    }

    /// The origin: as given, or the first step's site (a pool's site, or a link's `from`); nil when it cannot
    /// be resolved because the first step names an unknown resource.
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
    public init(route: [RouteStep], origin: String?, poolSite: (String) -> String?,
                linkEnds: (String) -> (from: String, to: String)?) {
        var start = origin
        if start == nil, let first = route.first {
            switch first {
            case .pool(let id, _): start = poolSite(id)
            case .link(let id, _): start = linkEnds(id)?.from
            }
        }
        self.origin = start
        guard var current = start else { return }
        for (index, step) in route.enumerated() {
            let path = [index]
            switch step {
            case .pool(let id, _):
                guard let site = poolSite(id) else { return }
                if site != current {
                    problems.append(Problem(step: path, message: "uses pool '\(id)' at site '\(site)', but the request is at site '\(current)'; expected a pool at '\(current)' or a link step from '\(current)' towards '\(site)' before it"))
                    current = site
                }
            case .link(let id, _):
                guard let ends = linkEnds(id) else { return }
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
            }
        }
    }
}
