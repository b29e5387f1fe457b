import InfraModel
import Yams

/// `events:`: time-bounded load spikes (`workload`, `rate_factor`) and capacity losses (`pool`, `servers_down`).
extension ScenarioDecoder {
    static let eventKeys = ["name", "at", "for", "workload", "rate_factor", "pool", "servers_down", "description"]

    func decodeEvent(_ node: Node, index: Int, simulation: SimulationSettings?) -> ScheduledEvent? {
        let named = NodeReader.peekName(node).map { "event '\($0)'" } ?? "event #\(index + 1)"
        guard let f = r.fields(node, context: named, allowed: Self.eventKeys, required: ["at", "for"]) else { return nil }
        let name = r.text(f, "name") ?? "event \(index + 1)"
        let at = wholeSeconds(f, "at", positive: false)
        let length = wholeSeconds(f, "for", positive: true)
        if let at, let simulation, at >= simulation.warmup + simulation.duration {
            r.report(f["at"]?.mark, "\(named) starts at \(Int(at)) s, after the run ends (warm-up + duration = \(Int(simulation.warmup + simulation.duration)) s); expected an earlier 'at'")
        }
        let onWorkload = f.has("workload") || f.has("rate_factor")
        let onPool = f.has("pool") || f.has("servers_down")
        guard onWorkload != onPool else {
            r.report(f.mark, "\(named) must be either a load spike {workload: ID, rate_factor: X} or a capacity loss {pool: ID, servers_down: N}")
            return nil
        }
        let change: ScheduledEvent.Change?
        if onWorkload {
            let missing = ["workload", "rate_factor"].filter { !f.has($0) }
            if let key = missing.first { r.report(f.mark, "missing required key '\(key)' in \(named) (a load spike needs workload and rate_factor)") }
            let workload = f.has("workload") ? reference(f, "workload", kind: "workload", plural: "workloads", in: workloadIDs) : nil
            var factor: Double?
            if let node = f["rate_factor"], let x = r.number(node, "'rate_factor' in \(named)", expected: "a number >= 0") {
                if x >= 0 && x.isFinite { factor = x } else { r.report(node.mark, "'rate_factor' in \(named) must be >= 0, found \(node.scalar?.string ?? "\(x)")") }
            }
            change = workload.flatMap { w in factor.map { .rateFactor(workload: w, factor: $0) } }
        } else {
            let missing = ["pool", "servers_down"].filter { !f.has($0) }
            if let key = missing.first { r.report(f.mark, "missing required key '\(key)' in \(named) (a capacity loss needs pool and servers_down)") }
            let pool = f.has("pool") ? reference(f, "pool", kind: "pool", plural: "pools", in: poolIDs) : nil
            let count = r.integer(f, "servers_down", minimum: 1)
            change = pool.flatMap { p in count.map { .serversDown(pool: p, count: $0) } }
        }
        guard let at, let length, let change else { return nil }
        return ScheduledEvent(name: name, at: at, duration: length, change: change)
    }

    /// A duration in whole seconds (events have second resolution).
    private func wholeSeconds(_ f: Fields, _ key: String, positive: Bool) -> Double? {
        guard let value = r.quantity(f, key, expected: "a duration (like 60s or 10m)", Units.duration) else { return nil }
        guard value == value.rounded(), value < 1e9 else {
            r.report(f[key]?.mark, "'\(key)' in \(f.context) is \(f[key]?.scalar?.string ?? "\(value)"); events have second resolution, expected a whole number of seconds (like 90s or 2m)")
            return nil
        }
        if positive && value <= 0 {
            r.report(f[key]?.mark, "'\(key)' in \(f.context) must be a duration > 0")
            return nil
        }
        return value
    }
}
