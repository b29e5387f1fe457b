import Foundation
import PropertyBased
import Scenario
import Testing

/// Quantities formatted with every unit the scenario format accepts and read back (`Units`), and strings that must
/// be refused.
@Suite("units: round trips and rejection")
struct UnitsProperties {
    static let durations: [(String, Double)] = [("us", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("min", 60), ("h", 3600), ("d", 86_400),
                                                ("y", 31_536_000)]
    static let rates: [(String, Double)] = [("/s", 1), ("/min", 60), ("/h", 3600), ("/d", 86_400)]
    static let multipliers: [(String, Double)] = [("", 1), ("k", 1e3), ("M", 1e6)]
    static let bandwidths: [(String, Double)] = [("bps", 1), ("kbps", 1e3), ("Mbps", 1e6), ("Gbps", 1e9), ("Tbps", 1e12)]
    static let sizes: [(String, Double)] = [("B", 1), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("PB", 1e15), ("KiB", 1024),
                                            ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("TiB", 1_099_511_627_776)]

    /// Non-negative numbers over many magnitudes, as a planner might write them (Swift's shortest round-trip form).
    static let magnitudes = Gen.double(in: 0...1).map { u in u == 0 ? 0 : pow(10, 12 * u - 6) }

    @Test func aDurationWrittenWithAnyUnitReadsBackAsItsValueInSeconds() async throws {
        await propertyCheck(count: 200, input: Self.magnitudes, Gen.int(in: 0...(Self.durations.count - 1))) { x, u in
            let (unit, factor) = Self.durations[u]
            #expect((try? Units.duration("\(x)\(unit)")) == x * factor)
            #expect((try? Units.duration(" \(x) \(unit) ")) == x * factor)
        }
    }

    @Test func aRateWithAnyMultiplierAndPeriodReadsBackPerSecond() async throws {
        await propertyCheck(count: 200, input: Self.magnitudes, Gen.int(in: 0...2), Gen.int(in: 0...3)) { x, m, p in
            let (prefix, multiplier) = Self.multipliers[m]
            let (period, seconds) = Self.rates[p]
            #expect((try? Units.rate("\(x)\(prefix)\(period)")) == x * multiplier / seconds)
        }
    }

    @Test func aBandwidthReadsBackInBitsPerSecondWhateverTheCase() async throws {
        await propertyCheck(count: 200, input: Self.magnitudes, Gen.int(in: 0...(Self.bandwidths.count - 1))) { x, u in
            let (unit, factor) = Self.bandwidths[u]
            #expect((try? Units.bandwidth("\(x)\(unit)")) == x * factor)
            #expect((try? Units.bandwidth("\(x)\(unit.uppercased())")) == x * factor)
        }
    }

    @Test func aSizeReadsBackInBytesDecimalOrBinary() async throws {
        await propertyCheck(count: 200, input: Self.magnitudes, Gen.int(in: 0...(Self.sizes.count - 1))) { x, u in
            let (unit, factor) = Self.sizes[u]
            #expect((try? Units.size("\(x)\(unit)")) == x * factor)
        }
    }

    @Test func aFractionReadsBackAsANumberOrAPercentage() async throws {
        await propertyCheck(count: 200, input: Gen.double(in: 0...1)) { f in
            #expect((try? Units.fraction("\(f)")) == f)
            #expect((try? Units.fraction("\(f * 100)%")) == f * 100 / 100)
        }
    }

    @Test func aFractionOutsideZeroToOneIsRefused() async throws {
        await propertyCheck(count: 100, input: Gen.double(in: 1.000001...1e6), Gen.int(in: 0...1)) { x, negative in
            let value = negative == 1 ? -x : x
            #expect(throws: UnitError.self) { try Units.fraction("\(value)") }
        }
    }

    @Test func aNegativeQuantityIsRefusedWithAnyUnit() async throws {
        await propertyCheck(count: 100, input: Gen.double(in: 1e-6...1e6), Gen.int(in: 0...(Self.durations.count - 1))) { x, u in
            #expect(throws: UnitError.self) { try Units.duration("-\(x)\(Self.durations[u].0)") }
            #expect(throws: UnitError.self) { try Units.size("-\(x)B") }
            #expect(throws: UnitError.self) { try Units.rate("-\(x)/s") }
            #expect(throws: UnitError.self) { try Units.bandwidth("-\(x)bps") }
        }
    }

    @Test func aNumberWithAnUnknownUnitIsRefused() async throws {
        let known = Set(Self.durations.map(\.0) + ["µs"])
        let units = Gen.lowercaseLetter.string(of: 1...4).filter { !known.contains($0) && !$0.hasPrefix("e") }
        await propertyCheck(count: 200, input: Self.magnitudes, units) { x, unit in
            #expect(throws: UnitError.self) { try Units.duration("\(x)\(unit)") }
        }
    }

    @Test func textWithoutALeadingNumberIsRefusedByEveryParser() async throws {
        let words = Gen.letter.string(of: 0...8).filter { !$0.lowercased().hasPrefix("inf") && !$0.lowercased().hasPrefix("nan") }
        await propertyCheck(count: 200, input: words) { word in
            #expect(throws: UnitError.self) { try Units.duration(word) }
            #expect(throws: UnitError.self) { try Units.rate(word) }
            #expect(throws: UnitError.self) { try Units.bandwidth(word) }
            #expect(throws: UnitError.self) { try Units.size(word) }
            #expect(throws: UnitError.self) { try Units.fraction(word) }
            #expect(throws: UnitError.self) { try Units.money(word) }
        }
    }

    @Test func aQuantityThatOverflowsAfterItsUnitIsRefused() async throws {
        await propertyCheck(count: 50, input: Gen.double(in: 1...1.7)) { m in
            // m × 10^308 is finite; × 3600 s/h is not.
            #expect(throws: UnitError.self) { try Units.duration("\(m)e308h") }
            #expect(throws: UnitError.self) { try Units.bandwidth("\(m)e308Tbps") }
            #expect(throws: UnitError.self) { try Units.size("\(m)e308GiB") }
            #expect(throws: UnitError.self) { try Units.rate("\(m)e308M/s") }
        }
    }
}
