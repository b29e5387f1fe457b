import Foundation

/// Why a quantity in a scenario file could not be read: a message saying what is wrong and what was
/// expected (without a location; the loader adds the location of the offending YAML node).
public struct UnitError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Parsers for the quantities of scenario files (contract §2). Each takes the raw scalar text and returns the
/// value in the base unit: seconds, requests per second, bit/s, bytes, a plain fraction, growth per year, or an
/// amount of money in the scenario's currency. A bare number is already in the base unit.
public enum Units {
    // MARK: Durations

    static let durationUnits: [(String, Double)] = [
        ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("min", 60), ("h", 3600), ("d", 86400),
        ("y", 365 * 86400),
    ]
    static let durationExpected = "us, ms, s, m, min, h, d, y"

    /// A duration, in seconds: a bare number of seconds or a number with `us`, `ms`, `s`, `m`/`min`, `h`, `d` or
    /// `y` (365 days; `250ms`, `10m`, `1.5h`, `2y`). Negative durations are errors.
    public static func duration(_ text: String) throws(UnitError) -> Double {
        let (number, suffix) = try split(text, kind: "duration",
                                         expected: "a number of seconds or a number with a unit \(durationExpected) (like 250ms)")
        var value = number
        if !suffix.isEmpty {
            guard let factor = durationUnits.first(where: { $0.0 == suffix })?.1 else {
                throw UnitError("unknown unit '\(suffix)' in duration '\(trimmed(text))'; expected \(durationExpected)")
            }
            value *= factor
        }
        guard value >= 0 else {
            throw UnitError("negative duration '\(trimmed(text))'; expected a duration >= 0")
        }
        guard value.isFinite else {
            throw UnitError("duration '\(trimmed(text))' is too large to represent; expected a finite duration")
        }
        return value
    }

    // MARK: Rates

    static let rateExpected = "/s, /min, /h, /d with an optional k or M multiplier (like 120/s, 5k/h, 3.6M/d)"

    /// An arrival rate, in requests per second: a bare number per second or `N/s`, `N/min`, `N/h`, `N/d`, with an
    /// optional `k` (×10³) or `M` (×10⁶) multiplier before the slash (`120/s`, `5k/h`, `3.6M/d`).
    public static func rate(_ text: String) throws(UnitError) -> Double {
        let (number, suffix) = try split(text, kind: "rate", expected: "a number per second or a number with \(rateExpected)")
        var value = number
        if !suffix.isEmpty {
            var rest = Substring(suffix)
            var multiplier = 1.0
            if rest.first == "k" || rest.first == "K" {
                multiplier = 1e3
                rest = rest.dropFirst()
            } else if rest.first == "M" {
                multiplier = 1e6
                rest = rest.dropFirst()
            }
            let per: Double?
            switch rest.trimmingCharacters(in: .whitespaces) {
            case "/s", "/sec": per = 1
            case "/m", "/min": per = 60
            case "/h": per = 3600
            case "/d": per = 86400
            default: per = nil
            }
            guard let per else {
                throw UnitError("unknown unit '\(suffix)' in rate '\(trimmed(text))'; expected \(rateExpected)")
            }
            value = value * multiplier / per
        }
        guard value >= 0 else {
            throw UnitError("negative rate '\(trimmed(text))'; expected a rate >= 0")
        }
        guard value.isFinite else {
            throw UnitError("rate '\(trimmed(text))' is too large to represent; expected a finite rate")
        }
        return value
    }

    // MARK: Bandwidth

    static let bandwidthUnits: [(String, Double)] = [
        ("bps", 1), ("kbps", 1e3), ("mbps", 1e6), ("gbps", 1e9), ("tbps", 1e12),
    ]
    static let bandwidthExpected = "bps, kbps, Mbps, Gbps, Tbps"

    /// A bandwidth, in bit/s: a bare number of bit/s or a number with `bps`, `kbps`, `Mbps`, `Gbps`, `Tbps`
    /// (decimal: 1 Mbps = 10⁶ bit/s). Negative bandwidths are errors.
    public static func bandwidth(_ text: String) throws(UnitError) -> Double {
        let (number, suffix) = try split(text, kind: "bandwidth",
                                         expected: "a number of bit/s or a number with a unit \(bandwidthExpected) (like 1Gbps)")
        var value = number
        if !suffix.isEmpty {
            guard let factor = bandwidthUnits.first(where: { $0.0 == suffix.lowercased() })?.1 else {
                throw UnitError("unknown unit '\(suffix)' in bandwidth '\(trimmed(text))'; expected \(bandwidthExpected)")
            }
            value *= factor
        }
        guard value >= 0 else {
            throw UnitError("negative bandwidth '\(trimmed(text))'; expected a bandwidth >= 0")
        }
        guard value.isFinite else {
            throw UnitError("bandwidth '\(trimmed(text))' is too large to represent; expected a finite bandwidth")
        }
        return value
    }

