import InfraModel
let m = try Benchmark.runMMc()
print(m.customers, m.events, m.seconds, m.customersPerSecond, m.eventsPerSecond, m.meanResponse)
