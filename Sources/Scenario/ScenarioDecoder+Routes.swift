import InfraModel
import SimKernel
import Yams

/// Route steps: `pool`, `link`, `limit`, `delay`, and the nesting steps `branch` and `fork`.
extension ScenarioDecoder {
    /// A route as read, with the mark of every step, alternative and fork branch by its path (see
    /// `RouteWalk.StepPath`), so that continuity problems are reported where they are written.
    struct DecodedRoute {
        var steps: [RouteStep] = []
        var marks: [RouteWalk.StepPath: Mark] = [:]
    }

    static let stepKinds = ["pool", "link", "limit", "delay", "branch", "fork"]
    static let stepShapes = "{pool: ID, service: ...}, {link: ID}, {limit: ID}, {delay: DURATION}, {branch: [...]} or {fork: [...]}"

    /// The steps of a route list; nil (reported) when any is invalid.
    /// - Parameters:
    ///   - what: how the list is named in messages ("'route' of workload 'x'").
    ///   - owner: how its steps are placed in messages ("the route of workload 'x'", "alternative 1 of step 2 of ...").
    func decodeSteps(_ node: Node, what: String, owner: String, prefix: RouteWalk.StepPath,
                     marks: inout [RouteWalk.StepPath: Mark]) -> [RouteStep]? {
        guard case .sequence = node else {
            r.report(node.mark, "\(what) must be a list of steps, found \(NodeReader.describe(node))")
            return nil
        }
        var steps: [RouteStep] = []
        var ok = true
        for (i, item) in r.list(node, what).enumerated() {
            let path = prefix + [i]
            if let mark = item.mark { marks[path] = mark }
            if let step = decodeStep(item, context: "step \(i + 1) of \(owner)", path: path, marks: &marks) {
                steps.append(step)
            } else {
                ok = false
            }
        }
        return ok ? steps : nil
    }

