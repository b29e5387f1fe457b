import Scenario
import Testing

/// Units added for storage and facilities (contract §6): TB/PB/TiB/PiB, counts with k/M/B, the year, watts.
@Suite struct UnitsStorageTests {
    @Test func terabytesAndPetabytesAreDecimal() throws {
        #expect(try Units.size("400TB") == 400e12)
        #expect(try Units.size("1.5PB") == 1.5e15)
        #expect(try Units.size("2PB") == Units.size("2000TB"))
    }

    @Test func tebibytesAndPebibytesAreBinary() throws {
        #expect(try Units.size("1TiB") == 1_099_511_627_776)          // 2^40
        #expect(try Units.size("1PiB") == 1_125_899_906_842_624)      // 2^50
        #expect(try Units.size("3PiB") == 3 * 1024 * Units.size("1TiB"))
    }

    /// Every size unit reads back the number it was written with: value / unit factor == number.
    @Test func sizeUnitsRoundTrip() throws {
        let factors: [(String, Double)] = [("B", 1), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("PB", 1e15),
                                           ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824),
                                           ("TiB", 1_099_511_627_776), ("PiB", 1_125_899_906_842_624)]
        for (unit, factor) in factors {
            for n in [1.0, 2.5, 600, 105] {
                #expect(try Units.size("\(n)\(unit)") / factor == n, "\(n)\(unit)")
            }
        }
    }

    @Test func countsTakeKMAndBMultipliers() throws {
        #expect(try Units.count("105M") == 105e6)
        #expect(try Units.count("2.5k") == 2500)
        #expect(try Units.count("1.2B") == 1.2e9)
        #expect(try Units.count("65000000") == 65e6)
        #expect(try Units.count("65_000_000") == 65e6)
        #expect(try Units.count("0") == 0)
    }

    @Test func countsRoundTrip() throws {
        for (suffix, factor) in [("", 1.0), ("k", 1e3), ("M", 1e6), ("B", 1e9)] {
            for n in [1.0, 15, 104.5] { #expect(try Units.count("\(n)\(suffix)") / factor == n, "\(n)\(suffix)") }
        }
    }

    @Test func badCountsAreRejectedWithWhatWasExpected() {
        #expect(throws: UnitError("unknown multiplier 'x' in count '5x'; expected a number, optionally with k, M or B (10^3, 10^6, 10^9; like 105M)")) {
            try Units.count("5x")
        }
        #expect(throws: UnitError("negative count '-3M'; expected a count >= 0")) { try Units.count("-3M") }
        #expect(throws: UnitError.self) { try Units.count("many") }
        #expect(throws: UnitError.self) { try Units.count("5 m") }   // lower-case m is not a multiplier
        #expect(throws: UnitError.self) { try Units.count("5KB") }
    }

    @Test func badSizesAreRejected() {
        #expect(throws: UnitError("negative size '-1TB'; expected a size >= 0")) { try Units.size("-1TB") }
        #expect(throws: UnitError.self) { try Units.size("5x") }
        #expect(throws: UnitError.self) { try Units.size("1Tb") }     // bits are not a size unit
        #expect(throws: UnitError.self) { try Units.size("1EB") }
    }

    @Test func aYearIs365Days() throws {
        #expect(try Units.duration("1y") == 365 * 86_400)
        #expect(try Units.duration("2y") == Units.duration("730d"))
        #expect(try Units.duration("0.5y") == 182.5 * 86_400)
        #expect(throws: UnitError.self) { try Units.duration("2yr") }
        #expect(throws: UnitError.self) { try Units.duration("-1y") }
    }

    @Test func powerIsInWatts() throws {
        #expect(try Units.power("450W") == 450)
        #expect(try Units.power("1.2kW") == 1200)
        #expect(try Units.power("300") == 300)
        #expect(try Units.power("0W") == 0)
        for n in [1.0, 0.45, 7.5] { #expect(try Units.power("\(n)kW") / 1000 == n) }
    }

    @Test func badPowersAreRejected() {
        #expect(throws: UnitError("unknown unit 'kWh' in power '1kWh'; expected W or kW (like 450W or 1.2kW)")) {
            try Units.power("1kWh")
        }
        #expect(throws: UnitError("negative power '-5W'; expected a power >= 0")) { try Units.power("-5W") }
        #expect(throws: UnitError.self) { try Units.power("5x") }
        #expect(throws: UnitError.self) { try Units.power("450w") }
    }
}
