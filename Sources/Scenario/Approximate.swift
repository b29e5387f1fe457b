import Foundation

/// Large counts, durations and computing times written for people: "4.4 million", "3.2e+305", "about 4 minutes".
enum Approximate {
    static func count(_ x: Double) -> String {
        guard x.isFinite else { return "infinitely many" }
        switch x {
        case ..<1e6: return Int(x.rounded()).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        case ..<1e9: return String(format: "%.1f million", x / 1e6)
        case ..<1e12: return String(format: "%.1f billion", x / 1e9)
        case ..<1e15: return String(format: "%.1f trillion", x / 1e12)
        default: return String(format: "%.1e", x)
        }
    }

    /// A duration in seconds with the largest fitting unit.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "infinite" }
        let units: [(Double, String)] = [(365.25 * 86_400, "years"), (86_400, "days"), (3600, "h"), (60, "min")]
        for (size, name) in units where seconds >= size {
            let value = seconds / size
            return value >= 1e6 ? String(format: "%.1e %@", value, name) : String(format: "%g %@", (value * 10).rounded() / 10, name)
        }
        return String(format: "%.2g s", seconds)
    }

    /// How long `events` take at `RunLimits.eventsPerSecond`.
    static func time(_ events: Double) -> String {
        "about \(duration(events / RunLimits.eventsPerSecond)) of computing at \(count(RunLimits.eventsPerSecond)) events/s"
    }
}