    func decodeStep(_ node: Node, context: String, path: RouteWalk.StepPath, marks: inout [RouteWalk.StepPath: Mark]) -> RouteStep? {
        guard case .mapping(let m) = node else {
            r.report(node.mark, "\(context) must be \(Self.stepShapes), found \(NodeReader.describe(node))")
            return nil
        }
        let kinds = Self.stepKinds.filter { m[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first else {
            if kinds.count > 1 {
                r.report(m.mark, "\(context) names \(kinds.map { "'\($0)'" }.joined(separator: " and ")); expected exactly one of: \(Self.stepKinds.joined(separator: ", "))")
            } else if r.fields(node, context: context, allowed: Self.stepKinds + ["service", "size"]) != nil {
                r.report(m.mark, "\(context) names no step; expected \(Self.stepShapes)")
            }
            return nil
        }
        switch kind {
        case "pool":
            guard let f = r.fields(node, context: context, allowed: ["pool", "service"], required: ["pool", "service"])
            else { return nil }
            let pool = reference(f, "pool", kind: "pool", plural: "pools", in: poolIDs)
            let service = r.distribution(f, "service", kind: .duration)
            guard let pool, let service else { return nil }
            return .pool(id: pool, service: service)
        case "link":
            guard let f = r.fields(node, context: context, allowed: ["link", "size"], required: ["link"]) else { return nil }
            let link = reference(f, "link", kind: "link", plural: "links", in: linkIDs)
            let size = r.distribution(f, "size", kind: .size)
            if f.has("size") && size == nil { return nil }
            guard let link else { return nil }
            return .link(id: link, size: size)
        case "limit":
            guard let f = r.fields(node, context: context, allowed: ["limit"], required: ["limit"]) else { return nil }
            return reference(f, "limit", kind: "limiter", plural: "limiters", in: limiterIDs).map { .limit(id: $0) }
        case "delay":
            guard let f = r.fields(node, context: context, allowed: ["delay"], required: ["delay"]) else { return nil }
            return r.distribution(f, "delay", kind: .duration).map { .delay($0) }
        case "branch":
            guard let f = r.fields(node, context: context, allowed: ["branch"], required: ["branch"]),
                  let list = f["branch"] else { return nil }
            return decodeBranch(list, context: context, path: path, marks: &marks)
        default:
            guard let f = r.fields(node, context: context, allowed: ["fork"], required: ["fork"]),
                  let list = f["fork"] else { return nil }
            return decodeFork(list, context: context, path: path, marks: &marks)
        }
    }

    /// `branch: [{p: P, route: [...]}, ...]` with probabilities summing to 1 (±1e-9).
    private func decodeBranch(_ node: Node, context: String, path: RouteWalk.StepPath,
                              marks: inout [RouteWalk.StepPath: Mark]) -> RouteStep? {
        let expected = "a list of alternatives {p: PROBABILITY, route: [STEPS]}"
        guard case .sequence = node else {
            r.report(node.mark, "'branch' in \(context) must be \(expected), found \(NodeReader.describe(node))")
            return nil
        }
        let items = r.list(node, "'branch' in \(context)")
        guard !items.isEmpty else {
            r.report(node.mark, "'branch' in \(context) is empty; expected \(expected)")
            return nil
        }
        var alternatives: [RouteAlternative] = []
        var ok = true
        for (j, item) in items.enumerated() {
            let where_ = "alternative \(j + 1) of \(context)"
            if let mark = item.mark { marks[path + [j]] = mark }
            guard let f = r.fields(item, context: where_, allowed: ["p", "route", "description"], required: ["p"]) else {
                ok = false
                continue
            }
            let p = r.quantity(f, "p", expected: "a probability (like 0.85 or 85%)", Units.fraction)
            var steps: [RouteStep]? = []
            if let routeNode = f["route"] {
                steps = decodeSteps(routeNode, what: "'route' of \(where_)", owner: where_, prefix: path + [j], marks: &marks)
            } else {
                let mark = f.keyMark("route") ?? f.mark
                let problem = f.keyMark("route") == nil ? "missing required key 'route'" : "missing value for 'route'"
                r.report(mark, "\(problem) in \(where_); expected a list of steps, or [] to skip")
                steps = nil
            }
            guard let p, let steps else {
                ok = false
                continue
            }
            alternatives.append(RouteAlternative(probability: p, route: steps))
        }
        guard ok else { return nil }
        let total = alternatives.reduce(0) { $0 + $1.probability }
        guard abs(total - 1) <= 1e-9 else {
            let written = alternatives.map { Self.shortNumber($0.probability) }.joined(separator: " + ")
            r.report(node.mark, "the probabilities of the branch in \(context) sum to \(Self.shortNumber(total)) (\(written)); expected them to sum to 1 (±1e-9)")
            return nil
        }
        return .branch(alternatives)
    }

    /// `fork: [[...], [...]]`: each branch a non-empty list of steps.
    private func decodeFork(_ node: Node, context: String, path: RouteWalk.StepPath,
                            marks: inout [RouteWalk.StepPath: Mark]) -> RouteStep? {
        let expected = "a list of branches, each a list of steps ([[{pool: a, service: 30ms}], [{pool: b, service: 30ms}]])"
        guard case .sequence = node else {
            r.report(node.mark, "'fork' in \(context) must be \(expected), found \(NodeReader.describe(node))")
            return nil
        }
        let items = r.list(node, "'fork' in \(context)")
        guard !items.isEmpty else {
            r.report(node.mark, "'fork' in \(context) is empty; expected \(expected)")
            return nil
        }
        var branches: [[RouteStep]] = []
        var ok = true
        for (j, item) in items.enumerated() {
            let where_ = "fork branch \(j + 1) of \(context)"
            if let mark = item.mark { marks[path + [j]] = mark }
            if case .sequence(let seq) = item, seq.isEmpty {
                r.report(item.mark, "\(where_) is empty; expected at least one step")
                ok = false
                continue
            }
            if let steps = decodeSteps(item, what: where_, owner: where_, prefix: path + [j], marks: &marks) {
                branches.append(steps)
            } else {
                ok = false
            }
        }
        return ok ? .fork(branches) : nil
    }

    static func shortNumber(_ x: Double) -> String {
        let s = String(format: "%.12g", x)
        return s
    }

    /// Follows the request along the route from its origin (`RouteWalk`), reporting each step that does not
    /// continue from where the request is, and each alternative or fork branch that does not end where it began,
    /// at its line and column; returns the origin (resolved when not given).
    func checkRoute(_ route: DecodedRoute, origin: String?, workload: String) -> String? {
        let walk = RouteWalk(route: route.steps, origin: origin, poolSite: { self.poolSite[$0] },
                             linkEnds: { self.linkEnds[$0] }, limiterSite: { self.limiterSite[$0] })
        for problem in walk.problems {
            r.report(route.marks[problem.step],
                     "\(RouteWalk.describe(problem.step, in: route.steps)) of the route of \(workload) \(problem.message)")
        }
        if walk.origin == nil, origin == nil, !route.steps.isEmpty {
            r.report(route.marks[[0]], "the origin of \(workload) cannot be found from its route (no pool, link or limit step); expected an 'origin' site")
        }
        return walk.origin
    }
}
