import ArgumentParser
import InfraModel
import Reporting

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure engine speed: M/M/c through the full model on one thread; prints customers/s and events/s.")

    @Option(help: "Servers c.") var servers: Int = 8
    @Option(help: "Utilisation ρ = λ/(cμ), mean service 1 s.") var utilization: Double = 0.9
    @Option(help: "Customers to simulate.") var customers: Int = 10_000_000
    @Option(name: .customLong("repeat"), help: "Repetitions; the median is reported.") var repetitions: Int = 3

    func validate() throws {
        guard servers >= 1, utilization > 0, utilization < 1, customers >= 1000, repetitions >= 1 else {
            throw ValidationError("need servers >= 1, 0 < utilization < 1, customers >= 1000, repeat >= 1")
        }
    }

    func run() throws {
        var runs: [Benchmark.Measurement] = []
        for i in 0..<repetitions {
            let m = try Benchmark.runMMc(servers: servers, utilization: utilization, customers: customers, seed: UInt64(i + 1))
            Terminal.out("run \(i + 1): \(m.customers) customers, \(m.events) events in \(NumberFormat.fixed(m.seconds, 3)) s: "
                + "\(NumberFormat.fixed(m.customersPerSecond / 1e6, 2))M customers/s, \(NumberFormat.fixed(m.eventsPerSecond / 1e6, 2))M events/s"
                + " (mean response \(NumberFormat.fixed(m.meanResponse, 4)) s)\n")
            runs.append(m)
        }
        let median = runs.sorted { $0.eventsPerSecond < $1.eventsPerSecond }[runs.count / 2]
        Terminal.out("M/M/\(servers) at ρ = \(utilization), median of \(repetitions): "
            + "\(NumberFormat.fixed(median.customersPerSecond / 1e6, 2))M customers/s, "
            + "\(NumberFormat.fixed(median.eventsPerSecond / 1e6, 2))M events/s on one thread\n")
    }
}