    // MARK: Sizes

    static let sizeUnits: [(String, Double)] = [
        ("B", 1), ("KB", 1e3), ("kB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("PB", 1e15),
        ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("TiB", 1_099_511_627_776),
        ("PiB", 1_125_899_906_842_624),
    ]
    static let sizeExpected = "B, KB, MB, GB, TB, PB (decimal), KiB, MiB, GiB, TiB, PiB (binary)"

    /// A size, in bytes: a bare number of bytes or a number with `B`, `KB`, `MB`, `GB`, `TB`, `PB` (decimal) or
    /// `KiB`, `MiB`, `GiB`, `TiB`, `PiB` (binary). Negative sizes are errors.
    public static func size(_ text: String) throws(UnitError) -> Double {
        let (number, suffix) = try split(text, kind: "size",
                                         expected: "a number of bytes or a number with a unit \(sizeExpected) (like 4KB)")
        var value = number
        if !suffix.isEmpty {
            guard let factor = sizeUnits.first(where: { $0.0 == suffix })?.1 else {
                throw UnitError("unknown unit '\(suffix)' in size '\(trimmed(text))'; expected \(sizeExpected)")
            }
            value *= factor
        }
        guard value >= 0 else {
            throw UnitError("negative size '\(trimmed(text))'; expected a size >= 0")
        }
        guard value.isFinite else {
            throw UnitError("size '\(trimmed(text))' is too large to represent; expected a finite size")
        }
        return value
    }

    // MARK: Fractions, growth, money

    /// A fraction (dimensionless, in [0, 1]): a bare number or a percentage (`0.5%` = 0.005).
    public static func fraction(_ text: String) throws(UnitError) -> Double {
        let value = try numberOrPercent(text, kind: "fraction",
                                        expected: "a number in [0, 1] or a percentage (like 0.5%)")
        guard value >= 0 && value <= 1 else {
            throw UnitError("fraction '\(trimmed(text))' is out of range; expected a number in [0, 1] or a percentage from 0% to 100%")
        }
        return value
    }

    /// A growth rate, per year (0.25 = +25% a year): a bare number or a percentage (`25%`), greater than −100%.
    public static func growth(_ text: String) throws(UnitError) -> Double {
        let value = try numberOrPercent(text, kind: "growth",
                                        expected: "a number or a percentage per year (like 25% or 0.25)")
        guard value > -1 else {
            throw UnitError("growth '\(trimmed(text))' must be greater than -100% (a load cannot shrink by all of itself or more in a year)")
        }
        return value
    }

    /// An amount of money, in the scenario's currency: a bare non-negative number.
    public static func money(_ text: String) throws(UnitError) -> Double {
        let t = trimmed(text)
        guard let value = plainNumber(t) else {
            throw UnitError("invalid amount '\(t)'; expected a bare number in the scenario's currency")
        }
        guard value >= 0 else {
            throw UnitError("negative amount '\(t)'; expected an amount >= 0")
        }
        return value
    }

    /// A plain number (no unit).
    public static func number(_ text: String) throws(UnitError) -> Double {
        let t = trimmed(text)
        guard let value = plainNumber(t) else {
            throw UnitError("invalid number '\(t)'; expected a number")
        }
        return value
    }

    /// A whole number.
    public static func integer(_ text: String) throws(UnitError) -> Int {
        let t = trimmed(text)
        guard let value = Int(t.replacingOccurrences(of: "_", with: "")) else {
            throw UnitError("invalid integer '\(t)'; expected a whole number")
        }
        return value
    }

    // MARK: Helpers

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    private static func numberOrPercent(_ text: String, kind: String, expected: String) throws(UnitError) -> Double {
        let (number, suffix) = try split(text, kind: kind, expected: expected)
        switch suffix {
        case "": return number
        case "%": return number / 100
        default: throw UnitError("unknown unit '\(suffix)' in \(kind) '\(trimmed(text))'; expected \(expected)")
        }
    }

    /// A finite number without a unit, or nil.
    static func plainNumber(_ text: String) -> Double? {
        guard let (value, suffix) = leadingNumber(text), suffix.isEmpty else { return nil }
        return value
    }

    /// Splits "250ms" into (250, "ms"); throws when the text does not start with a number.
    private static func split(_ text: String, kind: String, expected: String) throws(UnitError) -> (Double, String) {
        guard let result = leadingNumber(trimmed(text)) else {
            throw UnitError("invalid \(kind) '\(trimmed(text))'; expected \(expected)")
        }
        return result
    }

    /// Reads a decimal number (optional sign, digits with optional `_` separators, fraction, exponent) at the start of
    /// `text` and returns it with the rest of the text (leading whitespace removed).
    static func leadingNumber(_ text: String) -> (Double, String)? {
        let chars = Array(trimmed(text).unicodeScalars)
        var i = 0
        var literal = ""
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        if i < chars.count, chars[i] == "+" || chars[i] == "-" {
            literal.unicodeScalars.append(chars[i])
            i += 1
        }
        var mantissaDigits = 0
        while i < chars.count, isDigit(chars[i]) || (chars[i] == "_" && mantissaDigits > 0) {
            if chars[i] != "_" {
                literal.unicodeScalars.append(chars[i])
                mantissaDigits += 1
            }
            i += 1
        }
        if i < chars.count, chars[i] == "." {
            var j = i + 1
            var fraction = ""
            while j < chars.count, isDigit(chars[j]) {
                fraction.unicodeScalars.append(chars[j])
                j += 1
            }
            if !fraction.isEmpty || mantissaDigits > 0 {
                if mantissaDigits == 0 { literal += "0" }
                literal += "." + (fraction.isEmpty ? "0" : fraction)
                mantissaDigits += fraction.count
                i = j
            }
        }
        guard mantissaDigits > 0 else { return nil }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            var exponent = "e"
            if j < chars.count, chars[j] == "+" || chars[j] == "-" {
                exponent.unicodeScalars.append(chars[j])
                j += 1
            }
            var expDigits = 0
            while j < chars.count, isDigit(chars[j]) {
                exponent.unicodeScalars.append(chars[j])
                j += 1
                expDigits += 1
            }
            if expDigits > 0 {
                literal += exponent
                i = j
            }
        }
        guard let value = Double(literal), value.isFinite else { return nil }
        var rest = String(String.UnicodeScalarView(chars[i...]))
        rest = rest.trimmingCharacters(in: .whitespaces)
        return (value, rest)
    }
}

