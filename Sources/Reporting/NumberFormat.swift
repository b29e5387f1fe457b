import Foundation

/// Human formatting of quantities for tables and reports.
public enum NumberFormat {
    /// A duration in seconds as "850 µs", "12.3 ms", "1.42 s", "3.5 min", "2.1 h".
    public static func duration(_ s: Double) -> String {
        guard s.isFinite else { return "∞" }
        if s == 0 { return "0 s" }
        if s < 1e-3 { return fixed(s * 1e6, 0) + " µs" }
        if s < 1 { return significant(s * 1e3) + " ms" }
        if s < 120 { return significant(s) + " s" }
        if s < 7200 { return significant(s / 60) + " min" }
        return significant(s / 3600) + " h"
    }

    /// A fraction as a percentage with up to 2 decimals ("85.3%", "0.12%").
    public static func percent(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        let p = x * 100
        if p == 0 { return "0%" }
        if abs(p) < 1 { return fixed(p, 2) + "%" }
        return fixed(p, 1) + "%"
    }

    /// A bandwidth in bit/s as "950 Mbit/s", "1.2 Gbit/s".
    public static func bandwidth(_ bps: Double) -> String {
        if bps >= 1e12 { return significant(bps / 1e12) + " Tbit/s" }
        if bps >= 1e9 { return significant(bps / 1e9) + " Gbit/s" }
        if bps >= 1e6 { return significant(bps / 1e6) + " Mbit/s" }
        if bps >= 1e3 { return significant(bps / 1e3) + " kbit/s" }
        return fixed(bps, 0) + " bit/s"
    }

    /// A size in bytes in decimal units as "950 GB", "50 TB", "1.25 PB" (3 significant digits, trailing zeros dropped).
    public static func bytes(_ b: Double) -> String {
        guard b.isFinite else { return "∞" }
        let units: [(Double, String)] = [(1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")]
        for (scale, name) in units where b >= scale { return trimmedSignificant(b / scale) + " " + name }
        return fixed(b, 0) + " B"
    }

    /// Three significant digits without trailing zeros after the point ("50", "1.25", "0.5").
    static func trimmedSignificant(_ x: Double) -> String {
        var s = significant(x)
        guard s.contains(".") else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A rate per second with 3 significant digits.
    public static func rate(_ x: Double) -> String { significant(x) + "/s" }

    /// Three significant digits, no exponent for ordinary magnitudes.
    public static func significant(_ x: Double) -> String {
        guard x.isFinite else { return "∞" }
        let a = abs(x)
        if a >= 100 { return fixed(x, 0) }
        if a >= 10 { return fixed(x, 1) }
        if a >= 1 { return fixed(x, 2) }
        return fixed(x, 3)
    }

    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", x)
    }

    /// An estimate as "value ± half-width" using `format`.
    public static func estimate(_ mean: Double, _ ci: Double, _ format: (Double) -> String) -> String {
        ci > 0 ? "\(format(mean)) ± \(format(ci))" : format(mean)
    }

    /// An integer with thousands separators in the given style ("1,250,000" or "1.250.000").
    public static func grouped(_ n: Int64, separator: Character = ",") -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
