import InfraModel
import Yams

/// `client: {timeout, retry: {attempts, backoff: {base, cap, jitter}, budget: {ratio}}}` of a workload.
extension ScenarioDecoder {
    func decodeClient(_ node: Node, context: String) -> ClientConfiguration? {
        guard let f = r.fields(node, context: context, allowed: ["timeout", "retry", "description"]) else { return nil }
        var ok = true
        let timeout = f.has("timeout") ? positiveDuration(f, "timeout") : nil
        if f.has("timeout") && timeout == nil { ok = false }
        var attempts = 1
        var backoff = Backoff()
        var budget: Double?
        if let retryNode = f["retry"] {
            let where_ = "retry of \(context)"
            if let g = r.fields(retryNode, context: where_, allowed: ["attempts", "backoff", "budget"], required: ["attempts"]) {
                if let n = r.integer(g, "attempts", minimum: 1) {
                    if n > 1000 {
                        r.report(g["attempts"]?.mark, "'attempts' in \(where_) is \(n); expected at most 1000 (attempts count the first one)")
                        ok = false
                    }
                    attempts = n
                } else {
                    ok = false
                }
                if let backoffNode = g["backoff"] {
                    if let b = decodeBackoff(backoffNode, context: "backoff of \(where_)") { backoff = b } else { ok = false }
                }
                if let budgetNode = g["budget"] {
                    if let h = r.fields(budgetNode, context: "budget of \(where_)", allowed: ["ratio"], required: ["ratio"]) {
                        budget = r.quantity(h, "ratio", expected: "a share of first attempts (like 10%)", Units.fraction)
                        if budget == nil { ok = false }
                    } else {
                        ok = false
                    }
                }
            } else {
                ok = false
            }
        }
        if !f.has("timeout") && !f.has("retry") {
            r.report(f.mark, "\(context) has neither 'timeout' nor 'retry'; expected a timeout (like 10s), a retry policy, or both")
            return nil
        }
        guard ok else { return nil }
        return ClientConfiguration(timeout: timeout, attempts: attempts, backoff: backoff, budgetRatio: budget)
    }

    private func decodeBackoff(_ node: Node, context: String) -> Backoff? {
        guard let f = r.fields(node, context: context, allowed: ["base", "cap", "jitter"], required: ["base"]) else { return nil }
        let base = r.quantity(f, "base", expected: "a duration (like 1s)", Units.duration)
        let cap = r.quantity(f, "cap", expected: "a duration (like 20s)", Units.duration)
        let jitterText = r.choice(f, "jitter", Jitter.allCases.map(\.rawValue))
        if f.has("jitter") && jitterText == nil { return nil }
        guard let base else { return nil }
        if let cap, cap < base {
            r.report(f["cap"]?.mark, "'cap' in \(context) is below 'base'; expected cap >= base")
            return nil
        }
        if f.has("cap") && cap == nil { return nil }
        return Backoff(base: base, cap: cap ?? .infinity, jitter: jitterText.flatMap(Jitter.init(rawValue:)) ?? .none)
    }
}
