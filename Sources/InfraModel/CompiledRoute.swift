import SimKernel

/// What one instruction of a compiled route does.
enum StepKind: UInt8, Sendable {
    /// Service at a pool (`index` = pool).
    case pool
    /// A transfer over one direction of a link (`index` = direction, 2 × link + 0 forward / 1 reverse).
    case link
    /// Take a token from a limiter (`index` = limiter).
    case limit
    /// Wait `service` seconds without using capacity.
    case delay
    /// Jump to one alternative of branch table `index`, chosen at random.
    case branch
    /// Start every branch of fork table `index`; the request waits at the join.
    case fork
    /// End of a fork branch: the branch's request is done and its parent may continue.
    case join
    /// Continue at instruction `index` (the end of an alternative).
    case jump
}

/// One instruction of a workload's compiled route. A route is a flat program: nested alternatives and fork
/// branches are laid out inline, each alternative ends with a `jump` past the branch (the last falls through),
/// each fork branch ends with a `join`, and the request completes when it runs past the last instruction.
struct CompiledStep: Sendable {
    let kind: StepKind
    /// Pool, link direction, limiter, branch table or fork table index, or jump target (see `StepKind`).
    let index: Int32
    /// Service time in seconds (pool steps) or the delay in seconds (delay steps).
    let service: Sampler?
    /// Bytes carried (link steps).
    let size: Sampler?
    /// Expected visits per request: the product of the probabilities of the alternatives it sits in (1 outside
    /// branches; every fork branch is visited).
    let visits: Double

    init(_ kind: StepKind, index: Int32 = 0, service: Sampler? = nil, size: Sampler? = nil, visits: Double) {
        self.kind = kind
        self.index = index
        self.service = service
        self.size = size
        self.visits = visits
    }
}

/// The alternatives of one `branch`: a uniform draw u picks the first alternative with u < cumulative.
struct CompiledBranch: Sendable {
    /// Cumulative probabilities; the last is +∞ so that rounding never leaves a draw unmatched.
    let cumulative: [Double]
    /// Instruction where each alternative starts.
    let targets: [Int32]
}

/// The branches of one `fork`.
struct CompiledFork: Sendable {
    /// Instruction where each branch starts.
    let starts: [Int32]
    /// Instruction where the request continues once every branch has joined.
    let join: Int32
}

/// Lays a nested route out as a flat program (see `CompiledStep`), taking link directions from the route walk.
struct RouteCompiler {
    let workload: WorkloadConfiguration
    let walk: RouteWalk
    /// Site index of the workload's origin.
    let origin: Int
    let poolIndex: [String: Int]
    let linkIndex: [String: Int]
    let limiterIndex: [String: Int]
    let directions: [CompiledDirection]
    var steps: [CompiledStep] = []
    var branches: [CompiledBranch] = []
    var forks: [CompiledFork] = []

    init(workload: WorkloadConfiguration, walk: RouteWalk, origin: Int, poolIndex: [String: Int],
         linkIndex: [String: Int], limiterIndex: [String: Int], directions: [CompiledDirection]) {
        self.workload = workload
        self.walk = walk
        self.origin = origin
        self.poolIndex = poolIndex
        self.linkIndex = linkIndex
        self.limiterIndex = limiterIndex
        self.directions = directions
    }

    func fail(_ path: RouteWalk.StepPath, _ message: String) -> ModelError {
        ModelError("workload '\(workload.id)' \(RouteWalk.describe(path, in: workload.route)): \(message)")
    }

    mutating func emit(_ route: [RouteStep], prefix: RouteWalk.StepPath, visits: Double) throws {
        for (i, step) in route.enumerated() {
            let path = prefix + [i]
            switch step {
            case .pool(let id, let service):
                guard let p = poolIndex[id] else { throw fail(path, "pool '\(id)' is not defined") }
                if let problem = service.parameterProblem { throw fail(path, problem) }
                steps.append(CompiledStep(.pool, index: Int32(p), service: service.sampler(), visits: visits))
            case .link(let id, let size):
                guard let l = linkIndex[id] else { throw fail(path, "link '\(id)' is not defined") }
                let d = walk.forward[path] == true ? 2 * l : 2 * l + 1
                let site = directions[d].to
                let carried = size ?? (site == origin ? workload.responseSize : workload.requestSize)
                if let problem = carried.parameterProblem { throw fail(path, "size: \(problem)") }
                steps.append(CompiledStep(.link, index: Int32(d), size: carried.sampler(), visits: visits))
            case .limit(let id):
                guard let l = limiterIndex[id] else { throw fail(path, "limiter '\(id)' is not defined") }
                steps.append(CompiledStep(.limit, index: Int32(l), visits: visits))
            case .delay(let duration):
                if let problem = duration.parameterProblem { throw fail(path, "delay: \(problem)") }
                steps.append(CompiledStep(.delay, service: duration.sampler(), visits: visits))
            case .branch(let alternatives):
                guard !alternatives.isEmpty else { throw fail(path, "a branch needs at least one alternative") }
                let total = alternatives.reduce(0) { $0 + $1.probability }
                guard alternatives.allSatisfy({ $0.probability >= 0 && $0.probability <= 1 }), abs(total - 1) <= 1e-9 else {
                    throw fail(path, "branch probabilities must be in [0, 1] and sum to 1 (±1e-9), found a sum of \(total)")
                }
                let table = branches.count
                branches.append(CompiledBranch(cumulative: [], targets: []))
                steps.append(CompiledStep(.branch, index: Int32(table), visits: visits))
                var targets: [Int32] = []
                var jumps: [Int] = []
                for (j, a) in alternatives.enumerated() {
                    targets.append(Int32(steps.count))
                    try emit(a.route, prefix: path + [j], visits: visits * a.probability)
                    if j < alternatives.count - 1 {
                        jumps.append(steps.count)
                        steps.append(CompiledStep(.jump, visits: visits * a.probability))
                    }
                }
                let after = Int32(steps.count)
                for k in jumps { steps[k] = CompiledStep(.jump, index: after, visits: steps[k].visits) }
                var cumulative: [Double] = []
                var sum = 0.0
                for a in alternatives {
                    sum += a.probability
                    cumulative.append(sum)
                }
                cumulative[cumulative.count - 1] = .infinity
                branches[table] = CompiledBranch(cumulative: cumulative, targets: targets)
            case .fork(let parallel):
                guard !parallel.isEmpty, parallel.count <= 10_000 else { throw fail(path, "a fork needs 1 to 10000 branches") }
                let table = forks.count
                forks.append(CompiledFork(starts: [], join: 0))
                steps.append(CompiledStep(.fork, index: Int32(table), visits: visits))
                var starts: [Int32] = []
                for (j, b) in parallel.enumerated() {
                    starts.append(Int32(steps.count))
                    try emit(b, prefix: path + [j], visits: visits)
                    steps.append(CompiledStep(.join, visits: visits))
                }
                forks[table] = CompiledFork(starts: starts, join: Int32(steps.count))
            }
        }
    }
}
