internal import CGSL

/// A mean over independent replications with its 95% confidence half-width (Student t).
public struct Estimate: Sendable, Equatable {
    /// Mean of the replication values.
    public var mean: Double
    /// Half-width of the two-sided 95% confidence interval (0 with fewer than 2 values).
    public var ci95: Double

    public init(mean: Double, ci95: Double) {
        self.mean = mean
        self.ci95 = ci95
    }

    /// Lower end of the interval.
    public var lower: Double { mean - ci95 }
    /// Upper end of the interval.
    public var upper: Double { mean + ci95 }

    /// Mean and Student-t 95% half-width of independent replication values:
    /// t(0.975, n−1) × s / √n, with s the sample standard deviation.
    public init(replicationValues values: [Double]) {
        let n = values.count
        guard n > 0 else { self.init(mean: 0, ci95: 0); return }
        let mean = values.reduce(0, +) / Double(n)
        guard n > 1 else { self.init(mean: mean, ci95: 0); return }
        var ss = 0.0
        for v in values { ss += (v - mean) * (v - mean) }
        let s = (ss / Double(n - 1)).squareRoot()
        self.init(mean: mean, ci95: StudentT.quantile(0.975, degreesOfFreedom: n - 1) * s / Double(n).squareRoot())
    }

    /// True when `value` lies within the interval widened by `slack` (absolute).
    public func contains(_ value: Double, slack: Double = 0) -> Bool {
        abs(value - mean) <= ci95 + slack
    }
}

/// Student's t distribution.
public enum StudentT {
    /// The `p` quantile of Student's t with `degreesOfFreedom` (GSL `gsl_cdf_tdist_Pinv`).
    public static func quantile(_ p: Double, degreesOfFreedom: Int) -> Double {
        KernelGSL.disableAbortOnError()
        return gsl_cdf_tdist_Pinv(p, Double(degreesOfFreedom))
    }
}
