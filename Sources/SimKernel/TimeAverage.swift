/// The time-weighted average of a piecewise-constant quantity (queue length, busy servers...).
///
/// Call `update(to:at:)` whenever the quantity changes; the integral is accumulated from
/// `start` (set by `restart(at:)`, e.g. at the end of warm-up).
public struct TimeAverage: Sendable {
    /// Current value of the quantity.
    public var value: Double
    /// Integral of the quantity over time since `start`, in (unit × seconds), up to `lastTime`.
    public var integral: Double = 0
    /// Time of the last change, in seconds.
    public var lastTime: Double
    /// Start of the measured period, in seconds.
    public var start: Double

    public init(value: Double = 0, at time: Double = 0) {
        self.value = value
        lastTime = time
        start = time
    }

    /// Records that the quantity becomes `newValue` at `time` (seconds, non-decreasing).
    @inlinable @inline(__always)
    public mutating func update(to newValue: Double, at time: Double) {
        integral += value * (time - lastTime)
        lastTime = time
        value = newValue
    }

    /// Adds `delta` to the quantity at `time`.
    @inlinable @inline(__always)
    public mutating func add(_ delta: Double, at time: Double) {
        update(to: value + delta, at: time)
    }

    /// Discards the history: the measured period starts at `time`.
    public mutating func restart(at time: Double) {
        integral = 0
        lastTime = time
        start = time
    }

    /// Time average over [start, time].
    public func average(until time: Double) -> Double {
        let span = time - start
        guard span > 0 else { return value }
        return (integral + value * (time - lastTime)) / span
    }
}
