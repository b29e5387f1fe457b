/// What kind of number a scenario value is: how its text is read, which values are valid, and how a value in
/// base units is written back so that it reads the same (used by uncertainty studies to put sampled values into a
/// scenario, and to read distribution parameters in the units of the value they describe).
public struct ValueKind: Sendable, Equatable {
    public enum Unit: String, Sendable, Equatable {
        /// Seconds.
        case duration
        /// Per second.
        case rate
        /// Bit/s.
        case bandwidth
        /// Bytes.
        case size
        /// A share in [0, 1].
        case fraction
        /// Growth per year, > −1.
        case growth
        /// The scenario's currency.
        case money
        /// A dimensionless number.
        case number
        /// A whole number.
        case integer
    }

    public var unit: Unit
    /// Smallest valid value (base units), and whether it is itself valid.
    public var minimum: Double
    public var minimumIncluded: Bool
    /// Largest valid value (base units), always included.
    public var maximum: Double

    public init(_ unit: Unit, minimum: Double = 0, minimumIncluded: Bool = true, maximum: Double = .infinity) {
        self.unit = unit
        self.minimum = minimum
        self.minimumIncluded = minimumIncluded
        self.maximum = maximum
    }

    /// Reads `text` as written in a scenario (units allowed), in base units.
    public func parse(_ text: String) throws(UnitError) -> Double {
        switch unit {
        case .duration: return try Units.duration(text)
        case .rate: return try Units.rate(text)
        case .bandwidth: return try Units.bandwidth(text)
        case .size: return try Units.size(text)
        case .fraction: return try Units.fraction(text)
        case .growth: return try Units.growth(text)
        case .money: return try Units.money(text)
        case .number: return try Units.number(text)
        case .integer: return Double(try Units.integer(text))
        }
    }

    /// True when `value` (base units) is valid here.
    public func isValid(_ value: Double) -> Bool {
        value.isFinite && (minimumIncluded ? value >= minimum : value > minimum) && value <= maximum
            && (unit != .integer || value == value.rounded())
    }

    /// `value` limited to the valid range (whole numbers rounded); a value just above an excluded minimum stands
    /// for it.
    public func clamped(_ value: Double) -> Double {
        var v = Swift.min(Swift.max(value, minimum), maximum)
        if !minimumIncluded && v <= minimum { v = minimum.isFinite ? minimum + Swift.max(abs(minimum), 1) * 1e-9 : v }
        return unit == .integer ? v.rounded() : v
    }

    /// The scenario text of `value` (base units), with an explicit unit so it reads back to the same value.
    public func text(_ value: Double) -> String {
        switch unit {
        case .duration: return "\(value)s"
        case .rate: return "\(value)/s"
        case .bandwidth: return "\(value)bps"
        case .size: return "\(value)B"
        case .fraction, .growth: return "\(value * 100)%"
        case .money, .number: return "\(value)"
        case .integer: return String(Int(value.rounded()))
        }
    }

    /// `value` (base units) for people: four significant digits with the value's unit ("12.5%", "0.25 s",
    /// "1e+10 bit/s", "637500000").
    public func display(_ value: Double) -> String {
        func g(_ x: Double) -> String { String(format: "%.4g", x) }
        switch unit {
        case .duration: return "\(g(value)) s"
        case .rate: return "\(g(value))/s"
        case .bandwidth: return "\(g(value)) bit/s"
        case .size: return "\(g(value)) B"
        case .fraction, .growth: return "\(g(value * 100))%"
        case .money: return String(format: "%.0f", value)
        case .number: return g(value)
        case .integer: return String(Int(value.rounded()))
        }
    }

    // Common kinds.
    public static let duration = ValueKind(.duration)
    public static let positiveDuration = ValueKind(.duration, minimumIncluded: false)
    public static let rate = ValueKind(.rate)
    public static let positiveRate = ValueKind(.rate, minimumIncluded: false)
    public static let bandwidth = ValueKind(.bandwidth, minimumIncluded: false)
    public static let size = ValueKind(.size)
    public static let positiveSize = ValueKind(.size, minimumIncluded: false)
    public static let fraction = ValueKind(.fraction, maximum: 1)
    public static let growth = ValueKind(.growth, minimum: -1, minimumIncluded: false)
    public static let money = ValueKind(.money)
    public static let number = ValueKind(.number)
    public static let positiveNumber = ValueKind(.number, minimumIncluded: false)
    public static let count = ValueKind(.integer, minimum: 1)
    public static let wholeNumber = ValueKind(.integer)
}
