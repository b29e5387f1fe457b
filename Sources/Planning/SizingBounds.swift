import Foundation
import InfraModel
import Queueing
import Scenario

/// Closed-form brackets for the sizing search: a lower bound that every feasible configuration
/// must reach (stability and utilisation targets, from offered load), and a generous starting
/// point that queueing theory expects to meet latency targets (Erlang C with little waiting).
enum SizingBounds {
    /// Sizing variables for `scenario` in a year whose model is `model`, never below `floor`.
    /// - Parameter floor: per pool id, servers already bought; per link id, bandwidth already bought (bit/s).
    static func variables(_ scenario: Scenario, model: ModelConfiguration, floor: [String: Double]?) throws -> [SizingVariable] {
        let compiled = try CompiledModel(model)
        let load = LoadAnalysis(compiled)
        var vars: [SizingVariable] = []
        for (i, p) in scenario.pools.enumerated() {
            let cfg = model.pools[i]
            let availability = cfg.availability
            let perServer = Double(cfg.concurrency) * availability
            // Offered load in busy channels at the mean rate over the run.
            let channels = Double(cfg.servers * cfg.concurrency) * availability
            let offered = load.pools[i].meanUtilization.isFinite ? load.pools[i].meanUtilization * channels : 0
            let offeredServers = offered / perServer
            var lower = offered > 0 ? Int(offeredServers.rounded(.down)) + 1 : 1
            var reason = "stability: offered load is \(fmt(offeredServers)) servers"
            if let limit = utilizationLimit(scenario, .pool(p.id)) {
                let need = Int((offeredServers / limit - 1e-9).rounded(.up))
                if need >= lower { lower = need; reason = "utilisation target \(pct(limit)) with \(fmt(offeredServers)) servers of offered load" }
            }
            lower = max(lower, 1) + p.redundancy
            if p.redundancy > 0 { reason += ", plus \(p.redundancy) in reserve (n+\(p.redundancy))" }
            if let f = floor?[p.id], Int(f) > lower { lower = Int(f); reason = "already installed" }
            vars.append(SizingVariable(kind: .pool(i), label: "pool:\(p.id)", lower: lower,
                                       bound: max(p.maxServers ?? 100_000, 1), base: 0, step: 0,
                                       redundancy: p.redundancy, lowerReason: reason))
        }
        for (i, l) in scenario.links.enumerated() {
            guard let unit = l.unit, unit.stepBps > 0 else { continue }
            let bw = model.links[i].bandwidth
            let fwd = load.directions[2 * i].meanUtilization * bw
            let rev = load.directions[2 * i + 1].meanUtilization * bw
            let bits = max(fwd, rev)
            let base = floor?[l.id] ?? 0
            let limit = utilizationLimit(scenario, .link(l.id)) ?? 1
            var steps = Int(((bits / limit - base) / unit.stepBps).rounded(.down)) + 1
            if bits / limit <= base { steps = 0 }
            let minimum = floor == nil ? 1 : 0
            steps = max(steps, minimum)
            let bound = Int((((l.maxBandwidth ?? max(1e13, bw * 1000)) - base) / unit.stepBps).rounded(.down))
            let reason = limit < 1 ? "utilisation target \(pct(limit)) with \(bps(bits)) offered"
                                   : "stability: \(bps(bits)) offered"
            vars.append(SizingVariable(kind: .link(i), label: "link:\(l.id)", lower: steps, bound: max(bound, steps),
                                       base: base, step: unit.stepBps, redundancy: 0, lowerReason: reason))
        }
        return vars
    }

    /// A starting configuration expected to meet latency targets: each pool with enough servers
    /// that Erlang C gives at most 5% waiting at the busiest rate, each link at most 50% busy at peak.
    static func generous(_ vars: [SizingVariable], scenario: Scenario, model: ModelConfiguration) throws -> SizingValues {
        let load = LoadAnalysis(try CompiledModel(model))
        return vars.map { v in
            switch v.kind {
            case .pool(let i):
                let cfg = model.pools[i]
                let availability = cfg.availability
                let channels = Double(cfg.servers * cfg.concurrency) * availability
                let peak = load.pools[i].peakUtilization.isFinite ? load.pools[i].peakUtilization * channels : 0
                var c = max(Int(peak.rounded(.down)) + 1, 1)
                while c < 1_000_000, let pw = try? ErlangC.probabilityOfWait(servers: c, offeredLoad: peak), pw > 0.05 { c += max(1, c / 50) }
                let servers = Int((Double(c) / (Double(cfg.concurrency) * availability)).rounded(.up)) + v.redundancy
                return min(max(servers, v.lower), v.bound)
            case .link(let i):
                let bw = model.links[i].bandwidth
                let bits = max(load.directions[2 * i].peakUtilization, load.directions[2 * i + 1].peakUtilization) * bw
                let steps = Int(((2 * bits - v.base) / v.step).rounded(.up))
                return min(max(steps, v.lower), v.bound)
            }
        }
    }

    static func utilizationLimit(_ s: Scenario, _ subject: Target.Subject) -> Double? {
        s.targets.filter { $0.subject == subject && $0.metric == .maxUtilization }.map(\.limit).min()
    }

    static func fmt(_ x: Double) -> String { String(format: "%.2f", x) }
    static func pct(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }
    static func bps(_ x: Double) -> String { String(format: "%.1f Mbit/s", x / 1e6) }
}
