import SimKernel

/// Exact sampling of a non-homogeneous Poisson process whose rate is piecewise constant:
/// rate × hourly profile × weekday factor × active peaks × active event rate factors.
///
/// The next arrival is found by inverting the cumulative rate: an Exp(1) amount of "intensity"
/// is consumed piece by piece up to the next change of rate, so arrivals follow the rate exactly,
/// with no discretisation and no dependence on when other events happen.
public struct ArrivalClock: Sendable {
    /// Mean rate, requests per second.
    public let rate: Double
    let hourly: [Double]?
    let weekly: [Double]?
    /// Peak windows in absolute clock seconds (after Monday 00:00 of the week simulated time 0 falls in).
    let peaks: [(start: Double, end: Double, multiplier: Double)]
    /// Sorted times (absolute clock seconds) where a peak starts or ends.
    let peakEdges: [Double]
    /// Offset of simulated time 0 after Monday 00:00, seconds.
    let start: Double
    let isConstant: Bool

    /// - Parameter windows: event rate factors, as (from, to, factor) in simulated seconds from time 0.
    public init(_ pattern: ArrivalPattern, start: Double, windows: [(Double, Double, Double)] = []) throws {
        rate = pattern.rate
        self.start = start
        hourly = try Self.normalised(pattern.hourly, count: 24, what: "hourly profile")
        weekly = try Self.normalised(pattern.weekly, count: 7, what: "weekly profile")
        let dayStart = (start / 86_400).rounded(.down) * 86_400
        var p: [(Double, Double, Double)] = []
        for peak in pattern.peaks {
            guard peak.day >= 1, peak.fromHour >= 0, peak.toHour > peak.fromHour, peak.toHour <= 24, peak.multiplier >= 0 else {
                throw ModelError("peak '\(peak.name)' needs day >= 1, 0 <= from < to <= 24 hours and a multiplier >= 0")
            }
            let base = dayStart + Double(peak.day - 1) * 86_400
            p.append((base + peak.fromHour * 3600, base + peak.toHour * 3600, peak.multiplier))
        }
        for (from, to, factor) in windows {
            guard from >= 0, to > from, factor >= 0 else { throw ModelError("an event needs 0 <= at < end and a rate factor >= 0") }
            p.append((start + from, start + to, factor))
        }
        peaks = p
        peakEdges = p.flatMap { [$0.0, $0.1] }.sorted()
        isConstant = hourly == nil && weekly == nil && p.isEmpty
    }

