internal import CGSL

/// The standard normal distribution (GSL `gsl_cdf_ugaussian_*`).
public enum StandardNormal {
    /// P(Z ≤ x).
    public static func cdf(_ x: Double) -> Double {
        KernelGSL.disableAbortOnError()
        return gsl_cdf_ugaussian_P(x)
    }

    /// The x with P(Z ≤ x) = p, for p in (0, 1).
    public static func quantile(_ p: Double) -> Double {
        KernelGSL.disableAbortOnError()
        return gsl_cdf_ugaussian_Pinv(p)
    }
}

/// The binomial distribution (GSL `gsl_cdf_binomial_P`).
public enum Binomial {
    /// P(X ≤ k) for X ~ Binomial(n, p).
    public static func cdf(_ k: Int, n: Int, p: Double) -> Double {
        KernelGSL.disableAbortOnError()
        guard k >= 0 else { return 0 }
        guard k < n else { return 1 }
        return gsl_cdf_binomial_P(UInt32(k), p, UInt32(n))
    }
}

/// Distribution-free confidence intervals for quantiles from order statistics.
public enum OrderStatistics {
    /// 1-based ranks (l, u) such that the interval [x(l), x(u)] of n sorted values contains the population's
    /// `p` quantile with probability at least `level` (equal tails where the binomial allows); nil when n is too
    /// small for that level.
    ///
    /// P(x(l) ≤ ξ_p ≤ x(u)) = P(l ≤ B < u) for B ~ Binomial(n, p).
    public static func confidenceRanks(n: Int, p: Double, level: Double = 0.95) -> (lower: Int, upper: Int)? {
        guard n >= 1, p > 0, p < 1 else { return nil }
        let tail = (1 - level) / 2
        // Largest l with P(B ≤ l − 1) ≤ tail; smallest u with P(B ≤ u − 1) ≥ 1 − tail.
        var l = 0
        while l + 1 <= n, Binomial.cdf(l, n: n, p: p) <= tail { l += 1 }
        var u = 1
        while u <= n, Binomial.cdf(u - 1, n: n, p: p) < 1 - tail { u += 1 }
        guard l >= 1, u <= n else { return nil }
        return (l, u)
    }
}
