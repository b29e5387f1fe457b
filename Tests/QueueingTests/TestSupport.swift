import Queueing

/// True when `a` and `b` agree to a relative tolerance `rel`, or an absolute tolerance `abs`.
func isClose(_ a: Double, _ b: Double, rel: Double = 1e-9, abs absolute: Double = 0) -> Bool {
    let scale = max(Swift.abs(a), Swift.abs(b))
    return Swift.abs(a - b) <= max(absolute, rel * scale)
}

extension QueueingError {
    var isInvalidParameter: Bool { if case .invalidParameter = self { true } else { false } }
    var isInfeasible: Bool { if case .infeasible = self { true } else { false } }
    var isUnstable: Bool { if case .unstable = self { true } else { false } }
    var isNotConverged: Bool { if case .notConverged = self { true } else { false } }
}