    static func normalised(_ values: [Double]?, count: Int, what: String) throws -> [Double]? {
        guard let v = values else { return nil }
        guard v.count == count, v.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw ModelError("\(what) needs \(count) non-negative numbers")
        }
        let mean = v.reduce(0, +) / Double(count)
        guard mean > 0 else { throw ModelError("\(what) is all zero") }
        return v.map { $0 / mean }
    }

    /// The rate multiplier at absolute clock time `a` (seconds after Monday 00:00).
    func multiplier(atClock a: Double) -> Double {
        var m = 1.0
        if let h = hourly { m *= h[Int((a / 3600).rounded(.down)) % 24] }
        if let w = weekly { m *= w[Int((a / 86_400).rounded(.down)) % 7] }
        for p in peaks where a >= p.start && a < p.end { m *= p.multiplier }
        return m
    }

    /// The rate (requests per second) at simulated time `t`.
    public func rate(at t: Double) -> Double { rate * multiplier(atClock: start + t) }

    /// The next clock time after `a` at which the rate may change.
    func nextChange(afterClock a: Double) -> Double {
        var b = Double.infinity
        if hourly != nil || weekly != nil { b = ((a / 3600).rounded(.down) + 1) * 3600 }
        for e in peakEdges where e > a {
            if e < b { b = e }
            break
        }
        return b
    }

    /// The first arrival after simulated time `t` (seconds), or `.infinity` if none before `end`.
    @inline(__always)
    func nextArrival(after t: Double, end: Double, stream: RandomSource) -> Double {
        if isConstant {
            return rate > 0 ? t + stream.exponential(mean: 1 / rate) : .infinity
        }
        return nextArrivalVarying(after: t, end: end, need: stream.exponential(mean: 1))
    }

    /// Inversion of the cumulative rate from `t`, consuming `need` units of intensity.
    func nextArrivalVarying(after t: Double, end: Double, need initialNeed: Double) -> Double {
        var need = initialNeed
        var a = start + t
        let endClock = start + end
        while a < endClock {
            let r = rate * multiplier(atClock: a)
            var b = nextChange(afterClock: a)
            // Guard against a boundary that rounding placed at or before `a`.
            if b <= a { b = a.nextUp }
            if r > 0 {
                let available = r * (b - a)
                if need <= available { return a + need / r - start }
                need -= available
            }
            a = b
        }
        return .infinity
    }

    /// The pieces of constant rate that `nextArrivalVarying` walks through from simulated time 0 until clock time
    /// `start + end`: each piece starts where the previous one ended (the first at `start`), ends at the next change
    /// of rate, and has the rate `nextArrivalVarying` uses there. Nil when there would be more than `limit` pieces.
    func ratePieces(until end: Double, limit: Int = 1 << 20) -> [RatePiece]? {
        var pieces: [RatePiece] = []
        var a = start + 0
        let endClock = start + end
        while a < endClock {
            guard pieces.count < limit else { return nil }
            var b = nextChange(afterClock: a)
            if b <= a { b = a.nextUp }
            pieces.append(RatePiece(end: b, rate: rate * multiplier(atClock: a)))
            a = b
        }
        return pieces
    }

    /// Expected number of arrivals in simulated time [t0, t1] (for tests and load checks).
    public func expectedArrivals(from t0: Double, to t1: Double) -> Double {
        var a = start + t0
        let e = start + t1
        var total = 0.0
        while a < e {
            let b = min(nextChange(afterClock: a), e)
            total += rate * multiplier(atClock: a) * (b - a)
            a = b
        }
        return total
    }

    /// Largest rate (requests per second) reached during simulated time [t0, t1].
    public func peakRate(from t0: Double, to t1: Double) -> Double {
        var a = start + t0
        let e = start + t1
        var best = 0.0
        while a < e {
            best = max(best, rate * multiplier(atClock: a))
            a = nextChange(afterClock: a)
        }
        return best
    }
}

/// A piece of constant arrival rate: from the end of the previous piece to `end` (clock seconds after Monday 00:00),
/// `rate` requests per second.
struct RatePiece {
    let end: Double
    let rate: Double
}

/// A workload's walk through its `RatePiece`s (which a replication keeps in one buffer): the next arrival after
/// simulated time t computed from the pieces, with exactly the arithmetic of `ArrivalClock.nextArrivalVarying`, so
/// without copying the clock. Simulated time only moves forward, so the cursor does too.
struct ArrivalCursor {
    /// Offset of simulated time 0 after Monday 00:00, seconds (`ArrivalClock.start`).
    let clockStart: Double
    /// The piece of this workload (an index into the buffer) that simulated time has reached.
    var piece: Int

    /// A piece is used for a start inside it only when the start is at least this far (seconds) from the piece's
    /// end, and the clock below `clockLimit`: the hour and the day of the week that `ArrivalClock` computes by
    /// division (a / 3600, a / 86,400) are then surely those of the whole piece, so the piece's rate and end are
    /// what the clock would compute. Closer to an end, the clock itself answers.
    static var edgeMargin: Double { 1e-5 }
    static var clockLimit: Double { 1e9 }

    /// The first arrival after simulated time `t` (seconds) before simulated time `end`, consuming `need` units of
    /// intensity; nil when the clock itself must answer (a start within `edgeMargin` of a piece's end).
    @inline(__always)
    mutating func nextArrival(after t: Double, end: Double, need initialNeed: Double,
                              pieces: UnsafeMutablePointer<RatePiece>) -> Double? {
        var need = initialNeed
        var a = clockStart + t
        let endClock = clockStart + end
        guard a < endClock else { return .infinity }
        var k = piece
        while pieces[k].end <= a { k &+= 1 }
        piece = k
        guard pieces[k].end - a > Self.edgeMargin, a < Self.clockLimit else { return nil }
        while a < endClock {
            let r = pieces[k].rate
            let b = pieces[k].end
            if r > 0 {
                let available = r * (b - a)
                if need <= available { return a + need / r - clockStart }
                need -= available
            }
            a = b
            k &+= 1
        }
        return .infinity
    }
}
