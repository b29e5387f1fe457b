import InfraModel
import Yams

/// `limiters:`: token buckets in front of rate-limited services.
extension ScenarioDecoder {
    static let limiterKeys = ["id", "site", "rate", "burst", "excess", "queue", "patience", "owner", "unit", "max_rate",
                              "description"]

    func decodeLimiter(_ node: Node, index: Int) -> LimiterSpec? {
        guard let f = r.fields(node, context: context("limiter", node, index: index), allowed: Self.limiterKeys,
                               required: ["id", "site", "rate"]) else { return nil }
        let id = register(f, kind: "limiter", in: &limiterIDs)
        let site = reference(f, "site", kind: "site", plural: "sites", in: siteIDs)
        let rate = positiveRate(f, "rate")
        var ok = true
        var burst: Double?
        if let node = f["burst"], let b = r.number(node, "'burst' in \(f.context)", expected: "a number of tokens >= 1") {
            if b >= 1 && b.isFinite {
                burst = b
            } else {
                r.report(node.mark, "'burst' in \(f.context) must be a number of tokens >= 1, found \(node.scalar?.string ?? "\(b)")")
                ok = false
            }
        } else if f.has("burst") {
            ok = false
        }
        let excessText = r.choice(f, "excess", [LimiterExcess.reject.rawValue, LimiterExcess.queue.rawValue])
        if f.has("excess") && excessText == nil { ok = false }
        let excess = excessText.flatMap(LimiterExcess.init(rawValue:)) ?? .reject
        var capacity: Int?
        if let queueNode = f["queue"] {
            if excess != .queue {
                r.report(queueNode.mark, "'queue' in \(f.context) applies only to excess: queue; expected excess: queue or no 'queue'")
                ok = false
            } else if let q = r.fields(queueNode, context: "queue of \(f.context)", allowed: ["capacity"]) {
                if let capNode = q["capacity"], case .scalar(let s) = capNode, s.string == "unlimited" {
                    capacity = nil
                } else if let capNode = q["capacity"] {
                    capacity = r.integer(capNode, "'capacity' in \(q.context) (waiting places, or 'unlimited')", minimum: 0)
                    if capacity == nil { ok = false }
                }
            } else {
                ok = false
            }
        }
        let patience = r.distribution(f, "patience", kind: .duration)
        if f.has("patience") {
            if patience == nil { ok = false }
            if excess != .queue {
                r.report(f.keyMark("patience"), "'patience' in \(f.context) applies only to excess: queue (rejected requests do not wait)")
                ok = false
            }
        }
        let owner = f.has("owner") ? reference(f, "owner", kind: "agency", plural: "agencies", in: agencyIDs) : nil
        var unit: RateUnit?
        if let unitNode = f["unit"],
           let u = r.fields(unitNode, context: "unit of \(f.context)", allowed: ["step", "cost_per_year"],
                            required: ["step", "cost_per_year"]) {
            let step = positiveRate(u, "step")
            let cost = r.quantity(u, "cost_per_year", expected: "an amount of money", Units.money)
            if let step, let cost { unit = RateUnit(stepPerSecond: step, costPerYear: cost) } else { ok = false }
        }
        let maxRate = positiveRate(f, "max_rate")
        if let maxRate, let rate, maxRate < rate {
            r.report(f["max_rate"]?.mark, "max_rate of \(f.context) is below its rate; expected max_rate >= rate")
            ok = false
        }
        let description = r.text(f, "description")
        guard let id, let site, let rate, ok else { return nil }
        limiterSite[id] = site
        let configuration = LimiterConfiguration(id: id, site: site, rate: rate, burst: burst, excess: excess,
                                                 queueCapacity: capacity, patience: patience)
        return LimiterSpec(configuration: configuration, owner: owner ?? siteAgency[site] ?? "", unit: unit,
                           maxRate: maxRate, description: description, location: r.location(f.mark))
    }

    private func positiveRate(_ f: Fields, _ key: String) -> Double? {
        guard let value = r.quantity(f, key, expected: "a rate (like 200/s)", Units.rate) else { return nil }
        guard value > 0 else {
            r.report(f[key]?.mark, "'\(key)' in \(f.context) must be a rate > 0")
            return nil
        }
        return value
    }
}
