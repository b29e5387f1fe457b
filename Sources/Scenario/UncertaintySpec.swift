/// The `uncertainty:` block of a scenario: which values are uncertain, how they vary, and how the study samples
/// them (`capsim explore`).
public struct UncertaintySpec: Sendable, Equatable {
    /// How sample points are placed in the unit hypercube of the inputs.
    public enum Method: String, Sendable, CaseIterable {
        /// Latin hypercube: every input's range cut into `samples` equally likely strata, one sample in each.
        case lhs
        /// GSL's Sobol' quasi-random sequence (at most 40 inputs), origin first, with a seeded random shift.
        case sobol
        /// Independent uniform draws.
        case random
        /// Every combination of the inputs' listed `values` (full factorial).
        case grid
    }

    /// Number of futures sampled (for `grid`, the product of the inputs' value counts).
    public var samples: Int
    public var method: Method
    /// The share of futures the robust plan must cover, in (0, 1).
    public var quantile: Double
    /// Seed of the sample design; nil = the scenario's seed.
    public var seed: UInt64?
    /// Samples rerun with a second simulation seed to measure simulation noise (0 = none).
    public var noiseCheck: Int
    public var inputs: [UncertainInput]
    /// Rank correlations between inputs, imposed by Iman–Conover (lhs and random only).
    public var correlations: [RankCorrelation]
    public var location: SourceLocation?

    public init(samples: Int = 256, method: Method = .lhs, quantile: Double = 0.9, seed: UInt64? = nil, noiseCheck: Int = 8,
                inputs: [UncertainInput], correlations: [RankCorrelation] = [], location: SourceLocation? = nil) {
        self.samples = samples
        self.method = method
        self.quantile = quantile
        self.seed = seed
        self.noiseCheck = noiseCheck
        self.inputs = inputs
        self.correlations = correlations
        self.location = location
    }
}

/// One uncertain value (or, with `*`, a family of values that share one draw).
public struct UncertainInput: Sendable, Equatable {
    /// Whether the drawn number replaces the value, or multiplies it.
    public enum Effect: String, Sendable {
        /// `dist:` — the value is the draw, in the value's units.
        case replace
        /// `factor:` — the value is multiplied by the draw (a dimensionless factor).
        case factor
    }

    public var path: ScenarioPath
    /// How the input is named in results and charts: its `name:`, else its path.
    public var name: String
    public var effect: Effect
    /// The distribution of the draw: base units of the value (replace) or a factor.
    public var distribution: InputDistribution
    /// The kind of the value the path names (its units and valid range).
    public var kind: ValueKind
    /// The values the path names in the file, with their concrete paths and values in base units.
    public var baseValues: [(path: ScenarioPath, value: Double)]
    public var location: SourceLocation?

    public init(path: ScenarioPath, name: String? = nil, effect: Effect, distribution: InputDistribution, kind: ValueKind,
                baseValues: [(path: ScenarioPath, value: Double)], location: SourceLocation? = nil) {
        self.path = path
        self.name = name ?? path.description
        self.effect = effect
        self.distribution = distribution
        self.kind = kind
        self.baseValues = baseValues
        self.location = location
    }

    /// The input's value when nothing is uncertain: the file's value (replace; the first match), or factor 1.
    public var base: Double { effect == .factor ? 1 : baseValues.first?.value ?? .nan }

    public static func == (a: UncertainInput, b: UncertainInput) -> Bool {
        a.path == b.path && a.name == b.name && a.effect == b.effect && a.distribution == b.distribution && a.kind == b.kind
            && a.baseValues.map(\.path) == b.baseValues.map(\.path) && a.baseValues.map(\.value) == b.baseValues.map(\.value)
    }
}

/// The distribution of an uncertain input, in the input's base units (or as a factor).
public enum InputDistribution: Sendable, Equatable {
    case uniform(min: Double, max: Double)
    case triangular(min: Double, mode: Double, max: Double)
    /// Normal with mean and standard deviation, truncated to [lower, upper] (the value's valid range).
    case normal(mean: Double, sd: Double, lower: Double, upper: Double)
    /// Lognormal with mean and coefficient of variation.
    case lognormal(mean: Double, cv: Double)
    /// Listed values with probabilities (equal when not given); the levels of a `grid` study.
    case discrete(values: [Double], p: [Double])
}

/// A rank correlation between two inputs.
public struct RankCorrelation: Sendable, Equatable {
    /// Indices of the two inputs in `UncertaintySpec.inputs`.
    public var a: Int
    public var b: Int
    /// Spearman rank correlation, in (−1, 1).
    public var rank: Double

    public init(a: Int, b: Int, rank: Double) {
        self.a = a
        self.b = b
        self.rank = rank
    }
}
