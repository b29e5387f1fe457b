import InfraModel
import SimKernel
import Testing

// Time-varying Poisson arrivals: hourly profiles, weekday factors and peaks.
// Counts are Poisson, so their replication means have tight intervals and the slack is a fraction of a percent.

/// 24 hourly multipliers deliberately not normalised (mean 61/24): the engine normalises them.
private let dailyProfile: [Double] = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 2, 2, 1, 1, 1]

/// A workload "w" at `rate` per second with the given pattern, into a pool that never queues.
private func arrivalsModel(_ pattern: ArrivalPattern, start: Double, duration: Double, replications: Int = 12) -> ModelConfiguration {
    ModelConfiguration(
        name: "arrivals", seed: suiteSeed,
        simulation: settings(duration: duration, warmup: 0, replications: replications, start: start), sites: ["dc"],
        pools: [PoolConfiguration(id: "sink", site: "dc", servers: 64)],
        workloads: [WorkloadConfiguration(id: "w", arrivals: pattern, route: [.pool(id: "sink", service: .deterministic(value: 0.001))])])
}

/// Mean arrivals per replication with their 95% interval.
private func arrivals(_ configuration: ModelConfiguration) throws -> Estimate {
    let (samples, results) = try runWithSamples(configuration)
    let e = estimate(samples) { Double($0.workloads[0].arrived) }
    #expect(abs(results.workloads[0].arrived - e.mean) < 1e-6)
    return e
}

@Test("A daily hourly profile keeps the daily volume: 24 h of arrivals = rate × 86 400")
func hourlyProfileKeepsDailyVolume() throws {
    let rate = 2.0
    let pattern = ArrivalPattern(rate: rate, hourly: dailyProfile)
    // Midnight to midnight, and 07:30 to 07:30 the next day. (Arrivals are drawn by inverting the
    // cumulative rate, so with the same random numbers both windows hold the same count.)
    for start in [0.0, 7.5 * 3600] {
        let e = try arrivals(arrivalsModel(pattern, start: start, duration: 86_400))
        expectAgreement("arrivals in 24 h from \(start / 3600) h", sim: e, theory: rate * 86_400, slack: 0.003, within: 0.006)
    }
}

@Test("An hour of the profile receives rate × its normalised multiplier × 3600 arrivals")
func hourlyProfileShapesEachHour() throws {
    let rate = 2.0
    let mean = dailyProfile.reduce(0, +) / 24
    let pattern = ArrivalPattern(rate: rate, hourly: dailyProfile)
    for hour in [3, 9, 20] {
        let e = try arrivals(arrivalsModel(pattern, start: Double(hour) * 3600, duration: 3600, replications: 20))
        expectAgreement("arrivals in hour \(hour)", sim: e, theory: rate * dailyProfile[hour] / mean * 3600, slack: 0.008, within: 0.02)
    }
    // Half an hour either side of 09:00 mixes hours 8 and 9 equally.
    let e = try arrivals(arrivalsModel(pattern, start: 8.5 * 3600, duration: 3600, replications: 20))
    expectAgreement("arrivals 08:30–09:30", sim: e, theory: rate * (dailyProfile[8] + dailyProfile[9]) / 2 / mean * 3600,
                    slack: 0.008, within: 0.02)
}

@Test("A peak multiplies arrivals inside its window on its day only")
func peakMultipliesItsWindow() throws {
    let rate = 2.0
    // The run starts Tuesday 10:00 (day 1 of the simulated period) and lasts the two-hour window.
    let start = 86_400 + 10 * 3600.0
    let onDay1 = ArrivalPattern(rate: rate, peaks: [Peak(name: "tet", day: 1, fromHour: 10, toHour: 12, multiplier: 3)])
    let onDay2 = ArrivalPattern(rate: rate, peaks: [Peak(name: "tet", day: 2, fromHour: 10, toHour: 12, multiplier: 3)])
    let inside = try arrivals(arrivalsModel(onDay1, start: start, duration: 7200))
    expectAgreement("arrivals inside the peak window", sim: inside, theory: 3 * rate * 7200, slack: 0.005, within: 0.01)
    let otherDay = try arrivals(arrivalsModel(onDay2, start: start, duration: 7200))
    expectAgreement("arrivals when the peak is on another day", sim: otherDay, theory: rate * 7200, slack: 0.008, within: 0.02)
    // Over the whole day, the peak adds (3 − 1) × rate × 2 h.
    let wholeDay = try arrivals(arrivalsModel(onDay1, start: 86_400, duration: 86_400))
    expectAgreement("arrivals over the peak day", sim: wholeDay, theory: rate * (86_400 + 2 * 7200), slack: 0.003, within: 0.006)
}

@Test("The weekly factor is applied on the right day of the week (simulation start)")
func weeklyFactorOnTheRightDay() throws {
    let rate = 1.0
    let weekly: [Double] = [1.2, 1, 1, 1, 1, 0.5, 0.25]  // Monday first; mean 0.85
    let mean = weekly.reduce(0, +) / 7
    let pattern = ArrivalPattern(rate: rate, weekly: weekly)
    for (day, name) in [(0, "Monday"), (5, "Saturday"), (6, "Sunday")] {
        let e = try arrivals(arrivalsModel(pattern, start: Double(day) * 86_400, duration: 86_400, replications: 10))
        expectAgreement("arrivals on \(name)", sim: e, theory: rate * weekly[day] / mean * 86_400, slack: 0.005, within: 0.01)
    }
}

@Test("Static load analysis uses the profile's mean and busiest rate")
func loadAnalysisSeesProfile() throws {
    let pattern = ArrivalPattern(rate: 2, hourly: dailyProfile)
    let model = try CompiledModel(arrivalsModel(pattern, start: 0, duration: 86_400))
    let load = LoadAnalysis(model)
    let work = 2 * 0.001 / 64  // rate × service / servers
    #expect(abs(load.pools[0].meanUtilization - work) < 1e-12)
    #expect(abs(load.pools[0].peakUtilization - work * 5 / (61.0 / 24)) < 1e-12)
}
