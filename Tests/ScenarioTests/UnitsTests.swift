import Scenario
import Testing

@Suite struct UnitsTests {
    @Test func durationsConvertToSeconds() throws {
        #expect(try Units.duration("250ms") == 0.25)
        #expect(try Units.duration("10m") == 600)
        #expect(try Units.duration("10min") == 600)
        #expect(try Units.duration("1.5h") == 5400)
        #expect(try Units.duration("2d") == 172_800)
        #expect(try Units.duration("500us") == 0.0005)
        #expect(try Units.duration("3") == 3)
        #expect(try Units.duration("0.5") == 0.5)
        #expect(try Units.duration(".5s") == 0.5)
        #expect(try Units.duration("1e3ms") == 1)
    }

    @Test func durationErrorsSayWhatWasExpected() {
        #expect(throws: UnitError("unknown unit 'xs' in duration '5xs'; expected us, ms, s, m, min, h, d, y")) {
            try Units.duration("5xs")
        }
        #expect(throws: UnitError("negative duration '-1s'; expected a duration >= 0")) { try Units.duration("-1s") }
        #expect(throws: UnitError.self) { try Units.duration("fast") }
    }

    @Test func ratesConvertToPerSecond() throws {
        #expect(try Units.rate("120/s") == 120)
        #expect(try Units.rate("5k/h") == 5000.0 / 3600)
        #expect(abs(try Units.rate("3.6M/d") - 41.666_666_666_666_664) < 1e-9)
        #expect(try Units.rate("30/min") == 0.5)
        #expect(try Units.rate("7.2") == 7.2)
        #expect(throws: UnitError.self) { try Units.rate("5/week") }
    }

    @Test func bandwidthIsDecimalBitsPerSecond() throws {
        #expect(try Units.bandwidth("1Gbps") == 1e9)
        #expect(try Units.bandwidth("100Mbps") == 1e8)
        #expect(try Units.bandwidth("64kbps") == 64_000)
        #expect(try Units.bandwidth("2Tbps") == 2e12)
        #expect(try Units.bandwidth("9600") == 9600)
        #expect(throws: UnitError.self) { try Units.bandwidth("1GB") }
    }

    @Test func sizesAreDecimalOrBinaryBytes() throws {
        #expect(try Units.size("4KiB") == 4096)
        #expect(try Units.size("4KB") == 4000)
        #expect(try Units.size("2MiB") == 2_097_152)
        #expect(try Units.size("1GB") == 1e9)
        #expect(try Units.size("512B") == 512)
        #expect(try Units.size("100") == 100)
        #expect(throws: UnitError.self) { try Units.size("4Kb") }
    }

    @Test func fractionsAcceptPercentagesWithinZeroToOne() throws {
        #expect(try Units.fraction("0.5%") == 0.005)
        #expect(try Units.fraction("70%") == 0.7)
        #expect(try Units.fraction("0.6") == 0.6)
        #expect(throws: UnitError.self) { try Units.fraction("1.5") }
        #expect(throws: UnitError.self) { try Units.fraction("-1%") }
    }

    @Test func growthMustExceedMinusHundredPercent() throws {
        #expect(try Units.growth("25%") == 0.25)
        #expect(try Units.growth("1.5") == 1.5)
        #expect(try Units.growth("-50%") == -0.5)
        #expect(throws: UnitError.self) { try Units.growth("-100%") }
        #expect(throws: UnitError.self) { try Units.growth("-1.2") }
    }

    @Test func moneyIsABareNonNegativeNumber() throws {
        #expect(try Units.money("350000000") == 350_000_000)
        #expect(try Units.money("350_000_000") == 350_000_000)
        #expect(throws: UnitError.self) { try Units.money("350M") }
        #expect(throws: UnitError.self) { try Units.money("-1") }
    }
}