// MARK: - Counts and power (storage and facilities)

extension Units {
    static let countUnits: [(String, Double)] = [("k", 1e3), ("M", 1e6), ("B", 1e9)]
    static let countExpected = "a number, optionally with k, M or B (10^3, 10^6, 10^9; like 105M)"

    /// A count of things (records, images), dimensionless: a bare number or a number with `k` (10³), `M` (10⁶) or
    /// `B` (10⁹): `105M`, `2.5k`, `1.2B`. Negative counts are errors.
    public static func count(_ text: String) throws(UnitError) -> Double {
        let t = trimmed(text)
        guard let (number, suffix) = leadingNumber(t) else {
            throw UnitError("invalid count '\(t)'; expected \(countExpected)")
        }
        var value = number
        if !suffix.isEmpty {
            guard let factor = countUnits.first(where: { $0.0 == suffix })?.1 else {
                throw UnitError("unknown multiplier '\(suffix)' in count '\(t)'; expected \(countExpected)")
            }
            value *= factor
        }
        guard value >= 0 else { throw UnitError("negative count '\(t)'; expected a count >= 0") }
        guard value.isFinite else { throw UnitError("count '\(t)' is too large; expected a finite count") }
        return value
    }

    static let powerUnits: [(String, Double)] = [("W", 1), ("kW", 1e3)]
    static let powerExpected = "a number of watts or a number with W or kW (like 450W or 1.2kW)"

    /// An electrical power, in watts: a bare number of watts or a number with `W` or `kW` (`450W`, `1.2kW`).
    /// Negative powers are errors.
    public static func power(_ text: String) throws(UnitError) -> Double {
        let t = trimmed(text)
        guard let (number, suffix) = leadingNumber(t) else {
            throw UnitError("invalid power '\(t)'; expected \(powerExpected)")
        }
        var value = number
        if !suffix.isEmpty {
            guard let factor = powerUnits.first(where: { $0.0 == suffix })?.1 else {
                throw UnitError("unknown unit '\(suffix)' in power '\(t)'; expected W or kW (like 450W or 1.2kW)")
            }
            value *= factor
        }
        guard value >= 0 else { throw UnitError("negative power '\(t)'; expected a power >= 0") }
        return value
    }
}
